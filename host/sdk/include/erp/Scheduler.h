//
// Scheduler.h
//
// Named tasks the host runs at times their plugin computes.
//


#ifndef Erp_Scheduler_INCLUDED
#define Erp_Scheduler_INCLUDED


#include "erp/Abi.h"
#include <Poco/Timestamp.h>
#include <functional>
#include <optional>
#include <string>


namespace erp {


struct TaskProgress
/// How far a running task has come, as the task reports it. Since ABI 1.3.
{
	std::string item;     /// what the task works on, e.g. "run 12" (set from the first report on)
	long long done = 0;   /// units finished so far
	long long total = -1; /// units planned; -1 while not yet known
	std::string text;     /// one short line, e.g. "1,200 of 15,594 messages; 880/s"
};


struct TaskRun
/// Why and for when a task runs.
{
	std::string task;
	bool onDemand = false; /// run by an operator (command line or API), not by the timer
	bool force = false;    /// the operator asked to repeat work already done
	std::string actor;     /// "scheduler" or the user who asked
	std::string today;     /// YYYY-MM-DD: the business day to act for (an override in tests and catch-up)
	Poco::Timestamp startedAt;
	std::function<void(const TaskProgress&)> progress;
	/// Since ABI 1.3: set by whoever asked for the run (the command line, a
	/// plugin's own API) to hear how far it is; empty for timer runs. A task
	/// calls it from its own thread, at most a few times a second; a task
	/// built for 1.2 never calls it.
};


struct TaskResult
{
	bool ok = true;
	std::string summary; /// one line for the log and the operator
};


class ERP_API Scheduler
/// Named tasks. The host asks `nextRun(now)` for the next moment a task
/// is due (nullopt: not scheduled), runs the task on its scheduler thread
/// when that moment comes, and asks again after each run. A task that
/// declines to work when called (not yet, nothing to do) says when to look
/// again through its next `nextRun` answer. A task runs at most once at a
/// time. Operators run a task by name on demand (`erp-host --run-task=NAME`).
///
/// The host protects itself from a task that keeps answering "now": it
/// never starts the same task twice within one second (timer runs only;
/// operators' runs are not limited). A `nextRun` that throws (a database
/// error, say) does not drop the task: the host asks again after a growing
/// pause (5 s, doubling, at most 5 minutes) and logs once per pause.
///
/// The host asks `nextRun` again at least once a minute (without running
/// the task, and without a log line), so that work another process wrote
/// to the database is noticed within a minute of its time even when the
/// task's last answer lay further ahead.
///
/// Thread-safe. Tasks run on the host's scheduler thread or on the thread
/// of the operator's request.
{
public:
	using NextRun = std::function<std::optional<Poco::Timestamp>(const Poco::Timestamp& now)>;
	using Body = std::function<TaskResult(const TaskRun& run)>;

	virtual ~Scheduler() = default;

	virtual void registerTask(const std::string& name, NextRun nextRun, Body body) = 0;
	/// Registers a task. Throws Poco::ExistsException when the name is taken.

	virtual void unregisterTask(const std::string& name) = 0;
	/// Removes a task, waiting for a running call to finish.

	virtual void reschedule(const std::string& name) = 0;
	/// Asks `nextRun` again now, e.g. after the task's settings changed, so
	/// that a new time takes effect at once instead of at the next wake-up.
	/// Unknown names are ignored. Since ABI 1.1.
};


} // namespace erp


#endif // Erp_Scheduler_INCLUDED
