//
// LocaleFormat.h
//


#ifndef Reminders_LocaleFormat_INCLUDED
#define Reminders_LocaleFormat_INCLUDED


#include "plugin/core/CalendarDate.h"
#include <Poco/Types.h>
#include <string>


namespace reminders {


class LocaleFormat
/// Amounts and dates as a reader of the language expects them, spelled
/// out here rather than taken from the process locale:
///   el: 1.234,56 €   30/11/2026
///   en: €1,234.56    30 Nov 2026
/// Currencies without a symbol here show their ISO code ("1.234,56 CHF",
/// "CHF 1,234.56"). Pure and thread-safe.
{
public:
	static std::string money(Poco::Int64 minor, const std::string& currency, const std::string& language);
	static std::string date(const CalendarDate& day, const std::string& language);
};


} // namespace reminders


#endif // Reminders_LocaleFormat_INCLUDED
