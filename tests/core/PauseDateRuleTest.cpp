//
// PauseDateRuleTest.cpp
//


#include "plugin/core/PauseDateRule.h"
#include <cppunit/extensions/HelperMacros.h>


using reminders::CalendarDate;
using reminders::PauseDateRule;


class PauseDateRuleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PauseDateRuleTest);
	CPPUNIT_TEST(testTable);
	CPPUNIT_TEST(testExplanations);
	CPPUNIT_TEST_SUITE_END();

public:
	void testTable()
	{
		using V = PauseDateRule::Verdict;
		const struct
		{
			const char* today;
			const char* until;
			V expected;
		} cases[] = {
			{"2026-12-06", "2020-01-01", V::IN_THE_PAST}, // the tester's
			{"2026-12-06", "2026-12-05", V::IN_THE_PAST}, // yesterday
			{"2026-12-06", "2026-12-06", V::ALLOWED},     // through today
			{"2026-12-06", "2026-12-07", V::ALLOWED},
			{"2026-12-06", "2028-12-06", V::ALLOWED}, // two years ahead, the last allowed
			{"2026-12-06", "2028-12-07", V::TOO_FAR},
			{"2026-12-06", "2126-01-01", V::TOO_FAR}, // the tester's
			{"2028-02-29", "2030-02-28", V::ALLOWED}, // 24 months from a 29 February, clamped
			{"2028-02-29", "2030-03-01", V::TOO_FAR},
			{"2026-12-31", "2028-12-31", V::ALLOWED}, // across year ends
			{"2026-12-31", "2027-01-01", V::ALLOWED},
			{"2027-01-01", "2026-12-31", V::IN_THE_PAST},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_MESSAGE(std::string(c.today) + " " + c.until,
								   PauseDateRule::check(*CalendarDate::parse(c.until), *CalendarDate::parse(c.today)) ==
									   c.expected);
	}

	void testExplanations()
	{
		const CalendarDate today = *CalendarDate::parse("2026-12-06");
		const std::string past = PauseDateRule::explain(PauseDateRule::Verdict::IN_THE_PAST, today);
		CPPUNIT_ASSERT_MESSAGE(past, past.find("paused_until is before today (2026-12-06)") != std::string::npos);
		const std::string far = PauseDateRule::explain(PauseDateRule::Verdict::TOO_FAR, today);
		CPPUNIT_ASSERT_MESSAGE(far, far.find("paused_until is more than 2 years ahead: at most 2028-12-06") !=
										std::string::npos);
		CPPUNIT_ASSERT(PauseDateRule::explain(PauseDateRule::Verdict::ALLOWED, today).empty());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PauseDateRuleTest, "core");
