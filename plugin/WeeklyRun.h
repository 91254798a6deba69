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
#include <vector>


namespace reminders {


class LeaseKeeper;


class WeeklyRun
/// The weekly run, from claim to report, shared by every instance that
/// finds the week's run open (RunSharing):
///  1. claim the ISO week's run in the database (a unique key, and a
///     planning lease, so that one instance plans it and a crashed planner
///     is replaced);
///  2. plan with ReminderPlanner and write the outbox before sending
///     anything: one row per customer, pending or skipped (no address);
///     the planning lease ends and the run is open to every instance;
///  3. claim the planned rows in batches (RunStore::claimBatch: FOR UPDATE
///     SKIP LOCKED on MySQL, one instance at a time on SQLite), each batch
///     with its own lease, renewed by time (LeaseKeeper), and taken over
///     once it ends (its holder died or stalled); deliver each row of a
///     batch over one transport session kept across batches, re-checking
///     the customer's invoices right before the send (payments made
///     meanwhile count); a row is durably "sending" before the send, and
///     rows a crash left "sending" become "unknown" and are never re-sent
///     blindly; 4xx is retried with backoff, 5xx is final; one customer's
///     failure never stops the run. Refused credentials (a 5xx to AUTH,
///     CredentialsRefused) do: the message and every open one of the run
///     become "failed" with the server's reply, never retried. Every write
///     to a row is fenced by its batch's owner and generation: an instance
///     that lost its batch stops at once;
///  4. finish: the instance that ends its pass with nothing to claim, no
///     batch open and no row unsent is the last one; under the run's row
///     lock it ends the run and writes the owner's report, an outbox row
///     too: a "first" report when retries are pending and a "final" one
///     when nothing will change any more. The others leave it to that one.
/// Every send is audited.
///
/// Configuration (the plugin's section): retry.attempts (5),
/// retry.delay_minutes (15, doubled each time), lease.seconds (300: the
/// planning lease and each batch's), batch.size (100 messages),
/// payment.url (a pay-now link pattern, optional).
///
/// Thread-safe: concurrent calls (the timer and an operator, or several
/// instances) meet at the database claims and send disjoint batches.
{
public:
	using TransportFactory = std::function<std::unique_ptr<Transport>()>;
	using Connections = std::function<int()>;

	struct Outcome
	{
		bool ok = true;
		std::string summary;
		std::optional<Poco::Int64> runId; /// the run it worked on or found, if any
		std::string code;                 /// for a page to word it: "already_run", "planned_elsewhere",
										  /// "reminders_off"; empty for the others
	};

	WeeklyRun(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning, const RunStore& runs,
			  const TemplateSet& templates, TransportFactory transports, Connections connections = {});
	/// `connections`: how many senders to use, each with its own transport
	/// (asked once per pass; none given: one sender, in the planned order).

	erp::TaskResult execute(const erp::TaskRun& run);
	/// The scheduler's entry point (see run()).

	Outcome run(const erp::TaskRun& run);
	/// A timer call works only when TimerDecision says so (and declines
	/// otherwise, with the reason); an operator's call (onDemand) runs the
	/// week of `run.today` now.

	std::optional<Poco::Timestamp> nextRun(const Poco::Timestamp& now);
	/// When the timer should call next: TimerDecision's answer over the
	/// schedule, the week's run, its retries and the reports to send; at
	/// most an hour ahead. The host asks again at least once a minute, so
	/// work another process wrote (a command line run's retries) is seen
	/// within a minute.

private:
	struct Counts;
	struct Senders;
	struct Job;

	TimerDecision decide(Poco::Data::Session& session, const ReminderSettings& settings,
						 const Poco::Timestamp& now) const;
	bool plan(Poco::Int64 runId, const Fence& fence, const ReminderSettings& settings, const CalendarDate& day);
	/// false when the planning lease was lost (nothing written).
	void deliver(const RunRecord& run, const std::string& owner, const ReminderSettings& settings,
				 const erp::TaskRun& task, const std::string& actor, Counts& counts);
	/// Claims batches and sends them until nothing is left to claim.
	struct Prepared;
	void prepareBatch(const RunRecord& run, Prepared& prepared, const ReminderSettings& settings, Senders& senders,
					  Counts& counts);
	/// Right before the batch's sends: re-checks its customers in one query
	/// and writes what is no longer due; the rest are its jobs.
	void sendBatch(const RunRecord& run, Prepared& prepared, const ReminderSettings& settings, const std::string& actor,
				   Senders& senders, Counts& counts);
	/// Sends the batch's jobs over the senders' connections in parallel;
	/// every sender's "sending" row is committed (GroupCommit) before its
	/// message is handed to SMTP.
	void sendJobs(const RunRecord& run, const BatchRecord& batch, const ReminderSettings& settings,
				  const std::string& actor, std::vector<Job>& jobs, LeaseKeeper& lease, Senders& senders,
				  Counts& counts);
	std::optional<BatchRecord> claimBatch(Poco::Int64 runId, const std::string& owner,
										  const std::vector<Poco::Int64>& exclude);
	struct PassEnd;
	PassEnd endPass(Poco::Int64 runId, const ReminderSettings& settings);
	/// Whether this instance is the last one: then the run ends (waiting or
	/// done) and its report is written, in one transaction.
	void failOpenMessages(const RunRecord& run, const Fence& fence, const Delivery& refusal, const std::string& actor,
						  Counts& counts);
	/// After CredentialsRefused: every message of the batch still pending or
	/// deferred, and every one no batch holds, is failed with the server's
	/// reply (one transaction, fenced). Other instances' batches fail when
	/// their own sends meet the same refusal.
	void deliverReports(const ReminderSettings& settings, const std::string& actor);
	static std::pair<Delivery, bool> attempt(std::unique_ptr<Transport>& transport,
											 const std::function<Delivery()>& send);
	/// The delivery, and whether the server refused the credentials.
	template <typename Row> void settle(Row& row, const Delivery& delivery, bool credentialsRefused) const;
	void progress(const erp::TaskRun& task, Poco::Int64 runId, const std::string& phase);
	/// Tells whoever asked for the run (TaskRun::progress) where the whole
	/// run stands: messages decided of those planned, by every instance.
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
	Connections _connections;
	std::string _instance;
	std::atomic<unsigned> _claims{0};
	RetryPolicy _retry;
	int _leaseSeconds;
	int _batchSize;
	std::string _payUrl;
};


} // namespace reminders


#endif // Reminders_WeeklyRun_INCLUDED
