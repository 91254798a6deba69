//
// ZonedClock.cpp
//


#include "plugin/ZonedClock.h"
#include <chrono>
#include <date/tz.h>


namespace reminders {


bool ZonedClock::isZone(const std::string& zone)
{
	// Debian's zoneinfo folder, which the zone database is read from, holds
	// "localtime": a link to the machine's /etc/localtime, not an IANA zone.
	if (zone == "localtime") return false;
	try
	{
		date::locate_zone(zone);
		return true;
	}
	catch (std::exception&)
	{
		return false;
	}
}


std::string ZonedClock::zoneOf(const ReminderSettings& settings, const erp::Clock& clock)
{
	return settings.timeZone.empty() ? clock.timeZone() : settings.timeZone;
}


CalendarDate ZonedClock::today(const ReminderSettings& settings, const erp::Clock& clock)
{
	const std::string zone = zoneOf(settings, clock);
	if (zone == clock.timeZone()) return CalendarDate::parse(clock.today()).value_or(CalendarDate());
	const auto instant =
		std::chrono::system_clock::time_point(std::chrono::microseconds(clock.now().epochMicroseconds()));
	const auto local = date::make_zoned(zone, instant).get_local_time();
	return CalendarDate(date::sys_days(date::floor<date::days>(local).time_since_epoch()));
}


} // namespace reminders
