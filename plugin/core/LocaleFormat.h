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
/// "CHF 1,234.56"). Counted nouns take the form the language's plural
/// rule asks for ("1 ημέρα", "2 ημέρες"; "1 day", "2 days"). Pure and
/// thread-safe.
{
public:
	enum class Plural
	{
		ONE,  /// the singular form: "1 day", "1 ημέρα"
		OTHER /// every other count: "0 days", "2 days", "21 ημέρες"
	};

	static std::string money(Poco::Int64 minor, const std::string& currency, const std::string& language);
	static std::string date(const CalendarDate& day, const std::string& language);

	static Plural plural(long count, const std::string& language);
	/// The plural category of a whole count (CLDR cardinal rules). Greek
	/// and English, and any language without a rule here: ONE for 1 (and
	/// -1), OTHER for everything else, 0 included.

	static std::string number(long count, const std::string& language);
	/// A whole number grouped as the language writes it: "12.345" (el),
	/// "12,345" (en).

	static std::string count(long count, const std::string& language, const std::string& one, const std::string& other);
	/// The number and the noun in the form plural() chooses:
	/// count(1, "el", "ημέρα", "ημέρες") is "1 ημέρα", count(3, "en",
	/// "invoice", "invoices") is "3 invoices".
};


} // namespace reminders


#endif // Reminders_LocaleFormat_INCLUDED
