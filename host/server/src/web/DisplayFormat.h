//
// DisplayFormat.h
//


#ifndef Host_DisplayFormat_INCLUDED
#define Host_DisplayFormat_INCLUDED


#include <string>


namespace host {


class DisplayFormat
/// Amounts, dates and instants as a reader of the page's language expects
/// them, spelled out here rather than taken from the process locale:
///   el: 1.234,50 €   30/11/2026   30/11/2026 14:05 EET
///   en: €1,234.50    30 Nov 2026  30 Nov 2026 14:05 EET
/// Currencies without a symbol here show their ISO code ("1.234,50 CHF",
/// "CHF 1,234.50"). The same rules as the reminders' emails
/// (plugin/core/LocaleFormat), which the host cannot link. Pure and
/// thread-safe.
{
public:
	static std::string money(const std::string& decimal, const std::string& currency, const std::string& language);
	/// `decimal`: the API's decimal string ("1234.50", "-3", "500").
	/// Returned unchanged when it is not one.

	static std::string date(const std::string& isoDate, const std::string& language);
	/// `isoDate`: YYYY-MM-DD; empty for empty; unchanged when malformed.

	static std::string instant(const std::string& isoInstant, const std::string& timeZone, const std::string& language);
	/// The host's ISO 8601 UTC instant (erp::Instant) in the IANA time zone,
	/// to the second, with the zone's abbreviation ("EET", "EEST"); in UTC,
	/// marked "UTC", when the zone is unknown. Unchanged when unreadable.
};


} // namespace host


#endif // Host_DisplayFormat_INCLUDED
