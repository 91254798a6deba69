//
// RunSharingTest.cpp
//


#include "plugin/core/RunSharing.h"
#include <cppunit/extensions/HelperMacros.h>


using reminders::RunSharing;


namespace {

const std::string NOW = "2026-11-30T08:00:00.000Z";
const std::string EARLIER = "2026-11-30T07:59:59.999Z";
const std::string LATER = "2026-11-30T08:05:00.000Z";

RunSharing::Found found(const std::string& state, bool planned, const std::string& leaseUntil = "")
{
	RunSharing::Found f;
	f.exists = true;
	f.state = state;
	f.planned = planned;
	f.leaseUntil = leaseUntil;
	return f;
}

} // namespace


class RunSharingTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RunSharingTest);
	CPPUNIT_TEST(testOnePlansTheOthersWait);
	CPPUNIT_TEST(testEveryoneHelpsAPlannedRun);
	CPPUNIT_TEST(testADoneWeekIsLeftAloneUnlessForced);
	CPPUNIT_TEST(testOnlyTheLastOneEndsTheRun);
	CPPUNIT_TEST(testALeaseIsLiveUntilItsEnd);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOnePlansTheOthersWait()
	{
		CPPUNIT_ASSERT(RunSharing::role(RunSharing::Found(), NOW, false) == RunSharing::Role::START);
		CPPUNIT_ASSERT(RunSharing::role(found("running", false, LATER), NOW, false) == RunSharing::Role::WAIT_FOR_PLAN);
		// The planner's lease ended (it died): plan it here.
		CPPUNIT_ASSERT(RunSharing::role(found("running", false, NOW), NOW, false) == RunSharing::Role::PLAN);
		CPPUNIT_ASSERT(RunSharing::role(found("running", false), NOW, false) == RunSharing::Role::PLAN);
	}

	void testEveryoneHelpsAPlannedRun()
	{
		CPPUNIT_ASSERT(RunSharing::role(found("running", true), NOW, false) == RunSharing::Role::HELP);
		// A lease still on the row (written before batches) does not keep helpers out.
		CPPUNIT_ASSERT(RunSharing::role(found("running", true, LATER), NOW, false) == RunSharing::Role::HELP);
		CPPUNIT_ASSERT(RunSharing::role(found("waiting", true), NOW, false) == RunSharing::Role::HELP);
		CPPUNIT_ASSERT(RunSharing::role(found("running", true), NOW, true) == RunSharing::Role::HELP);
	}

	void testADoneWeekIsLeftAloneUnlessForced()
	{
		CPPUNIT_ASSERT(RunSharing::role(found("done", true), NOW, false) == RunSharing::Role::ALREADY_DONE);
		CPPUNIT_ASSERT(RunSharing::role(found("done", true), NOW, true) == RunSharing::Role::START);
	}

	void testOnlyTheLastOneEndsTheRun()
	{
		CPPUNIT_ASSERT(!RunSharing::end(1, 0, false).finish); // another instance's batch is open
		CPPUNIT_ASSERT(!RunSharing::end(0, 3, false).finish); // messages not sent yet
		CPPUNIT_ASSERT(!RunSharing::end(2, 5, true).finish);
		const RunSharing::End done = RunSharing::end(0, 0, false);
		CPPUNIT_ASSERT(done.finish);
		CPPUNIT_ASSERT_EQUAL(std::string("done"), done.state);
		CPPUNIT_ASSERT_EQUAL(std::string("final"), done.reportKind);
		const RunSharing::End waiting = RunSharing::end(0, 0, true);
		CPPUNIT_ASSERT(waiting.finish);
		CPPUNIT_ASSERT_EQUAL(std::string("waiting"), waiting.state);
		CPPUNIT_ASSERT_EQUAL(std::string("first"), waiting.reportKind);
	}

	void testALeaseIsLiveUntilItsEnd()
	{
		CPPUNIT_ASSERT(RunSharing::live(LATER, NOW));
		CPPUNIT_ASSERT(!RunSharing::live(NOW, NOW));
		CPPUNIT_ASSERT(!RunSharing::live(EARLIER, NOW));
		CPPUNIT_ASSERT(!RunSharing::live("", NOW));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RunSharingTest, "core");
