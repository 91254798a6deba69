//
// TimerDecisionTest.cpp
//


#include "plugin/core/TimerDecision.h"
#include <cppunit/extensions/HelperMacros.h>


using reminders::TimerDecision;
using namespace std::chrono_literals;


namespace {

using Instant = TimerDecision::Instant;
using Run = TimerDecision::WeekRun;

// Monday's moment of this week and of the next, and a clock near them.
const Instant SLOT = Instant(std::chrono::seconds(1796022000));
const Instant NEXT_SLOT = SLOT + 7 * 24h;

TimerDecision::Facts facts(Instant now, Run run = Run::NONE)
{
	TimerDecision::Facts f;
	f.now = now;
	f.enabled = true;
	f.slotThisWeek = SLOT;
	f.slotNextWeek = NEXT_SLOT;
	f.firstEnabledAt = SLOT - 48h;
	f.run = run;
	return f;
}

} // namespace


class TimerDecisionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(TimerDecisionTest);
	CPPUNIT_TEST(testBeforeTheMomentWaitsForIt);
	CPPUNIT_TEST(testCatchUpAfterTheMoment);
	CPPUNIT_TEST(testSwitchedOnAfterTheMomentWaitsForNextWeek);
	CPPUNIT_TEST(testLiveLeaseWaitsForItsEnd);
	CPPUNIT_TEST(testExpiredLeaseIsResumed);
	CPPUNIT_TEST(testMessagesWaitingForABatchAreHelpedAtOnce);
	CPPUNIT_TEST(testAPlanInProgressIsLookedAtWithinSeconds);
	CPPUNIT_TEST(testWaitingRunLooksAtItsRetry);
	CPPUNIT_TEST(testDoneWeekWaitsForNextWeek);
	CPPUNIT_TEST(testReportsNeverStartAWeekEarly);
	CPPUNIT_TEST(testOffLooksWithinTheHour);
	CPPUNIT_TEST(testNeverDeclinesWithoutAFutureLook);
	CPPUNIT_TEST_SUITE_END();

