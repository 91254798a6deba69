//
// ZonedClock.h
//


#ifndef Reminders_ZonedClock_INCLUDED
#define Reminders_ZonedClock_INCLUDED


#include "erp/Clock.h"
#include "plugin/core/CalendarDate.h"
#include "plugin/core/ReminderSettings.h"
#include <string>


namespace reminders {


class ZonedClock
/// The business day as the reminders see it: in the settings' time zone
/// when one is set, else in the host's.
{
public:
	static bool isZone(const std::string& zone);
	/// Whether the IANA zone exists in the system's zone database.

	static std::string zoneOf(const ReminderSettings& settings, const erp::Clock& clock);

	static CalendarDate today(const ReminderSettings& settings, const erp::Clock& clock);
	/// Honours a date the host was told to act for (--today) when the zones agree.
};


} // namespace reminders


#endif // Reminders_ZonedClock_INCLUDED
