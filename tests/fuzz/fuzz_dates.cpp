//
// fuzz_dates.cpp
//
// The two date readers and their arithmetic: the host's (erp::JsonBody:
// isDate, addDays, addYears, on Poco::DateTime) and the plugin's
// (reminders::CalendarDate, on Howard Hinnant's date), and
// LocaleFormat::date.
//
// Input: a date as the API writes it, then optionally a line feed and two
// whole numbers (a count of days and a count of months).
//
// Properties:
// - both readers accept exactly the real dates YYYY-MM-DD from 1900-01-01
//   to 9999-12-31 (checked against the calendar rules written here);
// - CalendarDate::toString() gives back the text it read;
// - plusDays(n) then daysSince() gives n back; the host's addDays() and the
//   plugin's plusDays() agree; both stay readable in that range;
// - plusMonths() moves the month and clamps the day to the month's end;
//   the host's addYears() agrees with plusMonths(12 * years);
// - isoWeekday() steps by one a day; isoWeek() is the week of the day's
//   Thursday, week 1 holds 4 January, and weeks change on Mondays only;
// - LocaleFormat::date() shows the same day ("el": DD/MM/YYYY, "en":
//   "D Mon YYYY").
//


#include "FuzzProperty.h"
#include "erp/JsonBody.h"
#include "plugin/core/CalendarDate.h"
#include "plugin/core/LocaleFormat.h"
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>


namespace {

using reminders::CalendarDate;

bool leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int monthLength(int year, int month)
{
	static const int LENGTHS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return month == 2 && leap(year) ? 29 : LENGTHS[month - 1];
}

// Whether the text is a real date YYYY-MM-DD from 1900 to 9999.
bool expectedValid(const std::string& text)
{
	if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
	for (std::size_t i: {0, 1, 2, 3, 5, 6, 8, 9})
		if (text[i] < '0' || text[i] > '9') return false;
	const int year = std::atoi(text.substr(0, 4).c_str());
	const int month = std::atoi(text.substr(5, 2).c_str());
	const int day = std::atoi(text.substr(8, 2).c_str());
	return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month);
}

bool inRange(const CalendarDate& day)
{
	return day >= CalendarDate(1900, 1, 1) && day <= CalendarDate(9999, 12, 31);
}

void checkArithmetic(const CalendarDate& day, const std::string& text, long days, int months)
{
	const CalendarDate moved = day.plusDays(days);
	FuzzProperty::require(moved.daysSince(day) == days && day.daysSince(moved) == -days,
						  "plusDays(n) then daysSince() gives n");
	FuzzProperty::require((days > 0) == (moved > day) && (days == 0) == (moved == day),
						  "plusDays() moves forward for n > 0 and backward for n < 0");
	const unsigned expectedWeekday = static_cast<unsigned>(((day.isoWeekday() - 1 + days) % 7 + 7) % 7 + 1);
	FuzzProperty::require(moved.isoWeekday() == expectedWeekday, "isoWeekday() steps by one a day");
	if (inRange(moved))
	{
		const std::string movedText = moved.toString();
		FuzzProperty::require(CalendarDate::parse(movedText) == moved, "a date in range reads back");
		FuzzProperty::require(erp::JsonBody::addDays(text, static_cast<int>(days)) == movedText,
							  "the host's addDays() agrees with the plugin's plusDays()");
	}

	const CalendarDate shifted = day.plusMonths(months);
	const date::year_month_day from{day.days()}, to{shifted.days()};
	const long monthIndex = static_cast<int>(from.year()) * 12L + static_cast<unsigned>(from.month()) - 1 + months;
	FuzzProperty::require(static_cast<int>(to.year()) * 12L + static_cast<unsigned>(to.month()) - 1 == monthIndex,
						  "plusMonths(m) moves the month by m");
	const unsigned lastDay =
		static_cast<unsigned>(date::year_month_day_last(to.year(), date::month_day_last(to.month())).day());
	const unsigned expectedDay = std::min(static_cast<unsigned>(from.day()), lastDay);
	FuzzProperty::require(static_cast<unsigned>(to.day()) == expectedDay,
						  "plusMonths() keeps the day, clamped to the end of a shorter month");
	const int years = months / 12;
	const CalendarDate yearsLater = day.plusMonths(years * 12);
	if (inRange(yearsLater))
		FuzzProperty::require(erp::JsonBody::addYears(text, years) == yearsLater.toString(),
							  "the host's addYears() agrees with plusMonths(12 * years)");
}

void checkIsoWeek(const CalendarDate& day)
{
	const std::string week = day.isoWeek();
	const CalendarDate thursday = day.plusDays(4 - static_cast<long>(day.isoWeekday()));
	const date::year_month_day thursdayDate{thursday.days()};
	const int year = static_cast<int>(thursdayDate.year());
	const CalendarDate january4(year, 1, 4);
	const CalendarDate week1Thursday = january4.plusDays(4 - static_cast<long>(january4.isoWeekday()));
	const long number = thursday.daysSince(week1Thursday) / 7 + 1;
	char expected[32];
	std::snprintf(expected, sizeof(expected), "%04d-W%02ld", year, number);
	FuzzProperty::require(week == expected, "isoWeek() is the week of the day's Thursday; week 1 holds 4 January");
	FuzzProperty::require(number >= 1 && number <= 53, "an ISO week number is 1 to 53");
	const CalendarDate next = day.plusDays(1);
	FuzzProperty::require((next.isoWeek() != week) == (next.isoWeekday() == 1), "the ISO week changes on Mondays only");
}

void checkLocale(const CalendarDate& day, const std::string& text)
{
	static const char* const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
										 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	const std::string greek = text.substr(8, 2) + "/" + text.substr(5, 2) + "/" + text.substr(0, 4);
	FuzzProperty::require(reminders::LocaleFormat::date(day, "el") == greek, "el shows DD/MM/YYYY");
	const std::string english = std::to_string(std::atoi(text.substr(8, 2).c_str())) + " " +
								MONTHS[std::atoi(text.substr(5, 2).c_str()) - 1] + " " + text.substr(0, 4);
	FuzzProperty::require(reminders::LocaleFormat::date(day, "en") == english, "en shows D Mon YYYY");
}

long number(const std::string& text, std::size_t& pos)
{
	while (pos < text.size() && text[pos] == ' ')
		++pos;
	const bool negative = pos < text.size() && text[pos] == '-';
	if (negative) ++pos;
	long value = 0;
	for (int digits = 0; pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 7; ++pos, ++digits)
		value = value * 10 + (text[pos] - '0');
	return negative ? -value : value;
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input(reinterpret_cast<const char*>(data), size);
	const std::size_t lineEnd = input.find('\n');
	const std::string text = input.substr(0, lineEnd);
	const bool valid = expectedValid(text);
	const std::optional<CalendarDate> day = CalendarDate::parse(text);
	FuzzProperty::require(day.has_value() == valid, "CalendarDate::parse() reads exactly the real dates from 1900");
	FuzzProperty::require(erp::JsonBody::isDate(text) == valid, "JsonBody::isDate() accepts exactly the same dates");
	if (!day) return 0;
	FuzzProperty::require(day->toString() == text, "toString() gives back the text read");
	checkIsoWeek(*day);
	checkLocale(*day, text);

	// Offsets of up to a million days (2,700 years) and 120,000 months
	// (10,000 years, inside the years date::year can hold).
	std::size_t pos = lineEnd == std::string::npos ? input.size() : lineEnd + 1;
	const long days = number(input, pos) % 1000000;
	const int months = static_cast<int>(number(input, pos) % 120000);
	checkArithmetic(*day, text, days, months);
	return 0;
}
