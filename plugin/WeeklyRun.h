//
// WeeklyRun.h
//


#ifndef Reminders_WeeklyRun_INCLUDED
#define Reminders_WeeklyRun_INCLUDED


#include "erp/Host.h"
#include "plugin/core/RetryPolicy.h"
#include "plugin/core/TimerDecision.h"
#include "plugin/mail/TemplateSet.h"
#include "plugin/mail/Transport.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/RunStore.h"
#include "plugin/store/SettingsStore.h"
#include <atomic>
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
///     meanwhile count); a row is durably "sending" before the send, and
///     rows a crash left "sending" become "unknown" and are never re-sent
///     blindly; 4xx is retried with backoff, 5xx is final; one customer's
///     failure never stops the run. Refused credentials (a 5xx to AUTH,
///     CredentialsRefused) do: the message and every open one of the run
///     become "failed" with the server's reply, never retried. The lease is renewed by time
///     (LeaseKeeper) and every write is fenced by owner and generation:
///     an instance that lost the run stops at once;
///  4. finish: the owner's report is an outbox row too, written in the
///     transaction that ends the pass: a "first" report when retries are
///     pending and a "final" one when nothing will change any more.
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

	struct Outcome
	{
		bool ok = true;
		std::string summary;
		std::optional<Poco::Int64> runId; /// the run it worked on or found, if any
	};

	WeeklyRun(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning, const RunStore& runs,
			  const TemplateSet& templates, TransportFactory transports);

	erp::TaskResult execute(const erp::TaskRun& run);
	/// The scheduler's entry point (see run()).

	Outcome run(const erp::TaskRun& run);
	/// A timer call works only when TimerDecision says so (and declines
	/// otherwise, with the reason); an operator's call (onDemand) runs the
	/// week of `run.today` now.

	std::optional<Poco::Timestamp> nextRun(const Poco::Timestamp& now);
	/// When the timer should call next: TimerDecision's answer over the
	/// schedule, the week's run, its retries and the reports to send; at
	/// most an hour ahead.

private:
	struct Counts;

	TimerDecision decide(Poco::Data::Session& session, const ReminderSettings& settings,
						 const Poco::Timestamp& now) const;
	void plan(Poco::Int64 runId, const ReminderSettings& settings, const CalendarDate& day);
	void deliver(const RunRecord& run, const Fence& fence, const ReminderSettings& settings, const std::string& actor,
				 Counts& counts);
	void failOpenMessages(const RunRecord& run, const Fence& fence, const Delivery& refusal, const std::string& actor,
						  Counts& counts);
	/// After CredentialsRefused: every message of the run still pending or
	/// deferred is failed with the server's reply (one transaction, fenced).
	void deliverReports(const ReminderSettings& settings, const std::string& actor);
	static std::pair<Delivery, bool> attempt(std::unique_ptr<Transport>& transport,
											 const std::function<Delivery()>& send);
	/// The delivery, and whether the server refused the credentials.
	template <typename Row> void settle(Row& row, const Delivery& delivery, bool credentialsRefused) const;
	std::string nextOwner();
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
	std::string _instance;
	std::atomic<unsigned> _claims{0};
	RetryPolicy _retry;
	int _leaseSeconds;
	std::string _payUrl;
};


} // namespace reminders


#endif // Reminders_WeeklyRun_INCLUDED
