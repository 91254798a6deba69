//
// Instant.h
//


#ifndef Host_Instant_INCLUDED
#define Host_Instant_INCLUDED


#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <string>


namespace host {


class Instant
/// How the host writes instants: ISO 8601 UTC with milliseconds.
{
public:
	static std::string format(const Poco::Timestamp& at)
	{
		return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%S.%iZ");
	}

	static std::string now()
	{
		return format(Poco::Timestamp());
	}
};


} // namespace host


#endif // Host_Instant_INCLUDED
