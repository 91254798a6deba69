//
// WeeklySchedule.cpp
//


#include "plugin/WeeklySchedule.h"
#include <date/tz.h>
#include <stdexcept>


namespace reminders {


WeeklySchedule::WeeklySchedule(const std::string& zone, unsigned isoWeekday, const std::string& localTime):
	_zone(zone),
	_weekday(isoWeekday),
	_time(std::chrono::hours(std::stoi(localTime.substr(0, 2))) +
		  std::chrono::minutes(std::stoi(localTime.substr(3, 2))))
{
	date::locate_zone(_zone); // throws for an unknown zone
}


CalendarDate WeeklySchedule::localDate(Instant instant) const
{
	const auto local = date::make_zoned(_zone, date::floor<std::chrono::seconds>(instant)).get_local_time();
	return CalendarDate(date::sys_days(date::floor<date::days>(local).time_since_epoch()));
}


WeeklySchedule::Instant WeeklySchedule::slotOfWeek(const CalendarDate& anyDayOfWeek) const
{
	const CalendarDate day = anyDayOfWeek.plusDays(static_cast<long>(_weekday) - anyDayOfWeek.isoWeekday());
	const date::local_seconds local{date::local_days(day.days().time_since_epoch()) + _time};
	const date::time_zone* zone = date::locate_zone(_zone);
	const date::local_info info = zone->get_info(local);
	if (info.result == date::local_info::nonexistent)
		// Skipped by a spring-forward change: the first instant after the gap.
		return info.second.begin;
	return zone->to_sys(local, date::choose::earliest);
}


WeeklySchedule::Instant WeeklySchedule::next(Instant now, bool thisWeekDone) const
{
	const CalendarDate today = localDate(now);
	if (thisWeekDone) return slotOfWeek(today.plusDays(7));
	const Instant slot = slotOfWeek(today);
	return slot > now ? slot : now;
}


std::string WeeklySchedule::isoWeek(Instant instant) const
{
	return localDate(instant).isoWeek();
}


} // namespace reminders