public:
	void testBeforeTheMomentWaitsForIt()
	{
		const TimerDecision d = TimerDecision::decide(facts(SLOT - 30min));
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == SLOT);
		const TimerDecision far = TimerDecision::decide(facts(SLOT - 5h));
		CPPUNIT_ASSERT(far.lookAgain == SLOT - 4h); // at most an hour ahead
	}

	void testCatchUpAfterTheMoment()
	{
		CPPUNIT_ASSERT(TimerDecision::decide(facts(SLOT)).runWeek);
		CPPUNIT_ASSERT(TimerDecision::decide(facts(SLOT + 30h)).runWeek);
	}

	void testSwitchedOnAfterTheMomentWaitsForNextWeek()
	{
		TimerDecision::Facts f = facts(SLOT + 26h);
		f.firstEnabledAt = SLOT + 25h;
		const TimerDecision d = TimerDecision::decide(f);
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == SLOT + 27h);
		CPPUNIT_ASSERT(d.reason.find("next week") != std::string::npos);
		f.now = NEXT_SLOT - 10min;
		CPPUNIT_ASSERT(TimerDecision::decide(f).lookAgain == NEXT_SLOT);
		// Switched on exactly at the moment: this week counts.
		f.now = SLOT + 1min;
		f.firstEnabledAt = SLOT;
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
	}

	void testLiveLeaseWaitsForItsEnd()
	{
		TimerDecision::Facts f = facts(SLOT + 1min, Run::RUNNING);
		f.leaseUntil = SLOT + 4min;
		const TimerDecision d = TimerDecision::decide(f);
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == SLOT + 4min);
	}

	void testExpiredLeaseIsResumed()
	{
		TimerDecision::Facts f = facts(SLOT + 10min, Run::RUNNING);
		f.leaseUntil = SLOT + 10min;
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
	}

	void testMessagesWaitingForABatchAreHelpedAtOnce()
	{
		// Another instance holds a live batch, but messages wait for one:
		// this instance helps now instead of waiting for that lease.
		TimerDecision::Facts f = facts(SLOT + 1min, Run::RUNNING);
		f.leaseUntil = SLOT + 4min;
		f.claimable = true;
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
		// Every message is in a live batch: look again when the first lease
		// ends (a dead holder's batch is taken over then, not later).
		f.claimable = false;
		const TimerDecision d = TimerDecision::decide(f);
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == SLOT + 4min);
		CPPUNIT_ASSERT(d.reason.find("being sent by another instance") != std::string::npos);
		// No batch open and nothing to claim, yet still running: end it.
		f.leaseUntil.reset();
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
	}

	void testAPlanInProgressIsLookedAtWithinSeconds()
	{
		TimerDecision::Facts f = facts(SLOT + 1min, Run::RUNNING);
		f.planning = true;
		f.leaseUntil = SLOT + 6min;
		TimerDecision d = TimerDecision::decide(f);
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == SLOT + 1min + TimerDecision::PLANNING_LOOK);
		CPPUNIT_ASSERT(d.reason.find("planned by another instance") != std::string::npos);
		f.now = SLOT + 6min - 2s; // the lease ends sooner than the look
		CPPUNIT_ASSERT(TimerDecision::decide(f).lookAgain == SLOT + 6min);
		f.now = SLOT + 6min; // the planner died: plan it here
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
	}

	void testWaitingRunLooksAtItsRetry()
	{
		TimerDecision::Facts f = facts(SLOT + 1min, Run::WAITING);
		f.nextMessageRetry = SLOT + 15min;
		CPPUNIT_ASSERT(!TimerDecision::decide(f).workNow());
		CPPUNIT_ASSERT(TimerDecision::decide(f).lookAgain == SLOT + 15min);
		f.now = SLOT + 15min;
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
		// A retry due before the week's moment (a run started by hand early).
		f.now = SLOT - 2h;
		f.nextMessageRetry = SLOT - 3h;
		CPPUNIT_ASSERT(TimerDecision::decide(f).runWeek);
	}

	void testDoneWeekWaitsForNextWeek()
	{
		const TimerDecision d = TimerDecision::decide(facts(NEXT_SLOT - 20min, Run::DONE));
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == NEXT_SLOT);
	}

	void testReportsNeverStartAWeekEarly()
	{
		TimerDecision::Facts f = facts(SLOT - 2h);
		f.nextReportSend = SLOT - 3h;
		const TimerDecision d = TimerDecision::decide(f);
		CPPUNIT_ASSERT(d.sendReports);
		CPPUNIT_ASSERT(!d.runWeek);
		f.nextReportSend = SLOT - 90min;
		CPPUNIT_ASSERT(!TimerDecision::decide(f).workNow());
		CPPUNIT_ASSERT(TimerDecision::decide(f).lookAgain == SLOT - 90min);
	}

	void testOffLooksWithinTheHour()
	{
		TimerDecision::Facts f = facts(SLOT + 1min);
		f.enabled = false;
		f.nextReportSend = SLOT; // even a report waits while the feature is off
		const TimerDecision d = TimerDecision::decide(f);
		CPPUNIT_ASSERT(!d.workNow());
		CPPUNIT_ASSERT(d.lookAgain == SLOT + 61min);
	}

	void testNeverDeclinesWithoutAFutureLook()
	{
		// Every state, at many moments of the ISO week (Monday 00:00 to
		// Sunday 24:00, the moment being Monday 09:00): an answer that is
		// not "work now" always names a later moment (the old spin was a
		// declined call with "now" as its next look).
		for (Run run: {Run::NONE, Run::RUNNING, Run::WAITING, Run::DONE})
			for (auto offset = -9h; offset < 7 * 24h - 9h; offset += 1h)
				for (bool late: {false, true})
				{
					TimerDecision::Facts f = facts(SLOT + offset, run);
					if (late) f.firstEnabledAt = SLOT + offset - 1h;
					f.leaseUntil = SLOT + 1h;
					f.nextMessageRetry = SLOT + 2h;
					const TimerDecision d = TimerDecision::decide(f);
					if (!d.workNow()) CPPUNIT_ASSERT(d.lookAgain > f.now);
				}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TimerDecisionTest, "core");
