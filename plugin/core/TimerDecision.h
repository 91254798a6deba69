//
// TimerDecision.h
//


#ifndef Reminders_TimerDecision_INCLUDED
#define Reminders_TimerDecision_INCLUDED


#include <chrono>
#include <optional>
#include <string>


namespace reminders {


struct TimerDecision
/// Whether the timer's call of the weekly task has work to do now, and
/// when to look again if not. The scheduler's next-run question and the
/// task itself ask the same function, so the task never declines a call
/// that the schedule announced: that mismatch made the timer spin.
/// Pure.
{
	using Instant = std::chrono::system_clock::time_point;

	enum class WeekRun
	{
		NONE,    /// this ISO week has no run yet
		RUNNING, /// a run holds a lease (live or expired)
		WAITING, /// the first pass is over; only retries are left
		DONE     /// the week's run is finished
	};

	struct Facts
	{
		Instant now;
		bool enabled = false;
		Instant slotThisWeek;                  /// this ISO week's moment (e.g. Monday 09:00 local)
		Instant slotNextWeek;                  /// next ISO week's moment
		std::optional<Instant> firstEnabledAt; /// when the master switch was first turned on
		WeekRun run = WeekRun::NONE;
		std::optional<Instant> leaseUntil;       /// RUNNING: the planning lease's end while the run is being
												 /// planned, else the earliest end of its open batches' leases
		bool planning = false;                   /// RUNNING: the plan is not written yet
		bool claimable = false;                  /// RUNNING: messages wait to be claimed (any instance helps)
		std::optional<Instant> nextMessageRetry; /// the week's run: earliest deferred message
		std::optional<Instant> nextReportSend;   /// any run: earliest report waiting to go (pending: now)
	};

	bool runWeek = false;     /// the week's run has work: start, resume or retry it
	bool sendReports = false; /// an owner's report is due (this only sends reports)
	Instant lookAgain;        /// when the answer may change (meaningful when neither is set)
	std::string reason;       /// why the week's run has no work now

	bool workNow() const
	{
		return runWeek || sendReports;
	}

	static constexpr std::chrono::seconds PLANNING_LOOK{5};
	/// While another instance plans the week's run, how often to look
	/// whether the plan is written (then this instance helps send it).

	static constexpr std::chrono::hours LONGEST_SLEEP{1};
	/// The longest the answer is trusted: settings may change without a
	/// reschedule (another instance, a direct database edit). The host's
	/// scheduler asks again sooner anyway (once a minute, quietly), which
	/// is what notices another process's work.

	static TimerDecision decide(const Facts& facts);
};


} // namespace reminders


#endif // Reminders_TimerDecision_INCLUDED
