//
// BackgroundRuns.cpp
//


#include "plugin/BackgroundRuns.h"
#include <Poco/Exception.h>


namespace reminders {


namespace {

const std::size_t KEPT = 20;

std::optional<Poco::Int64> runIdOf(const std::string& item)
{
	// WeeklyRun's progress names its run "run N".
	if (item.compare(0, 4, "run ") != 0) return std::nullopt;
	try
	{
		return std::stoll(item.substr(4));
	}
	catch (std::exception&)
	{
		return std::nullopt;
	}
}

} // namespace


BackgroundRuns::BackgroundRuns(erp::Host& host, WeeklyRun& weekly):
	_host(host),
	_weekly(weekly)
{}


BackgroundRuns::~BackgroundRuns()
{
	stop();
}


BackgroundRuns::Start BackgroundRuns::start(erp::TaskRun task)
{
	std::lock_guard<std::mutex> starting(_starting);
	std::unique_lock<std::mutex> lock(_mutex);
	if (_stopped) throw Poco::IllegalStateException("the reminders plugin is stopping");
	Start answer;
	if (_running)
	{
		// The previous start() returned once this run had its id.
		answer.kind = Start::Kind::BUSY;
		answer.runId = _runId;
		return answer;
	}
	if (_thread.joinable())
	{
		lock.unlock();
		_thread.join();
		lock.lock();
	}
	_running = true;
	_runId.reset();
	_outcome.reset();
	_error = nullptr;
	_thread = std::thread([this, task]() mutable { work(std::move(task)); });
	_changed.wait(lock, [this] { return _runId.has_value() || !_running; });
	if (_runId)
	{
		answer.kind = Start::Kind::STARTED;
		answer.runId = _runId;
		return answer;
	}
	if (_error) std::rethrow_exception(_error);
	answer.kind = Start::Kind::FINISHED;
	answer.outcome = *_outcome;
	answer.runId = _outcome->runId;
	return answer;
}


void BackgroundRuns::work(erp::TaskRun task)
{
	task.progress = [this](const erp::TaskProgress& progress) {
		std::lock_guard<std::mutex> lock(_mutex);
		if (!_runId)
		{
			_runId = runIdOf(progress.item);
			if (!_runId) return;
			_changed.notify_all();
		}
		remember(*_runId, {"running", progress.text});
	};
	std::optional<WeeklyRun::Outcome> outcome;
	std::exception_ptr error;
	std::string failure;
	try
	{
		outcome = _weekly.run(task);
		// The run may have left retries or a report for later: let the
		// timer know now rather than at its next look.
		_host.scheduler().reschedule("reminders.weekly");
	}
	catch (Poco::Exception& exc)
	{
		error = std::current_exception();
		failure = exc.displayText();
	}
	catch (std::exception& exc)
	{
		error = std::current_exception();
		failure = exc.what();
	}
	std::lock_guard<std::mutex> lock(_mutex);
	if (_runId)
	{
		if (error)
		{
			_host.logger().error("run %s, started by %s: %s", std::to_string(*_runId), task.actor, failure);
			remember(*_runId, {"failed", failure});
		}
		else
		{
			if (!outcome->ok)
				_host.logger().error("run %s, started by %s: %s", std::to_string(*_runId), task.actor,
									 outcome->summary);
			remember(*_runId, {outcome->ok ? "finished" : "failed", outcome->summary});
		}
	}
	else
	{
		_outcome = outcome;
		_error = error;
	}
	_running = false;
	_changed.notify_all();
}


void BackgroundRuns::remember(Poco::Int64 runId, const Status& status)
{
	_statuses[runId] = status;
	while (_statuses.size() > KEPT)
		_statuses.erase(_statuses.begin());
}


std::optional<BackgroundRuns::Status> BackgroundRuns::status(Poco::Int64 runId) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto found = _statuses.find(runId);
	if (found == _statuses.end()) return std::nullopt;
	return found->second;
}


void BackgroundRuns::stop()
{
	// After a start() that is waiting for its run's id: one joiner only.
	std::lock_guard<std::mutex> starting(_starting);
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopped = true;
	}
	if (_thread.joinable()) _thread.join();
}


} // namespace reminders
