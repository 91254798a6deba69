//
// NullableText.h
//


#ifndef Reminders_NullableText_INCLUDED
#define Reminders_NullableText_INCLUDED


#include <Poco/Nullable.h>
#include <string>


namespace reminders {


class NullableText
/// Nullable text columns: NULL in the database, "" in the plugin.
{
public:
	using Column = Poco::Nullable<std::string>;

	static std::string text(const Column& value)
	{
		return value.isNull() ? std::string() : value.value();
	}

	static Column column(const std::string& value)
	{
		return value.empty() ? Column() : Column(value);
	}
};


} // namespace reminders


#endif // Reminders_NullableText_INCLUDED
