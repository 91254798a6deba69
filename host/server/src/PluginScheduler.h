//
// PluginScheduler.h
//


#ifndef Host_PluginScheduler_INCLUDED
#define Host_PluginScheduler_INCLUDED


#include "TaskScheduler.h"
#include "erp/Scheduler.h"
#include <Poco/Exception.h>
#include <string>


namespace host {


class PluginScheduler: public erp::Scheduler
/// erp::Scheduler for one plugin: task names must start with "<id>.".
{
public:
	PluginScheduler(TaskScheduler& scheduler, const std::string& owner):
		_scheduler(scheduler),
		_owner(owner)
	{}

	void registerTask(const std::string& name, NextRun nextRun, Body body) override
	{
		if (name.compare(0, _owner.size() + 1, _owner + ".") != 0)
			throw Poco::InvalidArgumentException("a plugin's task names start with its id and a dot", name);
		_scheduler.registerTask(_owner, name, std::move(nextRun), std::move(body));
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
};


} // namespace host


#endif // Host_PluginScheduler_INCLUDED
