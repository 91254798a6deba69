//
// CalendarDate.cpp
//


#include "plugin/core/CalendarDate.h"
#include <cstdio>


namespace reminders {


CalendarDate::CalendarDate(date::sys_days days):
	_days(days)
{}


CalendarDate::CalendarDate(int year, unsigned month, unsigned day):
	_days(date::sys_days(date::year(year) / date::month(month) / date::day(day)))
{}


std::optional<CalendarDate> CalendarDate::parse(const std::string& text)
{
	if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
	for (std::size_t i: {0, 1, 2, 3, 5, 6, 8, 9})
		if (text[i] < '0' || text[i] > '9') return std::nullopt;
	const int year = std::stoi(text.substr(0, 4));
	const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
	const unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
	const date::year_month_day ymd{date::year(year), date::month(month), date::day(day)};
	if (year < 1900 || !ymd.ok()) return std::nullopt;
	return CalendarDate(date::sys_days(ymd));
}


std::string CalendarDate::toString() const
{
	const date::year_month_day ymd{_days};
	char buffer[32];
	std::snprintf(buffer, sizeof(buffer), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
				  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
	return buffer;
}


CalendarDate CalendarDate::plusDays(long days) const
{
	return CalendarDate(_days + date::days(days));
}


CalendarDate CalendarDate::plusMonths(int months) const
{
	const date::year_month_day ymd{_days};
	const date::year_month shifted = date::year_month(ymd.year(), ymd.month()) + date::months(months);
	const date::year_month_day_last last{shifted.year(), date::month_day_last(shifted.month())};
	const date::day day = ymd.day() < last.day() ? ymd.day() : last.day();
	return CalendarDate(date::sys_days(shifted.year() / shifted.month() / day));
}


long CalendarDate::daysSince(const CalendarDate& earlier) const
{
	return static_cast<long>((_days - earlier._days).count());
}


unsigned CalendarDate::isoWeekday() const
{
	return date::weekday(_days).iso_encoding();
}


std::string CalendarDate::isoWeek() const
{
	// The ISO week belongs to the year of its Thursday.
	const date::sys_days thursday = _days + date::days(4 - static_cast<int>(isoWeekday()));
	const date::year year = date::year_month_day(thursday).year();
	const date::sys_days firstThursday = date::sys_days(year / date::January / date::Thursday[1]);
	const int week = static_cast<int>((thursday - firstThursday).count() / 7) + 1;
	char buffer[32];
	std::snprintf(buffer, sizeof(buffer), "%04d-W%02d", static_cast<int>(year), week);
	return buffer;
}


date::sys_days CalendarDate::days() const
{
	return _days;
}


bool CalendarDate::operator==(const CalendarDate& other) const
{
	return _days == other._days;
}


bool CalendarDate::operator!=(const CalendarDate& other) const
{
	return _days != other._days;
}


bool CalendarDate::operator<(const CalendarDate& other) const
{
	return _days < other._days;
}


bool CalendarDate::operator<=(const CalendarDate& other) const
{
	return _days <= other._days;
}


bool CalendarDate::operator>(const CalendarDate& other) const
{
	return _days > other._days;
}


bool CalendarDate::operator>=(const CalendarDate& other) const
{
	return _days >= other._days;
}


} // namespace reminders
