//
// TaskScheduler.h
//


#ifndef Host_TaskScheduler_INCLUDED
#define Host_TaskScheduler_INCLUDED


#include "erp/Clock.h"
#include "erp/Scheduler.h"
#include <Poco/Logger.h>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>


namespace host {


class TaskScheduler
/// Named tasks, each tagged with its owner. A thread (start()/stop())
/// runs every task when the moment its NextRun computed comes, then asks
/// for the next moment. runNow() runs a task on the caller's thread. A
/// task never runs twice at once: a second caller waits.
///
/// Whatever a task answers, the timer never starts it twice within
/// MIN_INTERVAL. A NextRun that throws is asked again after a back-off
/// (FIRST_BACKOFF, doubling up to MAX_BACKOFF), with one log line each time.
/// A body that throws (the database went away, say) keeps its task: the
/// timer starts it again when NextRun says, but not before the same
/// back-off has passed since the failure; a body that returns, failed or
/// not, ends the back-off.
///
/// NextRun is asked again at least every ASK_AGAIN (without running the
/// body), so that work another process wrote to the database (a command
/// line run, another instance) is noticed within that bound even when the
/// last answer lay hours ahead. The re-ask logs nothing.
///
/// Thread-safe.
{
public:
	struct TaskInfo
	{
		std::string name;
		std::string owner;
		std::optional<Poco::Timestamp> nextRun;
		bool running = false;
		std::string lastSummary;
		bool lastOk = true;
		unsigned long starts = 0; /// how many times the body was called, timer and operators alike
	};

	static constexpr Poco::Timestamp::TimeDiff MIN_INTERVAL = 1000 * 1000;        /// 1 s
	static constexpr Poco::Timestamp::TimeDiff FIRST_BACKOFF = 5 * 1000 * 1000;   /// 5 s
	static constexpr Poco::Timestamp::TimeDiff MAX_BACKOFF = 300LL * 1000 * 1000; /// 5 min
	static constexpr Poco::Timestamp::TimeDiff ASK_AGAIN = 60LL * 1000 * 1000;    /// 1 min

	TaskScheduler(erp::Clock& clock, Poco::Logger& logger);
	~TaskScheduler();

	void registerTask(const std::string& owner, const std::string& name, erp::Scheduler::NextRun nextRun,
					  erp::Scheduler::Body body);
	/// Throws Poco::ExistsException when the name is taken.

	void unregisterTask(const std::string& owner, const std::string& name);
	/// Waits for a running call of the task to finish; from the moment it is
	/// called the timer thread starts the task no more (a task due again at
	/// once could otherwise keep it waiting for ever).

	int unregisterAll(const std::string& owner);

	void reschedule(const std::string& owner, const std::string& name);
	/// Asks the task's NextRun again now (its settings changed) and wakes
	/// the timer thread. Ignored for an unknown name or another owner's task.

	erp::TaskResult runNow(const std::string& name, erp::TaskRun run);
	/// Runs a task now on this thread. Throws Poco::NotFoundException for an
	/// unknown name; a task that throws yields a failed result.

	std::vector<TaskInfo> tasks() const;

	std::optional<Poco::Timestamp> runDue();
	/// One pass of the timer: runs every task that is due by the clock now
	/// (on this thread), asks again for NextRun where a back-off ended, and
	/// returns the earliest moment something is due next. The timer thread
	/// calls it in a loop; tests call it with a fake clock.

	void start();
	/// Starts the timer thread.

	void stop();
	/// Stops the timer thread, waiting for a running task to finish.

private:
	struct Task
	{
		std::string owner;
		erp::Scheduler::NextRun nextRun;
		erp::Scheduler::Body body;
		std::optional<Poco::Timestamp> due;       /// when to run the body
		std::optional<Poco::Timestamp> askAgain;  /// when to call NextRun again after it threw
		std::optional<Poco::Timestamp> askedAt;   /// when NextRun last answered
		std::optional<Poco::Timestamp> lastStart; /// the timer's last start of the body
		int failures = 0;                         /// NextRun's consecutive failures
		int bodyFailures = 0;                     /// the body's consecutive exceptions
		std::optional<Poco::Timestamp> notBefore; /// after an exception: no start before this
		unsigned long starts = 0;
		bool running = false;
		bool retiring = false; /// being unregistered: not started again
		bool lastOk = true;
		std::string lastSummary;
	};

	static Poco::Timestamp::TimeDiff backoff(int failures);
	/// FIRST_BACKOFF after one failure, doubled for each further one, at most MAX_BACKOFF.
	void loop();
	std::optional<Poco::Timestamp> runDue(std::unique_lock<std::mutex>& lock);
	void computeNext(const std::string& name, Task& task);
	erp::TaskResult execute(const std::string& name, Task& task, const erp::TaskRun& run,
							std::unique_lock<std::mutex>& lock);

	erp::Clock& _clock;
	Poco::Logger& _logger;
	mutable std::mutex _mutex;
	std::condition_variable _changed;
	std::map<std::string, Task> _tasks;
	std::thread _thread;
	bool _stopping = false;
};


} // namespace host


#endif // Host_TaskScheduler_INCLUDED
