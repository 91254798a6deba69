//
// TaskScheduler.cpp
//


#include "TaskScheduler.h"
#include <Poco/Exception.h>
#include <algorithm>
#include <chrono>
#include <vector>


namespace host {


TaskScheduler::TaskScheduler(erp::Clock& clock, Poco::Logger& logger):
	_clock(clock),
	_logger(logger)
{}


TaskScheduler::~TaskScheduler()
{
	stop();
}


Poco::Timestamp::TimeDiff TaskScheduler::backoff(int failures)
{
	Poco::Timestamp::TimeDiff pause = FIRST_BACKOFF;
	for (int i = 1; i < failures && pause < MAX_BACKOFF; ++i)
		pause *= 2;
	return std::min(pause, MAX_BACKOFF);
}


void TaskScheduler::computeNext(const std::string& name, Task& task)
{
	// REQUIRES: _mutex is held.
	const Poco::Timestamp now = _clock.now();
	task.askAgain.reset();
	task.askedAt = now;
	try
	{
		task.due = task.nextRun ? task.nextRun(now) : std::nullopt;
		if (task.failures)
			_logger.information("task %s: its next run is known again after %d failed attempt(s)", name, task.failures);
		task.failures = 0;
	}
	catch (std::exception& exc)
	{
		// A passing fault (the database, say) must not drop the task: ask
		// again after a pause that grows with each failure, one line each.
		task.due.reset();
		++task.failures;
		const Poco::Timestamp::TimeDiff pause = backoff(task.failures);
		task.askAgain = now + pause;
		_logger.error("task %s: computing its next run failed (%d time(s)): %s; asking again in %d s", name,
					  task.failures, std::string(exc.what()), static_cast<int>(pause / Poco::Timestamp::resolution()));
		return;
	}
	// Whatever the task answers, the timer never starts it twice within
	// MIN_INTERVAL: a task that keeps saying "now" cannot spin a core.
	if (task.due && task.lastStart && *task.due < *task.lastStart + MIN_INTERVAL)
		task.due = *task.lastStart + MIN_INTERVAL;
	// A body that threw is not started again before its pause is over.
	if (task.due && task.notBefore && *task.due < *task.notBefore) task.due = task.notBefore;
}


void TaskScheduler::registerTask(const std::string& owner, const std::string& name, erp::Scheduler::NextRun nextRun,
								 erp::Scheduler::Body body)
{
	if (!body) throw Poco::InvalidArgumentException("task without a body", name);
	std::unique_lock<std::mutex> lock(_mutex);
	if (_tasks.count(name)) throw Poco::ExistsException("task already registered", name);
	Task& task = _tasks[name];
	task.owner = owner;
	task.nextRun = std::move(nextRun);
	task.body = std::move(body);
	computeNext(name, task);
	_changed.notify_all();
}


void TaskScheduler::reschedule(const std::string& owner, const std::string& name)
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _tasks.find(name);
	if (it == _tasks.end() || it->second.owner != owner) return;
	// A running task is asked again when it ends anyway.
	if (!it->second.running) computeNext(name, it->second);
	_changed.notify_all();
}


void TaskScheduler::unregisterTask(const std::string& owner, const std::string& name)
{
	std::unique_lock<std::mutex> lock(_mutex);
	auto it = _tasks.find(name);
	if (it == _tasks.end() || it->second.owner != owner) return;
	it->second.retiring = true;
	_changed.wait(lock, [&] {
		auto found = _tasks.find(name);
		return found == _tasks.end() || !found->second.running;
	});
	_tasks.erase(name);
	_changed.notify_all();
}


int TaskScheduler::unregisterAll(const std::string& owner)
{
	std::vector<std::string> names;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (const auto& [name, task]: _tasks)
			if (task.owner == owner) names.push_back(name);
	}
	for (const std::string& name: names)
		unregisterTask(owner, name);
	return static_cast<int>(names.size());
}


erp::TaskResult TaskScheduler::execute(const std::string& name, Task& task, const erp::TaskRun& run,
									   std::unique_lock<std::mutex>& lock)
{
	// REQUIRES: lock holds _mutex and task.running is false.
	task.running = true;
	++task.starts;
	erp::Scheduler::Body body = task.body;
	lock.unlock();
	erp::TaskResult result;
	bool threw = true;
	try
	{
		result = body(run);
		threw = false;
	}
	catch (Poco::Exception& exc)
	{
		result = {false, exc.displayText()};
	}
	catch (std::exception& exc)
	{
		result = {false, exc.what()};
	}
	catch (...)
	{
		result = {false, "unknown exception"};
	}
	lock.lock();
	// The task cannot have been erased: unregisterTask waits for running == false.
	task.running = false;
	task.lastOk = result.ok;
	task.lastSummary = result.summary;
	Poco::Timestamp::TimeDiff pause = 0;
	if (threw)
	{
		// A passing fault (the database restarting, say): the task stays, and
		// is tried again once a pause that grows with each failure is over.
		++task.bodyFailures;
		pause = backoff(task.bodyFailures);
		task.notBefore = _clock.now() + pause;
	}
	else
	{
		task.bodyFailures = 0;
		task.notBefore.reset();
	}
	computeNext(name, task);
	_changed.notify_all();
	if (result.ok)
		_logger.information("task %s done: %s", name, result.summary);
	else if (threw)
		_logger.error("task %s failed (%d time(s) in a row): %s; not started again for %d s", name, task.bodyFailures,
					  result.summary, static_cast<int>(pause / Poco::Timestamp::resolution()));
	else
		_logger.error("task %s failed: %s", name, result.summary);
	return result;
}


