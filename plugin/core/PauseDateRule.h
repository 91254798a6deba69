//
// PauseDateRule.h
//


#ifndef Reminders_PauseDateRule_INCLUDED
#define Reminders_PauseDateRule_INCLUDED


#include "plugin/core/CalendarDate.h"
#include <string>


namespace reminders {


class PauseDateRule
/// Whether a customer's reminder pause ("paused_until", a promise to pay:
/// no reminder up to and including that date) may end on a date, seen from
/// the business's today: from today (a pause through today) to
/// MAX_MONTHS_AHEAD calendar months after it. A date before today would
/// pause nothing; one further ahead is a typing error more likely than a
/// promise (2126 for 2026). Lifting the pause (no date) is always allowed,
/// and so is keeping the date a customer already has. Pure and thread-safe.
{
public:
	enum class Verdict
	{
		ALLOWED,
		IN_THE_PAST, /// before today
		TOO_FAR      /// after today + MAX_MONTHS_AHEAD
	};

	static constexpr int MAX_MONTHS_AHEAD = 24;

	static CalendarDate latest(const CalendarDate& today);
	/// The last date a pause may end on: today + MAX_MONTHS_AHEAD months.

	static Verdict check(const CalendarDate& until, const CalendarDate& today);

	static std::string explain(Verdict verdict, const CalendarDate& today);
	/// One sentence for the API's error message (names paused_until).
};


} // namespace reminders


#endif // Reminders_PauseDateRule_INCLUDED
