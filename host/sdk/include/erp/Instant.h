//
// Instant.h
//
// Instants as text.
//


#ifndef Erp_Instant_INCLUDED
#define Erp_Instant_INCLUDED


#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <string>


namespace erp {


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


} // namespace erp


#endif // Erp_Instant_INCLUDED
