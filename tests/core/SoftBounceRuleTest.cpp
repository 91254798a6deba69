//
// SoftBounceRuleTest.cpp
//
// When a bounced address stops being used: a table that grows a line at
// a time.
//


#include "plugin/core/SoftBounceRule.h"
#include <cppunit/extensions/HelperMacros.h>
#include <string>


using reminders::SoftBounceRule;
using Returned = SoftBounceRule::Returned;
using Seen = SoftBounceRule::Seen;


namespace {

const Seen DELAY{false, false, false};
const Seen SOFT{true, false, false};
const Seen HARD{true, true, false};
const Seen SOFT_LIFTED{true, false, true};
const Seen HARD_LIFTED{true, true, true};

} // namespace


class SoftBounceRuleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SoftBounceRuleTest);
	CPPUNIT_TEST(testWhatAMessagesReportsAmountTo);
	CPPUNIT_TEST(testSoftBouncesInARow);
	CPPUNIT_TEST(testWhenABounceSuppresses);
	CPPUNIT_TEST_SUITE_END();

public:
	void testWhatAMessagesReportsAmountTo()
	{
		const struct
		{
			const char* what;
			std::vector<Seen> reports;
			Returned expected;
		} table[] = {
			{"nothing came back", {}, Returned::NOTHING},
			{"only delays: still tried, not ended", {DELAY, DELAY}, Returned::NOTHING},
			{"a soft bounce", {SOFT}, Returned::SOFT},
			{"a delay, then a soft bounce", {DELAY, SOFT}, Returned::SOFT},
			{"a hard bounce", {HARD}, Returned::HARD},
			{"a hard bounce wins over a soft one", {SOFT, HARD}, Returned::HARD},
			{"the same soft bounce twice is one", {SOFT, SOFT}, Returned::SOFT},
			{"a lifted soft bounce", {SOFT_LIFTED}, Returned::LIFTED},
			{"a lifted hard bounce", {HARD_LIFTED, DELAY}, Returned::LIFTED},
			{"a bounce not lifted beside a lifted one", {HARD_LIFTED, SOFT}, Returned::SOFT},
		};
		for (const auto& row: table)
			CPPUNIT_ASSERT_MESSAGE(row.what, SoftBounceRule::returned(row.reports) == row.expected);
	}

	void testSoftBouncesInARow()
	{
		const struct
		{
			const char* what;
			std::vector<Returned> newestFirst;
			int expected;
		} table[] = {
			{"no message", {}, 0},
			{"one soft bounce", {Returned::SOFT}, 1},
			{"three in a row", {Returned::SOFT, Returned::SOFT, Returned::SOFT}, 3},
			{"a delivery in between ends the row",
			 {Returned::SOFT, Returned::NOTHING, Returned::SOFT, Returned::SOFT},
			 1},
			{"the newest delivered: no row", {Returned::NOTHING, Returned::SOFT, Returned::SOFT}, 0},
			{"a lifted bounce ends the row", {Returned::SOFT, Returned::SOFT, Returned::LIFTED, Returned::SOFT}, 2},
			{"a hard bounce is not a soft one", {Returned::SOFT, Returned::HARD, Returned::SOFT}, 1},
			{"older soft bounces before a delivery do not count",
			 {Returned::SOFT, Returned::SOFT, Returned::NOTHING, Returned::SOFT, Returned::SOFT, Returned::SOFT},
			 2},
		};
		for (const auto& row: table)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.what, row.expected, SoftBounceRule::softInARow(row.newestFirst));
	}

	void testWhenABounceSuppresses()
	{
		const struct
		{
			bool permanent;
			int inARow;
			int limit;
			bool expected;
		} table[] = {
			{true, 0, 3, true},   // hard: at once
			{true, 1, 3, true},   //
			{false, 1, 3, false}, // the first soft bounce
			{false, 2, 3, false}, //
			{false, 3, 3, true},  // the third in a row
			{false, 4, 3, true},  // and any after it
			{false, 1, 1, true},  // a limit of 1: like a hard bounce
			{false, 5, 0, false}, // no limit: soft bounces never suppress
			{true, 0, 0, true},   // but hard ones still do
		};
		for (const auto& row: table)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(
				std::to_string(row.permanent) + " " + std::to_string(row.inARow) + "/" + std::to_string(row.limit),
				row.expected, SoftBounceRule::suppresses(row.permanent, row.inARow, row.limit));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SoftBounceRuleTest, "core");
