//
// ReminderHoldsTest.cpp
//


#include "plugin/core/ReminderHolds.h"
#include <cppunit/extensions/HelperMacros.h>


using namespace reminders;


class ReminderHoldsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReminderHoldsTest);
	CPPUNIT_TEST(testPausedUntilTheDateItself);
	CPPUNIT_TEST(testMinimumPerCurrency);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPausedUntilTheDateItself()
	{
		struct Row
		{
			const char* pausedUntil; // nullptr: no pause
			const char* today;
			bool paused;
		};
		const Row rows[] = {
			{nullptr, "2026-12-07", false},      {"2026-12-14", "2026-12-07", true},
			{"2026-12-14", "2026-12-13", true},  {"2026-12-14", "2026-12-14", true}, // the pause date itself
			{"2026-12-14", "2026-12-15", false},                                     // resumes the day after
			{"2026-12-31", "2027-01-01", false},                                     // across a year
			{"2024-02-29", "2024-02-29", true},  {"2024-02-29", "2024-03-01", false},
		};
		for (const Row& row: rows)
		{
			std::optional<CalendarDate> until;
			if (row.pausedUntil) until = CalendarDate::parse(row.pausedUntil);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(row.pausedUntil ? row.pausedUntil : "-") + " on " + row.today,
										 row.paused, ReminderHolds::paused(until, *CalendarDate::parse(row.today)));
		}
	}

	void testMinimumPerCurrency()
	{
		const std::map<std::string, Poco::Int64> minimums = {{"EUR", 50000}, {"JPY", 1000}};
		struct Row
		{
			const char* currency;
			Poco::Int64 outstanding;
			bool below;
		};
		const Row rows[] = {
			{"EUR", 49999, true},  {"EUR", 50000, false}, // exactly the minimum is reminded
			{"EUR", 50001, false}, {"EUR", 1, true},      {"JPY", 999, true},
			{"JPY", 1000, false},  {"GBP", 1, false}, // no minimum for the currency
		};
		for (const Row& row: rows)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(row.currency) + " " + std::to_string(row.outstanding), row.below,
										 ReminderHolds::belowMinimum(minimums, row.currency, row.outstanding));
		CPPUNIT_ASSERT(!ReminderHolds::belowMinimum({}, "EUR", 1));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReminderHoldsTest, "core");