erp::TaskResult TaskScheduler::runNow(const std::string& name, erp::TaskRun run)
{
	std::unique_lock<std::mutex> lock(_mutex);
	auto it = _tasks.find(name);
	if (it == _tasks.end()) throw Poco::NotFoundException("no such task", name);
	_changed.wait(lock, [&] {
		auto found = _tasks.find(name);
		return found == _tasks.end() || !found->second.running;
	});
	it = _tasks.find(name);
	if (it == _tasks.end()) throw Poco::NotFoundException("task was unregistered", name);
	run.task = name;
	if (run.today.empty()) run.today = _clock.today();
	return execute(name, it->second, run, lock);
}


std::vector<TaskScheduler::TaskInfo> TaskScheduler::tasks() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::vector<TaskInfo> result;
	for (const auto& [name, task]: _tasks)
		result.push_back({name, task.owner, task.due ? task.due : task.askAgain, task.running, task.lastSummary,
						  task.lastOk, task.starts});
	return result;
}


void TaskScheduler::start()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_thread.joinable()) return;
	_stopping = false;
	_thread = std::thread([this] { loop(); });
}


void TaskScheduler::stop()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopping = true;
		_changed.notify_all();
	}
	if (_thread.joinable()) _thread.join();
}


std::optional<Poco::Timestamp> TaskScheduler::runDue()
{
	std::unique_lock<std::mutex> lock(_mutex);
	return runDue(lock);
}


std::optional<Poco::Timestamp> TaskScheduler::runDue(std::unique_lock<std::mutex>& lock)
{
	// REQUIRES: lock holds _mutex.
	const Poco::Timestamp now = _clock.now();
	for (auto& [name, task]: _tasks)
	{
		if (task.running || task.retiring) continue;
		if (task.askAgain && *task.askAgain <= now)
			computeNext(name, task);
		else if (!task.askAgain && task.askedAt && *task.askedAt + ASK_AGAIN <= now && !(task.due && *task.due <= now))
			// Another process may have changed the task's work (a command
			// line run left retries): ask again, quietly. A task already
			// due runs instead (an answer now could only be sooner, and an
			// ask that fails must not cost it its turn).
			computeNext(name, task);
	}
	std::vector<std::string> due;
	for (auto& [name, task]: _tasks)
		if (task.due && *task.due <= now && !task.running && !task.retiring) due.push_back(name);
	for (const std::string& name: due)
	{
		auto it = _tasks.find(name);
		if (it == _tasks.end() || it->second.running || it->second.retiring || _stopping) continue;
		erp::TaskRun run;
		run.task = name;
		run.actor = "scheduler";
		run.today = _clock.today();
		run.startedAt = _clock.now();
		it->second.lastStart = run.startedAt;
		execute(name, it->second, run, lock);
	}
	std::optional<Poco::Timestamp> earliest;
	for (const auto& [name, task]: _tasks)
	{
		if (task.running || task.retiring) continue;
		std::optional<Poco::Timestamp> reask;
		if (!task.askAgain && task.askedAt) reask = *task.askedAt + ASK_AGAIN;
		for (const std::optional<Poco::Timestamp>& at: {task.due, task.askAgain, reask})
			if (at && (!earliest || *at < *earliest)) earliest = at;
	}
	return earliest;
}


void TaskScheduler::loop()
{
	std::unique_lock<std::mutex> lock(_mutex);
	while (!_stopping)
	{
		const std::optional<Poco::Timestamp> next = runDue(lock);
		if (_stopping) break;
		// Wake at the due moment, or at least every minute so that a changed
		// wall clock is noticed; reschedule() and registerTask() wake it too.
		const Poco::Timestamp now = _clock.now();
		auto wait = std::chrono::microseconds(60LL * 1000 * 1000);
		if (next) wait = std::min(wait, std::chrono::microseconds(std::max<Poco::Timestamp::TimeDiff>(*next - now, 0)));
		if (wait.count() > 0) _changed.wait_for(lock, wait);
	}
}


} // namespace host
