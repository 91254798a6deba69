//
// ReminderMetrics.cpp
//


#include "plugin/ReminderMetrics.h"
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>


using namespace Poco::Data::Keywords;


namespace reminders {


ReminderMetrics::ReminderMetrics(erp::Database& database):
	_database(database)
{}


void ReminderMetrics::registerWith(erp::Metrics& metrics)
{
	metrics.gauge("reminders_messages", "Reminder emails in the outbox, by state (deferred: waiting for a retry)",
				  [this] { return countByState("reminder_messages"); });
	metrics.gauge("reminders_reports", "Owner's reports, by state",
				  [this] { return countByState("reminder_reports"); });
	metrics.gauge("reminders_runs", "Weekly runs, by state", [this] { return countByState("reminder_runs"); });
}


std::vector<erp::GaugeSample> ReminderMetrics::countByState(const std::string& table)
{
	if (table != "reminder_messages" && table != "reminder_reports" && table != "reminder_runs")
		throw Poco::InvalidArgumentException("not a table with states", table);
	std::vector<std::string> states;
	std::vector<Poco::Int64> counts;
	Poco::Data::Session session = _database.session();
	session << "SELECT state, COUNT(*) FROM " + table + " GROUP BY state ORDER BY state", into(states), into(counts),
		now;
	std::vector<erp::GaugeSample> samples;
	for (std::size_t i = 0; i < states.size(); ++i)
		samples.push_back({{{"state", states[i]}}, static_cast<double>(counts[i])});
	return samples;
}


} // namespace reminders
