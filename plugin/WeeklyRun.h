//
// WeeklyRun.h
//


#ifndef Reminders_WeeklyRun_INCLUDED
#define Reminders_WeeklyRun_INCLUDED


#include "erp/Host.h"
#include "plugin/mail/TemplateSet.h"
#include "plugin/mail/Transport.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/RunStore.h"
#include "plugin/store/SettingsStore.h"
#include <functional>
#include <memory>
#include <optional>


namespace reminders {


class WeeklyRun
/// The weekly run, from claim to report:
///  1. claim the ISO week's run in the database (a lease, so that two
///     hosts never both send and a crashed run is resumed);
///  2. plan with ReminderPlanner and write the outbox before sending
///     anything: one row per customer, pending or skipped (no address);
///  3. deliver each pending row over one transport session, re-checking
///     the customer's invoices right before the send (payments made
///     meanwhile count); rows a crash left "sending" become "unknown"
///     and are never re-sent blindly; 4xx is retried with backoff, 5xx
///     is final; one customer's failure never stops the run;
///  4. finish, and send the owner's report once.
/// Every send is audited.
///
/// Configuration (the plugin's section): retry.attempts (5),
/// retry.delay_minutes (15, doubled each time), lease.seconds (300),
/// payment.url (a pay-now link pattern, optional).
///
/// Thread-safe: concurrent calls (the timer and an operator) meet at the
/// database claim, and only one sends.
{
public:
	using TransportFactory = std::function<std::unique_ptr<Transport>()>;

	WeeklyRun(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning, const RunStore& runs,
			  const TemplateSet& templates, TransportFactory transports);

	erp::TaskResult execute(const erp::TaskRun& run);

	std::optional<Poco::Timestamp> nextRun(const Poco::Timestamp& now);
	/// The schedule (WeeklySchedule), a live lease or a pending retry; at
	/// most an hour ahead, so that changed settings are noticed.

private:
	struct Counts;

	void plan(Poco::Int64 runId, const ReminderSettings& settings, const CalendarDate& day);
	void deliver(const RunRecord& run, const ReminderSettings& settings, const std::string& actor, Counts& counts);
	void report(const RunRecord& run, const ReminderSettings& settings, const std::string& actor);
	std::string now() const;
	std::string later(long seconds) const;
	void audit(Poco::Data::Session& session, const std::string& actor, const std::string& action,
			   const std::string& entity, const std::string& id, const Poco::JSON::Object& details);

	erp::Host& _host;
	const SettingsStore& _settings;
	const PlanningStore& _planning;
	const RunStore& _runs;
	const TemplateSet& _templates;
	TransportFactory _transports;
	std::string _owner;
	int _maxAttempts;
	int _delayMinutes;
	int _leaseSeconds;
	std::string _payUrl;
};


} // namespace reminders


#endif // Reminders_WeeklyRun_INCLUDED
