//
// Base64Text.h
//


#ifndef Reminders_Base64Text_INCLUDED
#define Reminders_Base64Text_INCLUDED


#include <Poco/Base64Encoder.h>
#include <sstream>
#include <string>


namespace reminders {


class Base64Text
/// Base64 on one line, as encoded-words and SMTP AUTH need it.
{
public:
	static std::string encode(const std::string& bytes)
	{
		std::ostringstream out;
		Poco::Base64Encoder encoder(out);
		encoder.rdbuf()->setLineLength(0);
		encoder << bytes;
		encoder.close();
		return out.str();
	}
};


} // namespace reminders


#endif // Reminders_Base64Text_INCLUDED
