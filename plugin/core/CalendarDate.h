//
// CalendarDate.h
//


#ifndef Reminders_CalendarDate_INCLUDED
#define Reminders_CalendarDate_INCLUDED


#include <date/date.h>
#include <optional>
#include <string>


namespace reminders {


class CalendarDate
/// A day of the proleptic Gregorian calendar, without time or zone.
/// A value type: cheap to copy, pure, thread-safe.
{
public:
	CalendarDate() = default;
	explicit CalendarDate(date::sys_days days);
	CalendarDate(int year, unsigned month, unsigned day);
	/// Requires a valid date.

	static std::optional<CalendarDate> parse(const std::string& text);
	/// Reads YYYY-MM-DD (exactly ten characters, a real date, year 1900 to
	/// 9999); nullopt otherwise.

	std::string toString() const;
	/// YYYY-MM-DD.

	CalendarDate plusDays(long days) const;

	CalendarDate plusMonths(int months) const;
	/// Calendar months, clamped to the end of a shorter month:
	/// 31 January + 1 month = 28 (or 29) February.

	long daysSince(const CalendarDate& earlier) const;
	/// this - earlier, in days (negative when earlier is later).

	unsigned isoWeekday() const;
	/// 1 = Monday ... 7 = Sunday.

	std::string isoWeek() const;
	/// The ISO 8601 week holding this day, e.g. "2026-W49".

	date::sys_days days() const;

	bool operator==(const CalendarDate& other) const;
	bool operator!=(const CalendarDate& other) const;
	bool operator<(const CalendarDate& other) const;
	bool operator<=(const CalendarDate& other) const;
	bool operator>(const CalendarDate& other) const;
	bool operator>=(const CalendarDate& other) const;

private:
	date::sys_days _days{};
};


} // namespace reminders


#endif // Reminders_CalendarDate_INCLUDED
