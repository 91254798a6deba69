//
// TimerDecision.cpp
//


#include "plugin/core/TimerDecision.h"
#include <algorithm>


namespace reminders {


TimerDecision TimerDecision::decide(const Facts& facts)
{
	TimerDecision decision;
	decision.lookAgain = facts.now + LONGEST_SLEEP;
	auto lookAt = [&](Instant at) { decision.lookAgain = std::min(decision.lookAgain, at); };

	if (!facts.enabled)
	{
		decision.reason = "reminders are turned off; nothing was sent";
		return decision;
	}
	// An owner's report still to deliver is work of its own, which never
	// starts a week's run before its moment.
	if (facts.nextReportSend)
	{
		if (*facts.nextReportSend <= facts.now)
			decision.sendReports = true;
		else
			lookAt(*facts.nextReportSend);
	}
	switch (facts.run)
	{
	case WeekRun::NONE:
		if (facts.now < facts.slotThisWeek)
		{
			decision.reason = "not yet: this week's run is due later";
			lookAt(facts.slotThisWeek);
		}
		else if (facts.firstEnabledAt && *facts.firstEnabledAt > facts.slotThisWeek)
		{
			// Catch-up is for a host that was down at the week's moment, not
			// for reminders first switched on after it: those start next week.
			decision.reason = "reminders were switched on after this week's moment; the first run is next week";
			lookAt(facts.slotNextWeek);
		}
		else
			decision.runWeek = true;
		break;
	case WeekRun::RUNNING:
		if (facts.claimable)
			decision.runWeek = true; // messages wait to be claimed: help send them
		else if (facts.leaseUntil && *facts.leaseUntil > facts.now)
		{
			// Being planned, or every message is in a batch another instance
			// holds: look again when the plan may be written or when the
			// first batch lease ends (a holder that died is taken over then).
			decision.reason = facts.planning ? "this week's run is being planned by another instance"
											 : "this week's run is being sent by another instance";
			lookAt(facts.planning ? std::min(*facts.leaseUntil, facts.now + PLANNING_LOOK) : *facts.leaseUntil);
		}
		else
			decision.runWeek = true; // a planner or a batch holder died: take over; or end the run
		break;
	case WeekRun::WAITING:
		if (facts.nextMessageRetry && *facts.nextMessageRetry <= facts.now)
			decision.runWeek = true;
		else
		{
			decision.reason = "this week's run waits for its retries";
			lookAt(facts.nextMessageRetry.value_or(facts.slotNextWeek));
		}
		break;
	case WeekRun::DONE:
		decision.reason = "this week already has its run";
		lookAt(facts.slotNextWeek);
		break;
	}
	if (decision.runWeek) decision.reason.clear();
	return decision;
}


} // namespace reminders
