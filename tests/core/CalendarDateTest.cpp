//
// CalendarDateTest.cpp
//


#include "plugin/core/CalendarDate.h"
#include <cppunit/extensions/HelperMacros.h>


using reminders::CalendarDate;


class CalendarDateTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(CalendarDateTest);
	CPPUNIT_TEST(testParse);
	CPPUNIT_TEST(testPlusMonthsClamps);
	CPPUNIT_TEST(testDays);
	CPPUNIT_TEST(testIsoWeek);
	CPPUNIT_TEST_SUITE_END();

public:
	void testParse()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), CalendarDate::parse("2024-02-29")->toString());
		for (const char* bad: {"2023-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026/01/01",
							   "2026-01-01 ", "", "1899-12-31", "abcd-ef-gh"})
			CPPUNIT_ASSERT_MESSAGE(bad, !CalendarDate::parse(bad));
	}

	void testPlusMonthsClamps()
	{
		const struct
		{
			const char* from;
			int months;
			const char* to;
		} cases[] = {
			{"2026-01-31", 1, "2026-02-28"},  {"2024-01-31", 1, "2024-02-29"},  {"2024-02-29", 12, "2025-02-28"},
			{"2024-02-29", 48, "2028-02-29"}, {"2026-03-31", 1, "2026-04-30"},  {"2026-08-31", 6, "2027-02-28"},
			{"2026-11-15", 2, "2027-01-15"},  {"2026-03-31", -1, "2026-02-28"}, {"2026-05-31", -3, "2026-02-28"},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(c.from) + " + " + std::to_string(c.months), std::string(c.to),
										 CalendarDate::parse(c.from)->plusMonths(c.months).toString());
	}

	void testDays()
	{
		const CalendarDate a = *CalendarDate::parse("2026-02-27");
		CPPUNIT_ASSERT_EQUAL(std::string("2026-03-02"), a.plusDays(3).toString());
		CPPUNIT_ASSERT_EQUAL(3L, a.plusDays(3).daysSince(a));
		CPPUNIT_ASSERT_EQUAL(-3L, a.daysSince(a.plusDays(3)));
		CPPUNIT_ASSERT_EQUAL(5u, a.isoWeekday());                          // a Friday
		CPPUNIT_ASSERT_EQUAL(1u, CalendarDate(2026, 11, 30).isoWeekday()); // a Monday
		CPPUNIT_ASSERT_EQUAL(7u, CalendarDate(2026, 11, 29).isoWeekday());
	}

	void testIsoWeek()
	{
		const struct
		{
			const char* day;
			const char* week;
		} cases[] = {
			{"2026-11-30", "2026-W49"}, {"2026-01-01", "2026-W01"}, {"2027-01-01", "2026-W53"},
			{"2021-01-03", "2020-W53"}, {"2024-12-30", "2025-W01"}, {"2026-12-31", "2026-W53"},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.day, std::string(c.week), CalendarDate::parse(c.day)->isoWeek());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CalendarDateTest, "core");
