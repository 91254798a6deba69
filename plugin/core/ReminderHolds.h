//
// ReminderHolds.h
//


#ifndef Reminders_ReminderHolds_INCLUDED
#define Reminders_ReminderHolds_INCLUDED


#include "plugin/core/CalendarDate.h"
#include <Poco/Types.h>
#include <map>
#include <optional>
#include <string>


namespace reminders {


class ReminderHolds
/// The credit controller's reasons to hold a reminder back, as pure rules:
/// a customer's promise to pay («Παύση υπενθυμίσεων έως»), a disputed
/// invoice («Αμφισβητούμενο») and the minimum outstanding amount per
/// currency («Ελάχιστο ποσό ανά νόμισμα»). ReminderPlanner applies them.
/// Pure and thread-safe.
{
public:
	static bool paused(const std::optional<CalendarDate>& pausedUntil, const CalendarDate& today);
	/// True while reminders are paused: up to and including the pause date
	/// itself; they resume the day after.

	static bool belowMinimum(const std::map<std::string, Poco::Int64>& minimums, const std::string& currency,
							 Poco::Int64 outstandingMinor);
	/// True when the customer's due total in this currency is below the
	/// currency's minimum (exactly the minimum is reminded). A currency
	/// without a minimum has none.
};


} // namespace reminders


#endif // Reminders_ReminderHolds_INCLUDED
