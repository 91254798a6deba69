//
// PluginScheduler.h
//


#ifndef Host_PluginScheduler_INCLUDED
#define Host_PluginScheduler_INCLUDED


#include "TaskScheduler.h"
#include "erp/Scheduler.h"
#include "ops/MetricsSink.h"
#include <Poco/Exception.h>
#include <chrono>
#include <string>


namespace host {


class PluginScheduler: public erp::Scheduler
/// erp::Scheduler for one plugin: task names must start with "<id>.".
/// Each run of a task's body is counted in the metrics (outcome, time).
{
public:
	PluginScheduler(TaskScheduler& scheduler, const std::string& owner, MetricsSink& metrics):
		_scheduler(scheduler),
		_owner(owner),
		_metrics(metrics)
	{}

	void registerTask(const std::string& name, NextRun nextRun, Body body) override
	{
		if (name.compare(0, _owner.size() + 1, _owner + ".") != 0)
			throw Poco::InvalidArgumentException("a plugin's task names start with its id and a dot", name);
		if (!body) throw Poco::InvalidArgumentException("task without a body", name);
		MetricsSink& metrics = _metrics;
		Body counted = [&metrics, name, body = std::move(body)](const erp::TaskRun& run) {
			const auto started = std::chrono::steady_clock::now();
			const auto seconds = [&started] {
				return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
			};
			erp::TaskResult result;
			try
			{
				result = body(run);
			}
			catch (...)
			{
				metrics.countTask(name, false, seconds());
				throw;
			}
			metrics.countTask(name, result.ok, seconds());
			return result;
		};
		_scheduler.registerTask(_owner, name, std::move(nextRun), std::move(counted));
	}

	void unregisterTask(const std::string& name) override
	{
		_scheduler.unregisterTask(_owner, name);
	}

	void reschedule(const std::string& name) override
	{
		_scheduler.reschedule(_owner, name);
	}

private:
	TaskScheduler& _scheduler;
	std::string _owner;
	MetricsSink& _metrics;
};


} // namespace host


#endif // Host_PluginScheduler_INCLUDED
