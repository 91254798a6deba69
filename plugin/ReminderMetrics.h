//
// ReminderMetrics.h
//


#ifndef Reminders_ReminderMetrics_INCLUDED
#define Reminders_ReminderMetrics_INCLUDED


#include "erp/Database.h"
#include "erp/Metrics.h"
#include <string>
#include <vector>


namespace reminders {


class ReminderMetrics
/// The plugin's gauges on the host's GET /metrics (erp::Metrics):
///
/// - reminders_messages{state}: reminder emails in the outbox by state
///   (pending, sending, accepted, deferred (waiting for a retry),
///   rejected, failed, unknown, skipped, ...), all weeks;
/// - reminders_reports{state}: the owner's reports by state;
/// - reminders_runs{state}: weekly runs by state.
///
/// Each is one GROUP BY query when /metrics is read.
{
public:
	explicit ReminderMetrics(erp::Database& database);

	void registerWith(erp::Metrics& metrics);

	std::vector<erp::GaugeSample> countByState(const std::string& table);
	/// reminder_messages, reminder_reports or reminder_runs.

private:
	erp::Database& _database;
};


} // namespace reminders


#endif // Reminders_ReminderMetrics_INCLUDED
