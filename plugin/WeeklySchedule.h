//
// WeeklySchedule.h
//


#ifndef Reminders_WeeklySchedule_INCLUDED
#define Reminders_WeeklySchedule_INCLUDED


#include "plugin/core/CalendarDate.h"
#include <chrono>
#include <string>


namespace reminders {


class WeeklySchedule
/// When the weekly run is due: a weekday and a local time in an IANA time
/// zone ("Monday 09:00 in Europe/Athens"), converted to an instant afresh
/// for every week, so that daylight-saving changes move the instant and
/// never the local time. A local time that does not exist (skipped by a
/// spring-forward change) means the first instant after the gap; one
/// that exists twice means the first of the two.
///
/// Catch-up: a host that was down at the week's moment runs at its next
/// start within the same ISO week; never twice in one week.
///
/// Reads the system's zone database; otherwise pure. Thread-safe.
{
public:
	using Instant = std::chrono::system_clock::time_point;

	WeeklySchedule(const std::string& zone, unsigned isoWeekday, const std::string& localTime);
	/// Throws std::runtime_error for an unknown zone; localTime is HH:MM.

	CalendarDate localDate(Instant instant) const;
	/// The day it is in the zone at that instant.

	Instant slotOfWeek(const CalendarDate& anyDayOfWeek) const;
	/// The instant of the run in the ISO week holding that day.

	Instant next(Instant now, bool thisWeekDone) const;
	/// When the run should next start: next week's moment when this ISO
	/// week already has its run; else this week's moment if it is still
	/// ahead, or now if it has passed (catch-up).

	std::string isoWeek(Instant instant) const;
	/// The ISO week of the local date at that instant, e.g. "2026-W49".

private:
	std::string _zone;
	unsigned _weekday;
	std::chrono::minutes _time;
};


} // namespace reminders


#endif // Reminders_WeeklySchedule_INCLUDED
