//
// ReminderHolds.cpp
//


#include "plugin/core/ReminderHolds.h"


namespace reminders {


bool ReminderHolds::paused(const std::optional<CalendarDate>& pausedUntil, const CalendarDate& today)
{
	return pausedUntil && today <= *pausedUntil;
}


bool ReminderHolds::belowMinimum(const std::map<std::string, Poco::Int64>& minimums, const std::string& currency,
								 Poco::Int64 outstandingMinor)
{
	auto found = minimums.find(currency);
	return found != minimums.end() && outstandingMinor < found->second;
}


} // namespace reminders
