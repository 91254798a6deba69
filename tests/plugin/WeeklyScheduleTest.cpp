//
// WeeklyScheduleTest.cpp
//


#include "plugin/WeeklySchedule.h"
#include <cppunit/extensions/HelperMacros.h>
#include <date/date.h>


using reminders::CalendarDate;
using reminders::WeeklySchedule;


namespace {

// An instant written in UTC, "2026-03-30 06:00".
WeeklySchedule::Instant utc(const std::string& text)
{
	const CalendarDate day = *CalendarDate::parse(text.substr(0, 10));
	return day.days() + std::chrono::hours(std::stoi(text.substr(11, 2))) +
		   std::chrono::minutes(std::stoi(text.substr(14, 2)));
}

std::string show(WeeklySchedule::Instant instant)
{
	return date::format("%Y-%m-%d %H:%M", date::floor<std::chrono::minutes>(instant));
}

} // namespace


class WeeklyScheduleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(WeeklyScheduleTest);
	CPPUNIT_TEST(testSlotsAcrossDaylightSaving);
	CPPUNIT_TEST(testSkippedAndRepeatedLocalTimes);
	CPPUNIT_TEST(testNextAndCatchUp);
	CPPUNIT_TEST(testWeekOfTheLocalDate);
	CPPUNIT_TEST(testUnknownZone);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSlotsAcrossDaylightSaving()
	{
		const WeeklySchedule athens("Europe/Athens", 1, "09:00");
		const struct
		{
			const char* day;
			const char* utc;
			const char* what;
		} cases[] = {
			{"2026-03-25", "2026-03-23 07:00", "winter time (UTC+2), the week before the spring change"},
			{"2026-03-30", "2026-03-30 06:00", "summer time (UTC+3), the day after the spring change"},
			{"2026-10-20", "2026-10-19 06:00", "summer time, the week before the autumn change"},
			{"2026-10-26", "2026-10-26 07:00", "winter time, the day after the autumn change"},
			{"2026-11-29", "2026-11-23 07:00", "a Sunday belongs to the week that began on Monday"},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, std::string(c.utc),
										 show(athens.slotOfWeek(*CalendarDate::parse(c.day))));
	}

	void testSkippedAndRepeatedLocalTimes()
	{
		// Sunday 03:30 in Athens: skipped on 29 March 2026 (03:00 -> 04:00),
		// twice on 25 October 2026 (04:00 -> 03:00).
		const WeeklySchedule sunday("Europe/Athens", 7, "03:30");
		CPPUNIT_ASSERT_EQUAL(std::string("2026-03-29 01:00"),
							 show(sunday.slotOfWeek(*CalendarDate::parse("2026-03-23"))));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-10-25 00:30"),
							 show(sunday.slotOfWeek(*CalendarDate::parse("2026-10-19"))));
	}

	void testNextAndCatchUp()
	{
		const WeeklySchedule athens("Europe/Athens", 1, "09:00");
		const struct
		{
			const char* now;
			bool done;
			const char* expected;
			const char* what;
		} cases[] = {
			{"2026-11-30 06:59", false, "2026-11-30 07:00", "Monday before nine: at nine"},
			{"2026-11-30 07:00", false, "2026-11-30 07:00", "at nine exactly: now"},
			{"2026-11-30 09:00", false, "2026-11-30 09:00", "Monday after nine, not run yet: now (catch-up)"},
			{"2026-12-02 15:00", false, "2026-12-02 15:00", "down until Wednesday: now (catch-up)"},
			{"2026-12-06 21:59", false, "2026-12-06 21:59", "Sunday 23:59 local, still the same week: now"},
			{"2026-12-06 22:00", false, "2026-12-07 07:00", "Monday 00:00 local: a new week, wait for nine"},
			{"2026-11-30 09:00", true, "2026-12-07 07:00", "already run this week: next Monday"},
			{"2026-11-30 06:00", true, "2026-12-07 07:00", "run on demand before nine: still next Monday"},
			{"2026-03-23 08:00", true, "2026-03-30 06:00", "next Monday is in summer time"},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, std::string(c.expected), show(athens.next(utc(c.now), c.done)));
	}

	void testWeekOfTheLocalDate()
	{
		const WeeklySchedule athens("Europe/Athens", 1, "09:00");
		// 22:30 UTC on Sunday 6 December is already Monday 7 December in Athens.
		CPPUNIT_ASSERT_EQUAL(std::string("2026-W50"), athens.isoWeek(utc("2026-12-06 22:30")));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-W49"), athens.isoWeek(utc("2026-12-06 21:30")));
	}

	void testUnknownZone()
	{
		CPPUNIT_ASSERT_THROW(WeeklySchedule("Mars/Olympus_Mons", 1, "09:00"), std::runtime_error);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WeeklyScheduleTest, "plugin");
