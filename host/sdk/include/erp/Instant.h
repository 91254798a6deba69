//
// Instant.h
//
// Instants as text.
//


#ifndef Erp_Instant_INCLUDED
#define Erp_Instant_INCLUDED


#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>
#include <optional>
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

	static std::optional<Poco::Timestamp> parse(const std::string& text)
	/// The instant format() wrote (any ISO 8601 form with a zone is read);
	/// nullopt for an empty or unreadable text.
	{
		if (text.empty()) return std::nullopt;
		int zone = 0;
		Poco::DateTime parsed;
		if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, parsed, zone))
			return std::nullopt;
		parsed.makeUTC(zone);
		return parsed.timestamp();
	}
};


} // namespace erp


#endif // Erp_Instant_INCLUDED
