//
// WeeklyTask.h
//


#ifndef Reminders_WeeklyTask_INCLUDED
#define Reminders_WeeklyTask_INCLUDED


#include "erp/Scheduler.h"
#include <Poco/Timestamp.h>
#include <optional>


namespace reminders {


class WeeklyTask
/// The task "reminders.weekly": every week, one email per customer owing
/// on overdue invoices, then the owner's report.
///
/// Not built yet: nextRun() schedules nothing and run() reports a
/// failure, so that `erp-host --run-task=reminders.weekly` exits non-zero
/// rather than pretending to have sent anything.
{
public:
	static constexpr const char* NAME = "reminders.weekly";

	std::optional<Poco::Timestamp> nextRun(const Poco::Timestamp& now) const;
	erp::TaskResult run(const erp::TaskRun& run);
};


} // namespace reminders


#endif // Reminders_WeeklyTask_INCLUDED
