//
// TaskScheduler.cpp
//


#include "TaskScheduler.h"
#include <Poco/Exception.h>
#include <chrono>


namespace host {


TaskScheduler::TaskScheduler(erp::Clock& clock, Poco::Logger& logger):
	_clock(clock),
	_logger(logger)
{}


TaskScheduler::~TaskScheduler()
{
	stop();
}


std::optional<Poco::Timestamp> TaskScheduler::computeNext(const std::string& name, Task& task)
{
	try
	{
		return task.nextRun ? task.nextRun(_clock.now()) : std::nullopt;
	}
	catch (std::exception& exc)
	{
		_logger.error("task %s: computing its next run failed: %s; not scheduled", name, std::string(exc.what()));
		return std::nullopt;
	}
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
	task.due = computeNext(name, task);
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
	erp::Scheduler::Body body = task.body;
	lock.unlock();
	erp::TaskResult result;
	try
	{
		result = body(run);
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
	task.due = computeNext(name, task);
	_changed.notify_all();
	if (result.ok)
		_logger.information("task %s done: %s", name, result.summary);
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
		result.push_back({name, task.owner, task.due, task.running, task.lastSummary, task.lastOk});
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


void TaskScheduler::loop()
{
	std::unique_lock<std::mutex> lock(_mutex);
	while (!_stopping)
	{
		const Poco::Timestamp now = _clock.now();
		std::optional<Poco::Timestamp> earliest;
		std::string dueName;
		for (auto& [name, task]: _tasks)
		{
			if (!task.due || task.running || task.retiring) continue;
			if (!earliest || *task.due < *earliest)
			{
				earliest = task.due;
				dueName = name;
			}
		}
		if (earliest && *earliest <= now)
		{
			erp::TaskRun run;
			run.task = dueName;
			run.actor = "scheduler";
			run.today = _clock.today();
			execute(dueName, _tasks[dueName], run, lock);
			continue;
		}
		// Wake at the due moment, or at least every minute so that a changed
		// wall clock is noticed.
		auto wait = std::chrono::microseconds(60LL * 1000 * 1000);
		if (earliest) wait = std::min(wait, std::chrono::microseconds(*earliest - now));
		_changed.wait_for(lock, wait);
	}
}


} // namespace host
