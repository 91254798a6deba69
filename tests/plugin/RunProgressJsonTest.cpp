//
// RunProgressJsonTest.cpp
//


#include "plugin/RunProgressJson.h"
#include "erp/Instant.h"
#include <cppunit/extensions/HelperMacros.h>


using namespace reminders;


namespace {

const Poco::Timestamp START = Poco::Timestamp::fromEpochTime(1796018400); // 2026-11-30T06:00:00Z
const Poco::Timestamp::TimeDiff SECOND = Poco::Timestamp::resolution();

RunRecord run(const std::string& state, const std::string& finishedAt = "")
{
	RunRecord record;
	record.id = 7;
	record.state = state;
	record.startedAt = erp::Instant::format(START);
	record.finishedAt = finishedAt;
	return record;
}

} // namespace


class RunProgressJsonTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RunProgressJsonTest);
	CPPUNIT_TEST(testWhilePlanning);
	CPPUNIT_TEST(testRunningEstimatesTheEnd);
	CPPUNIT_TEST(testFinishedHasItsRateAndNoEstimate);
	CPPUNIT_TEST(testWaitingForRetriesHasNoEstimate);
	CPPUNIT_TEST_SUITE_END();

public:
	void testWhilePlanning()
	{
		auto progress = RunProgressJson::toJson(run("running"), {}, START + 5 * SECOND);
		CPPUNIT_ASSERT_EQUAL(0, progress->getValue<int>("planned"));
		CPPUNIT_ASSERT_EQUAL(0, progress->getValue<int>("decided"));
		CPPUNIT_ASSERT_EQUAL(0.0, progress->getValue<double>("rate"));
		CPPUNIT_ASSERT(progress->isNull("estimated_end"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), progress->getObject("by_state")->size());
	}

	void testRunningEstimatesTheEnd()
	{
		// 60 decided (50 accepted, 4 rejected, 6 skipped) of 100 in 20 s:
		// 3/s, 40 left: the end 14 s from now (rounded up to the second).
		const std::map<std::string, int> states{{"accepted", 50}, {"rejected", 4}, {"skipped", 6},
												{"pending", 37},  {"sending", 1},  {"deferred", 2}};
		auto progress = RunProgressJson::toJson(run("running"), states, START + 20 * SECOND);
		CPPUNIT_ASSERT_EQUAL(100, progress->getValue<int>("planned"));
		CPPUNIT_ASSERT_EQUAL(60, progress->getValue<int>("decided"));
		CPPUNIT_ASSERT_EQUAL(50, progress->getValue<int>("sent"));
		CPPUNIT_ASSERT_EQUAL(37, progress->getObject("by_state")->getValue<int>("pending"));
		CPPUNIT_ASSERT_DOUBLES_EQUAL(3.0, progress->getValue<double>("rate"), 1e-9);
		CPPUNIT_ASSERT_EQUAL(erp::Instant::format(START + 34 * SECOND),
							 progress->getValue<std::string>("estimated_end"));
	}

	void testFinishedHasItsRateAndNoEstimate()
	{
		// Measured to its end, not to now: 40 in 8 s.
		auto progress = RunProgressJson::toJson(run("done", erp::Instant::format(START + 8 * SECOND)),
												{{"spooled", 40}}, START + 3600 * SECOND);
		CPPUNIT_ASSERT_EQUAL(40, progress->getValue<int>("sent"));
		CPPUNIT_ASSERT_DOUBLES_EQUAL(5.0, progress->getValue<double>("rate"), 1e-9);
		CPPUNIT_ASSERT(progress->isNull("estimated_end"));
	}

	void testWaitingForRetriesHasNoEstimate()
	{
		auto progress = RunProgressJson::toJson(run("waiting", erp::Instant::format(START + 10 * SECOND)),
												{{"accepted", 9}, {"deferred", 1}}, START + 60 * SECOND);
		CPPUNIT_ASSERT_EQUAL(9, progress->getValue<int>("decided"));
		CPPUNIT_ASSERT_DOUBLES_EQUAL(0.9, progress->getValue<double>("rate"), 1e-9);
		CPPUNIT_ASSERT(progress->isNull("estimated_end"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RunProgressJsonTest, "plugin");
