//
// WeeklyTask.cpp
//


#include "plugin/WeeklyTask.h"


namespace reminders {


std::optional<Poco::Timestamp> WeeklyTask::nextRun(const Poco::Timestamp&) const
{
	return std::nullopt;
}


erp::TaskResult WeeklyTask::run(const erp::TaskRun& run)
{
	return {false, "the weekly reminder run is not implemented yet; nothing was sent for " + run.today};
}


} // namespace reminders
