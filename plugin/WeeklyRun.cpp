//
// WeeklyRun.cpp
//


#include "plugin/WeeklyRun.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include "plugin/LeaseKeeper.h"
#include "plugin/RunReport.h"
#include "plugin/WeeklySchedule.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/ReminderPlanner.h"
#include "plugin/core/RunSharing.h"
#include "plugin/delivery/GroupCommit.h"
#include "plugin/delivery/OutboxBatch.h"
#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/ReminderComposer.h"
#include "plugin/store/ConflictRetry.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/Process.h>
#include <Poco/RandomStream.h>
#include <algorithm>
#include <deque>
#include <future>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>


namespace reminders {


struct WeeklyRun::PassEnd
{
	bool last = false;        /// this instance ended the run
	bool retriesLeft = false; /// the run waits for retries
};


namespace {

const std::size_t PLAN_CHUNK = 1000; /// customers planned, then written, at a time
const int BATCH_SIZE = 500;
/// Messages claimed at a time (reminders.batch.size). Between two batches
/// the senders wait for the batch's close and the next one's re-check, a
/// few milliseconds; 500 a batch instead of 100 made the run at four
/// connections about a tenth faster (docs/performance.md).

bool listedAsDue(const std::vector<ListedInvoice>& listed, const std::vector<DueInvoice>& due)
/// Whether the lines a message lists are the due invoices, with the same
/// amounts and days (a payment since the plan changes them).
{
	if (listed.size() != due.size()) return false;
	std::map<Poco::Int64, const DueInvoice*> byId;
	for (const DueInvoice& line: due)
		byId[line.invoice.id] = &line;
	for (const ListedInvoice& line: listed)
	{
		const auto found = byId.find(line.invoiceId);
		if (found == byId.end()) return false;
		const DueInvoice& d = *found->second;
		if (line.currency != d.invoice.currency || line.totalMinor != d.invoice.totalMinor ||
			line.paidMinor != d.invoice.paidMinor || line.outstandingMinor != d.outstandingMinor ||
			line.daysOverdue != d.daysOverdue || line.finalReminder != d.finalReminder)
			return false;
	}
	return true;
}

} // namespace


struct WeeklyRun::Job
{
	MessageRecord message;
	CustomerPlan plan;        /// as re-checked right before the batch's sends
	bool listedAsDue = false; /// the outbox already lists the plan's lines as they are now
};


struct WeeklyRun::Prepared
/// A claimed batch made ready to send.
{
	std::optional<BatchRecord> batch;    /// none: nothing was left to claim
	std::vector<MessageRecord> messages; /// its rows to send, read when it was claimed
	std::vector<Job> jobs;               /// those still due at the re-check
	bool leaseLost = false;              /// its lease was lost while writing what is no longer due
	std::exception_ptr error;            /// a database error while claiming or preparing it
};


struct WeeklyRun::Senders
/// One pass's senders: each has its own transport (connection), kept across
/// the pass's batches, and they share one GroupCommit for the outbox.
{
	Senders(erp::Database& database, const RunStore& runs, erp::AuditLog& audit, int count):
		outbox(runs, audit),
		writer(database, &outbox),
		transports(static_cast<std::size_t>(count)),
		allowed(count)
	{}

	bool retire()
	/// One connection fewer, unless it is the last one.
	{
		int now = allowed.load();
		while (now > 1)
			if (allowed.compare_exchange_weak(now, now - 1)) return true;
		return false;
	}

	OutboxBatch outbox; /// the writer's: message rows, listed invoices and audit entries, a statement a group
	GroupCommit writer;
	std::vector<std::unique_ptr<Transport>> transports;
	std::atomic<int> allowed; /// senders in use
	std::mutex mutex;         /// guards the pass's Counts while senders run
};


struct WeeklyRun::Counts
{
	std::map<std::string, int> states;
	bool leaseLost = false;             /// a renewal or a fenced write failed: another instance has the batch
	std::string credentialsRefused;     /// the server's reply when it refused the credentials: sending stopped
	int takenOver = 0;                  /// of which taken over from an instance whose lease ended
	int refusalCode = 0;                /// the code of that reply
	std::set<Poco::Int64> deferredHere; /// messages this pass deferred

	std::string describe() const
	{
		std::string text;
		for (const auto& [state, count]: states)
			text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + state;
		return text.empty() ? "nothing to send" : text;
	}
};


namespace {

std::string instanceName()
{
	char random[4];
	Poco::RandomInputStream().read(random, sizeof(random));
	std::ostringstream name;
	name << Poco::Environment::nodeName() << ":" << Poco::Process::id() << ":" << std::hex
		 << (static_cast<unsigned>(static_cast<unsigned char>(random[0])) << 8 | static_cast<unsigned char>(random[1]));
	return name.str();
}

using Instant = std::chrono::system_clock::time_point;

Instant instantOf(const Poco::Timestamp& stamp)
{
	return Instant(std::chrono::microseconds(stamp.epochMicroseconds()));
}

Poco::Timestamp stampOf(Instant instant)
{
	return Poco::Timestamp(std::chrono::duration_cast<std::chrono::microseconds>(instant.time_since_epoch()).count());
}

std::optional<Instant> instantOf(const std::string& text)
{
	const std::optional<Poco::Timestamp> stamp = erp::Instant::parse(text);
	return stamp ? std::optional<Instant>(instantOf(*stamp)) : std::nullopt;
}

Poco::JSON::Object messageDetails(Poco::Int64 runId, const MessageRecord& message)
/// What every audit entry of a message's outcome holds.
{
	Poco::JSON::Object details;
	details.set("run_id", runId);
	details.set("recipient", message.recipient);
	details.set("state", message.state);
	details.set("attempt", message.attempts);
	details.set("reply_code", message.replyCode);
	details.set("reply_text", message.replyText);
	return details;
}

} // namespace


WeeklyRun::WeeklyRun(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning,
					 const RunStore& runs, const TemplateSet& templates, TransportFactory transports,
					 Connections connections):
	_host(host),
	_settings(settings),
	_planning(planning),
	_runs(runs),
	_templates(templates),
	_transports(std::move(transports)),
	_connections(std::move(connections)),
	_instance(instanceName()),
	_retry{host.config().getInt("retry.attempts", 5), host.config().getInt("retry.delay_minutes", 15)},
	_leaseSeconds(host.config().getInt("lease.seconds", 300)),
	_batchSize(std::max(1, host.config().getInt("batch.size", BATCH_SIZE))),
	_payUrl(host.config().getString("payment.url", ""))
{}


std::pair<Delivery, bool> WeeklyRun::attempt(std::unique_ptr<Transport>& transport,
											 const std::function<Delivery()>& send)
{
	// A send's outcome as a value: a broken transport defers the message (and
	// is made anew for the next one); refused credentials are final.
	try
	{
		return {send(), false};
	}
	catch (const CredentialsRefused& exc)
	{
		transport.reset();
		return {Delivery{Delivery::State::REJECTED, exc.code(), exc.what()}, true};
	}
	catch (std::exception& exc)
	{
		transport.reset();
		return {Delivery{Delivery::State::DEFERRED, 0, exc.what()}, false};
	}
}


template <typename Row> void WeeklyRun::settle(Row& row, const Delivery& delivery, bool credentialsRefused) const
{
	// What the server said, and for a deferral the next attempt's time, or
	// "failed" once no attempt is left (or the credentials were refused:
	// retrying cannot help). Reminders and reports alike.
	row.state = credentialsRefused ? "failed" : Delivery::name(delivery.state);
	row.replyCode = delivery.code;
	row.replyText = delivery.text;
	row.nextAttemptAt.clear();
	if (delivery.state == Delivery::State::DEFERRED)
	{
		if (std::optional<long> delay = _retry.delaySeconds(row.attempts))
			row.nextAttemptAt = later(*delay);
		else
			row.state = "failed";
	}
}


void WeeklyRun::progress(const erp::TaskRun& task, Poco::Int64 runId, const std::string& phase)
{
	if (!task.progress) return;
	erp::TaskProgress report;
	report.item = "run " + std::to_string(runId);
	std::map<std::string, int> states;
	if (phase != "planning")
	{
		Poco::Data::Session session = _host.database().session();
		states = _runs.stateCounts(session, runId);
		report.total = 0;
	}
	std::string byState;
	for (const auto& [state, count]: states)
	{
		report.total += count;
		if (state != "pending" && state != "sending" && state != "deferred") report.done += count;
		if (state != "pending") byState += (byState.empty() ? "" : ", ") + std::to_string(count) + " " + state;
	}
	const double seconds = static_cast<double>(task.startedAt.elapsed()) / Poco::Timestamp::resolution();
	const long rate = seconds > 0.5 ? static_cast<long>(report.done / seconds) : 0;
	report.text = phase == "planning" ? "planning"
									  : std::to_string(report.done) + " of " + std::to_string(report.total) +
											" messages" + (byState.empty() ? "" : " (" + byState + ")") +
											(rate ? "; " + std::to_string(rate) + "/s" : "");
	task.progress(report);
}


std::string WeeklyRun::nextOwner()
{
	// One owner name per claim: two calls in this process (the timer and an
	// operator) are as distinct as two instances.
	return _instance + "/" + std::to_string(++_claims);
}


std::string WeeklyRun::now() const
{
	return erp::Instant::format(_host.clock().now());
}


std::string WeeklyRun::later(long seconds) const
{
	return erp::Instant::format(_host.clock().now() +
								static_cast<Poco::Timestamp::TimeDiff>(seconds) * Poco::Timestamp::resolution());
}


void WeeklyRun::audit(Poco::Data::Session& session, const std::string& actor, const std::string& action,
					  const std::string& entity, const std::string& id, const Poco::JSON::Object& details)
{
	_host.audit().append(session, {actor, action, entity, id, erp::AuditEntry::json(details)});
}


TimerDecision WeeklyRun::decide(Poco::Data::Session& session, const ReminderSettings& settings,
								const Poco::Timestamp& nowStamp) const
{
	TimerDecision::Facts facts;
	facts.now = instantOf(nowStamp);
	facts.enabled = settings.enabled;
	if (!settings.enabled) return TimerDecision::decide(facts);
	const WeeklySchedule schedule(ZonedClock::zoneOf(settings, _host.clock()), settings.sendWeekday, settings.sendTime);
	const CalendarDate today = schedule.localDate(facts.now);
	facts.slotThisWeek = schedule.slotOfWeek(today);
	facts.slotNextWeek = schedule.slotOfWeek(today.plusDays(7));
	facts.firstEnabledAt = instantOf(settings.firstEnabledAt);
	if (std::optional<RunRecord> latest = _runs.latestOfWeek(session, today.isoWeek()))
	{
		if (latest->state == "running")
		{
			facts.run = TimerDecision::WeekRun::RUNNING;
			if (latest->plannedAt.empty())
			{
				facts.planning = true;
				facts.leaseUntil = instantOf(latest->leaseUntil);
			}
			else
			{
				facts.claimable =
					_runs.claimable(session, latest->id, erp::Instant::format(nowStamp), _retry.maxAttempts);
				facts.leaseUntil = instantOf(_runs.earliestBatchLease(session, latest->id).value_or(""));
			}
		}
		else if (latest->state == "waiting")
		{
			facts.run = TimerDecision::WeekRun::WAITING;
			facts.nextMessageRetry = instantOf(_runs.nextRetry(session, latest->id, _retry.maxAttempts).value_or(""));
		}
		else
			facts.run = TimerDecision::WeekRun::DONE;
	}
	facts.nextReportSend = instantOf(_runs.nextReport(session, _retry.maxAttempts).value_or(""));
	return TimerDecision::decide(facts);
}


std::optional<Poco::Timestamp> WeeklyRun::nextRun(const Poco::Timestamp& nowStamp)
{
	Poco::Data::Session session = _host.database().session();
	const ReminderSettings settings = _settings.load(session);
	const TimerDecision decision = decide(session, settings, nowStamp);
	return decision.workNow() ? nowStamp : stampOf(decision.lookAgain);
}


erp::TaskResult WeeklyRun::execute(const erp::TaskRun& task)
{
	const Outcome outcome = run(task);
	return {outcome.ok, outcome.summary};
}


WeeklyRun::Outcome WeeklyRun::run(const erp::TaskRun& task)
{
	const std::string actor = task.actor.empty() ? "scheduler" : task.actor;
	Poco::Data::Session session = _host.database().session();
	const ReminderSettings settings = _settings.load(session);
	if (!settings.enabled) return {true, "reminders are turned off; nothing was sent", std::nullopt, "reminders_off"};
	if (!task.onDemand)
	{
		// The timer works only when the same decision that set its time says
		// so; otherwise it declines, and nextRun() names the next look.
		const TimerDecision decision = decide(session, settings, _host.clock().now());
		if (!decision.runWeek)
		{
			if (decision.sendReports) deliverReports(settings, actor);
			return {true, decision.reason + (decision.sendReports ? "; reports sent" : ""), std::nullopt, {}};
		}
	}
	CalendarDate day = ZonedClock::today(settings, _host.clock());
	if (task.onDemand && !task.today.empty()) day = CalendarDate::parse(task.today).value_or(day);
	const std::string week = day.isoWeek();
	const std::string owner = nextOwner();

	RunStore::Claim claim = ConflictRetry::run([&] {
		erp::Transaction tx(session, _host.database().dialect());
		const std::vector<Poco::Int64> earlier = _runs.unfinishedBefore(session, week);
		// Only when there is one to close: its statements scan (and, on
		// MySQL, lock) the outbox, which other instances are sending from.
		const int closed = earlier.empty() ? 0 : _runs.closeEarlierWeeks(session, week, now());
		if (closed)
			_host.logger().warning("%d message(s) of earlier weeks closed: retries ended, unsent ones superseded",
								   closed);
		// Their owner's report must say how they ended.
		for (Poco::Int64 id: earlier)
			if (!settings.ownerEmail.empty()) _runs.addReport(session, id, "final", settings.ownerEmail, now());
		RunStore::Claim found =
			_runs.claim(session, week, day.toString(), owner, now(), later(_leaseSeconds), task.force, actor);
		if (found.outcome == RunStore::ClaimOutcome::NEW)
		{
			Poco::JSON::Object details;
			details.set("iso_week", week);
			details.set("business_date", day.toString());
			details.set("sequence", found.run.sequence);
			details.set("forced", task.force);
			details.set("on_demand", task.onDemand);
			audit(session, actor, task.force ? "reminders.run.forced" : "reminders.run.start", "run",
				  std::to_string(found.run.id), details);
		}
		tx.commit();
		return found;
	});
	if (claim.outcome == RunStore::ClaimOutcome::ALREADY_DONE || claim.outcome == RunStore::ClaimOutcome::BUSY)
	{
		deliverReports(settings, actor);
		const std::string id = claim.run.id ? " (run " + std::to_string(claim.run.id) + ")" : "";
		if (claim.outcome == RunStore::ClaimOutcome::BUSY)
			return {true,
					"week " + week + "'s run" + id +
						" is being planned by another instance; instances help send it once its plan is written",
					claim.run.id ? std::optional<Poco::Int64>(claim.run.id) : std::nullopt, "planned_elsewhere"};
		return {true,
				"week " + week + " already has its run" + id +
					"; nothing sent again (an administrator may force a re-send)",
				claim.run.id, "already_run"};
	}

	RunRecord run = claim.run;
	progress(task, run.id, "planning");
	if (claim.outcome == RunStore::ClaimOutcome::NEW || claim.outcome == RunStore::ClaimOutcome::RESUMED)
	{
		if (!plan(run.id, Fence{owner, run.leaseGeneration, 0}, settings, *CalendarDate::parse(run.businessDate)))
			return {false,
					"run " + std::to_string(run.id) +
						" lost its planning lease to another instance; it is planned there",
					run.id,
					{}};
	}
	const int interrupted = _runs.markInterrupted(session, run.id, now());
	if (interrupted)
		_host.logger().warning("run %s: %d message(s) were interrupted while sending; marked unknown, not re-sent",
							   std::to_string(run.id), interrupted);

	Counts counts;
	progress(task, run.id, "sending");
	deliver(run, owner, settings, task, actor, counts);
	progress(task, run.id, "sent");
	if (counts.leaseLost)
		return {false,
				"run " + std::to_string(run.id) +
					": a batch of this instance lost its lease to another instance; it goes on there (" +
					counts.describe() + ")",
				run.id,
				{}};

	const PassEnd end = endPass(run.id, settings);
	deliverReports(settings, actor);
	const std::string refused =
		counts.credentialsRefused.empty()
			? std::string()
			: "; the mail server refused the credentials, sending stopped (" + counts.credentialsRefused + ")";
	const std::string shared =
		counts.takenOver ? "; " + std::to_string(counts.takenOver) + " batch(es) taken over" : std::string();
	if (!end.last)
		return {true,
				"week " + week + " run " + std::to_string(run.id) + ": " + counts.describe() + refused + shared +
					"; other instances are still sending, the last to finish ends the run and sends the report",
				run.id,
				{}};
	std::string reports;
	for (const ReportRecord& report: _runs.reports(session, run.id))
		reports += "; " + report.kind + " report " + report.state;
	if (reports.empty()) reports = "; no report (no owner address)";
	return {true,
			"week " + week + " run " + std::to_string(run.id) + ": " + counts.describe() + refused + shared + reports +
				(end.retriesLeft ? "; retries pending" : ""),
			run.id,
			{}};
}


bool WeeklyRun::plan(Poco::Int64 runId, const Fence& fence, const ReminderSettings& settings, const CalendarDate& day)
{
	// Streamed: the candidates are read in batches on one session and the
	// plan written a thousand customers at a time on another, in one
	// transaction, so that memory does not grow with the number of
	// customers. The planning lease is checked (and on MySQL its row held)
	// first.
	const ReminderPlanner planner(settings, day);
	Poco::Data::Session reader = _host.database().session();
	Poco::Data::Session writer = _host.database().session();
	erp::Transaction tx(writer, _host.database().dialect());
	if (!_runs.holdsPlanning(writer, runId, fence)) return false; // rolled back: another instance plans it
	const std::string at = now();
	std::vector<CustomerPlan> plans;
	_planning.forEachCandidate(reader, planner.earliestBasis(), planner.latestBasis(),
							   [&](const CustomerContact& customer, const std::vector<OpenInvoice>& invoices) {
								   // Those held back (paused, disputed, below the
								   // minimum) are written as skipped, with their reason.
								   if (std::optional<CustomerPlan> plan = planner.planWithHolds(customer, invoices))
									   plans.push_back(std::move(*plan));
								   if (plans.size() >= PLAN_CHUNK)
								   {
									   _runs.savePlanRows(writer, runId, plans, at);
									   plans.clear();
								   }
								   return true;
							   });
	_runs.savePlanRows(writer, runId, plans, at);
	_runs.markPlanned(writer, runId, at);
	tx.commit();
	return true;
}


std::optional<BatchRecord> WeeklyRun::claimBatch(Poco::Int64 runId, const std::string& owner,
												 const std::vector<Poco::Int64>& exclude)
{
	Poco::Data::Session session = _host.database().session();
	return ConflictRetry::run([&] {
		_runs.readCommittedNext(session);
		erp::Transaction tx(session, _host.database().dialect());
		std::optional<BatchRecord> batch = _runs.claimBatch(session, runId, owner, now(), later(_leaseSeconds),
															_batchSize, _retry.maxAttempts, exclude);
		tx.commit();
		return batch;
	});
}


WeeklyRun::PassEnd WeeklyRun::endPass(Poco::Int64 runId, const ReminderSettings& settings)
{
	Poco::Data::Session session = _host.database().session();
	return ConflictRetry::run([&] {
		erp::Transaction tx(session, _host.database().dialect());
		const RunProgress progress = _runs.progress(session, runId);
		PassEnd end;
		end.retriesLeft = _runs.nextRetry(session, runId, _retry.maxAttempts).has_value();
		const RunSharing::End decision = RunSharing::end(progress.openBatches, progress.unsent, end.retriesLeft);
		// Another instance may have ended the run since this one's last batch.
		end.last = decision.finish && progress.state == "running";
		if (end.last)
		{
			_runs.finish(session, runId, decision.state, end.retriesLeft ? "" : now());
			if (settings.ownerEmail.empty())
				_runs.setReport(session, runId, "not_configured",
								"no owner_email in the settings; see GET runs/" + std::to_string(runId));
			else
				_runs.addReport(session, runId, decision.reportKind, settings.ownerEmail, now());
		}
		tx.commit();
		return end;
	});
}


void WeeklyRun::deliver(const RunRecord& run, const std::string& owner, const ReminderSettings& settings,
						const erp::TaskRun& task, const std::string& actor, Counts& counts)
{
	int connections = 1;
	try
	{
		if (_connections) connections = std::clamp(_connections(), 1, 32);
	}
	catch (std::exception& exc)
	{
		_host.logger().warning("run %s: the number of connections could not be read (%s); sending over one",
							   std::to_string(run.id), std::string(exc.what()));
	}
	Senders senders(_host.database(), _runs, _host.audit(),
					connections); // their sessions, kept across this instance's batches
	// The next batch is claimed, and its rows read, while the senders send
	// the current one; it is re-checked only right before its own sends
	// (prepareBatch()), after the current batch's. What this pass deferred
	// is retried by a later one, never at once; the current batch's
	// deferred rows stay in it until it is closed, so no claim can take
	// them meanwhile.
	auto claimAhead = [this, &run, &owner, &senders, &counts]() {
		Prepared prepared;
		try
		{
			std::vector<Poco::Int64> deferred;
			{
				std::lock_guard<std::mutex> lock(senders.mutex);
				deferred.assign(counts.deferredHere.begin(), counts.deferredHere.end());
			}
			prepared.batch = claimBatch(run.id, owner, deferred);
			if (prepared.batch)
			{
				Poco::Data::Session session = _host.database().session();
				prepared.messages = _runs.batchMessages(session, prepared.batch->fence, now(), _retry.maxAttempts);
			}
		}
		catch (...)
		{
			prepared.error = std::current_exception();
		}
		return prepared;
	};
	// A batch claimed ahead and not sent (the pass stopped): its rows go back.
	auto release = [this, &run](const Prepared& prepared) {
		if (!prepared.batch || prepared.leaseLost || prepared.error) return;
		try
		{
			Poco::Data::Session session = _host.database().session();
			ConflictRetry::run([&] {
				erp::Transaction tx(session, _host.database().dialect());
				_runs.closeBatch(session, prepared.batch->fence, now());
				tx.commit();
				return true;
			});
		}
		catch (std::exception& exc)
		{
			// Its lease ends; then the rows are claimed again (by any instance).
			_host.logger().warning("run %s: batch %s claimed ahead could not be given back (%s)",
								   std::to_string(run.id), std::to_string(prepared.batch->id), std::string(exc.what()));
		}
	};
	Prepared current = claimAhead();
	Poco::Timestamp reported;
	while (current.batch)
	{
		if (current.error) std::rethrow_exception(current.error);
		const BatchRecord& batch = *current.batch;
		prepareBatch(run, current, settings, senders, counts);
		if (current.leaseLost)
		{
			counts.leaseLost = true;
			break;
		}
		if (batch.takenOver)
		{
			++counts.takenOver;
			_host.logger().warning("run %s: batch %s taken over from an instance whose lease ended; %d message(s) "
								   "interrupted while sending marked unknown, not re-sent",
								   std::to_string(run.id), std::to_string(batch.id), batch.interrupted);
		}
		std::future<Prepared> ahead = std::async(std::launch::async, claimAhead);
		try
		{
			sendBatch(run, current, settings, actor, senders, counts);
		}
		catch (...)
		{
			release(ahead.get());
			throw;
		}
		Prepared next = ahead.get();
		if (counts.leaseLost)
		{
			release(next);
			break;
		}
		if (!counts.credentialsRefused.empty())
		{
			release(next);
			const Delivery refusal{Delivery::State::REJECTED, counts.refusalCode, counts.credentialsRefused};
			failOpenMessages(run, batch.fence, refusal, actor, counts);
			if (counts.leaseLost) break;
		}
		Poco::Data::Session session = _host.database().session();
		const bool closed = ConflictRetry::run([&] {
			erp::Transaction tx(session, _host.database().dialect());
			if (!_runs.closeBatch(session, batch.fence, now())) return false;
			tx.commit();
			return true;
		});
		if (!closed)
		{
			counts.leaseLost = true; // rolled back: another instance has the batch
			release(next);
			break;
		}
		if (!counts.credentialsRefused.empty()) break;
		// The progress (a count over the run's rows) at most twice a second, and at the end.
		if (!next.batch || reported.isElapsed(Poco::Timestamp::resolution() / 2))
		{
			progress(task, run.id, "sending");
			reported.update();
		}
		current = std::move(next);
	}
	for (std::unique_ptr<Transport>& transport: senders.transports)
		if (transport) transport->close();
}


void WeeklyRun::prepareBatch(const RunRecord& run, Prepared& prepared, const ReminderSettings& settings,
							 Senders& senders, Counts& counts)
{
	std::vector<MessageRecord>& messages = prepared.messages;
	if (messages.empty()) return;
	Poco::Data::Session session = _host.database().session();
	const Fence& fence = prepared.batch->fence;
	const ReminderPlanner planner(settings, *CalendarDate::parse(run.businessDate));
	// Right before the sends, in one query for the batch: what is owed now
	// (payments made since the plan count), and is there still anything to
	// remind of?
	std::vector<Poco::Int64> customers;
	for (const MessageRecord& message: messages)
		customers.push_back(message.customerId);
	const PlanningStore::Candidates current =
		_planning.candidatesOf(session, customers, planner.earliestBasis(), planner.latestBasis());
	std::vector<MessageRecord> cancelled;
	for (MessageRecord& message: messages)
	{
		const auto found = current.find(message.customerId);
		std::optional<CustomerPlan> plan = found == current.end()
											   ? std::optional<CustomerPlan>()
											   : planner.planCustomer(found->second.first, found->second.second);
		if (plan && plan->outcome == CustomerPlan::Outcome::SEND)
		{
			prepared.jobs.push_back(Job{message, std::move(*plan)});
			continue;
		}
		message.state = "cancelled";
		message.replyText = plan ? "the address became unusable: " + CustomerPlan::reason(plan->outcome)
								 : "nothing is due any more (paid, unflagged or switched off since the plan)";
		message.updatedAt = now();
		cancelled.push_back(message);
	}
	// What the outbox lists already: a message whose lines are unchanged
	// since the plan (no payment meanwhile, the usual case) is not listed again.
	std::vector<Poco::Int64> ids;
	for (const Job& job: prepared.jobs)
		ids.push_back(job.message.id);
	const std::map<Poco::Int64, std::vector<ListedInvoice>> listed = _runs.listedFor(session, ids);
	for (Job& job: prepared.jobs)
	{
		const auto found = listed.find(job.message.id);
		job.listedAsDue = found != listed.end() && listedAsDue(found->second, job.plan.invoices);
	}
	if (!cancelled.empty())
	{
		std::exception_ptr error;
		const GroupCommit::Result result = senders.writer.commit(
			[&](Poco::Data::Session& transaction) {
				if (!senders.outbox.holds(transaction, fence)) return false;
				for (const MessageRecord& message: cancelled)
					senders.outbox.update(message, fence);
				return true;
			},
			&error);
		if (result == GroupCommit::Result::FAILED) std::rethrow_exception(error);
		if (result == GroupCommit::Result::LEASE_LOST)
		{
			prepared.leaseLost = true; // rolled back: another instance has the batch
			prepared.jobs.clear();
			return;
		}
		std::lock_guard<std::mutex> lock(senders.mutex);
		counts.states["cancelled"] += static_cast<int>(cancelled.size());
	}
}


void WeeklyRun::sendBatch(const RunRecord& run, Prepared& prepared, const ReminderSettings& settings,
						  const std::string& actor, Senders& senders, Counts& counts)
{
	if (prepared.jobs.empty()) return;
	const BatchRecord& batch = *prepared.batch;
	LeaseKeeper lease(_host.database(), _runs, _host.clock(), batch.id, batch.fence, _leaseSeconds);
	sendJobs(run, batch, settings, actor, prepared.jobs, lease, senders, counts);
}


void WeeklyRun::sendJobs(const RunRecord& run, const BatchRecord& batch, const ReminderSettings& settings,
						 const std::string& actor, std::vector<Job>& jobs, LeaseKeeper& lease, Senders& senders,
						 Counts& counts)
{
	const Fence& fence = batch.fence;
	const ReminderComposer composer(_templates, settings, _payUrl, _host.clock().timeZone());
	std::atomic<std::size_t> next{0};
	std::atomic<bool> stop{false};
	std::exception_ptr failure; // the first database error: sending stops, the run fails with it

	auto tally = [&](const MessageRecord& message) {
		std::lock_guard<std::mutex> lock(senders.mutex);
		++counts.states[message.state];
		if (message.state == "deferred") counts.deferredHere.insert(message.id);
	};
	auto loseLease = [&] {
		std::lock_guard<std::mutex> lock(senders.mutex);
		counts.leaseLost = true;
		stop = true;
	};
	// A sent message's outcome and its audit entry. The entry is kept even
	// when the row is no longer this instance's to write: the send happened.
	auto outcomeWrite = [&](const MessageRecord& message, const CustomerPlan& plan) -> GroupCommit::Write {
		Poco::JSON::Object details = messageDetails(run.id, message);
		details.set("message_id", message.messageId);
		Poco::JSON::Array::Ptr numbers = new Poco::JSON::Array;
		for (const DueInvoice& line: plan.invoices)
			numbers->add(line.invoice.number);
		details.set("invoices", numbers);
		return [message, fence, details, &actor, &loseLease, &senders](Poco::Data::Session& transaction) {
			Poco::JSON::Object entry = details;
			if (senders.outbox.holds(transaction, fence))
				senders.outbox.update(message, fence);
			else
			{
				entry.set("lease_lost", true);
				loseLease();
			}
			senders.outbox.audit({actor, "reminders.message." + message.state, "customer",
								  std::to_string(message.customerId), erp::AuditEntry::json(entry)});
			return true;
		};
	};

	// Jobs a sender prepared and then gave back (it stopped, or its
	// connection was turned away): their rows are as before, and another
	// sender takes them first.
	std::deque<std::size_t> givenBack;
	auto take = [&]() -> std::optional<std::size_t> {
		{
			std::lock_guard<std::mutex> lock(senders.mutex);
			if (!givenBack.empty())
			{
				const std::size_t at = givenBack.front();
				givenBack.pop_front();
				return at;
			}
		}
		const std::size_t at = next++;
		return at < jobs.size() ? std::optional<std::size_t>(at) : std::nullopt;
	};
	auto fail = [&](const std::exception_ptr& error) {
		std::lock_guard<std::mutex> lock(senders.mutex);
		if (!failure) failure = error;
		stop = true;
	};

	// A message made ready to send: composed, and its "sending" row handed to
	// the writer (with the outcome of the sender's previous message).
	struct Ready
	{
		std::size_t at = 0;
		MessageRecord before; /// the row as it was, to give the job back unsent
		ComposedMessage composed;
		GroupCommit::Pending pending;
		std::vector<GroupCommit::Write> carried; /// the earlier outcomes it carries
		std::vector<MessageRecord> carriedFrom;  /// and their messages
	};

	auto sender = [&](std::size_t index) {
		// Its writes go with the other senders' (the writer waits a moment for them).
		const GroupCommit::Member member(senders.writer);
		std::unique_ptr<Transport>& transport = senders.transports[index];
		// The outcomes of the messages sent since the last hand-over: they go
		// with the next "sending" row, or alone at the end.
		std::vector<GroupCommit::Write> carry;
		std::vector<MessageRecord> carried;
		auto together = [](std::vector<GroupCommit::Write> writes) -> GroupCommit::Write {
			return [writes](Poco::Data::Session& transaction) {
				for (const GroupCommit::Write& write: writes)
					if (!write(transaction)) return false;
				return true;
			};
		};
		auto tallyAll = [&](const std::vector<MessageRecord>& messages) {
			for (const MessageRecord& message: messages)
				tally(message);
		};
		auto flush = [&] {
			if (carry.empty()) return;
			std::exception_ptr error;
			const GroupCommit::Result result = senders.writer.commit(together(carry), &error);
			if (result == GroupCommit::Result::FAILED)
				fail(error);
			else
				tallyAll(carried);
			carry.clear();
			carried.clear();
		};
		// The next job made ready, or nullopt when none is left or sending
		// stopped. Jobs that end unsent (unwritable, no transport) are written
		// on the way.
		auto prepare = [&]() -> std::optional<Ready> {
			while (!stop)
			{
				const std::optional<std::size_t> at = take();
				if (!at) return std::nullopt;
				if (!lease.holds())
				{
					loseLease();
					return std::nullopt;
				}
				MessageRecord& message = jobs[*at].message;
				const CustomerPlan& plan = jobs[*at].plan;
				Ready ready;
				ready.at = *at;
				ready.before = message;
				if (message.messageId.empty())
					message.messageId = MimeBuilder::newMessageId(
						settings.fromAddress, "r" + std::to_string(run.id) + ".c" + std::to_string(message.customerId));
				std::string unsent;
				try
				{
					ready.composed = composer.reminder(plan, message.messageId);
					ready.composed.date = _host.clock().now();
				}
				catch (std::exception& exc)
				{
					message.state = "failed";
					message.replyText = std::string("the message could not be written: ") + exc.what();
					unsent = "failed";
				}
				if (unsent.empty() && !transport)
				{
					// Before the row says "sending": a transport that cannot be
					// made sends nothing, and the message waits for a retry like
					// a 4xx, with a reason the history can show (details in the log).
					try
					{
						transport = _transports();
					}
					catch (std::exception& exc)
					{
						_host.logger().error("run %s: the mail transport could not be set up: %s",
											 std::to_string(run.id), std::string(exc.what()));
						message.attempts += 1;
						settle(message,
							   {Delivery::State::DEFERRED, 0,
								"the mail transport could not be set up; see the host's log"},
							   false);
						unsent = "no transport";
					}
				}
				if (!unsent.empty())
				{
					message.updatedAt = now();
					const MessageRecord row = message;
					std::exception_ptr error;
					const GroupCommit::Result result = senders.writer.commit(
						[row, &fence, &senders](Poco::Data::Session& transaction) {
							if (!senders.outbox.holds(transaction, fence)) return false;
							senders.outbox.update(row, fence);
							return true;
						},
						&error);
					if (result == GroupCommit::Result::LEASE_LOST) loseLease();
					if (result == GroupCommit::Result::FAILED) fail(error);
					if (result != GroupCommit::Result::COMMITTED) return std::nullopt;
					tally(row);
					continue;
				}
				// Durably "sending" before a byte goes out: a crash from here
				// on leaves "unknown", never a second copy.
				message.state = "sending";
				message.recipient = plan.customer.email;
				message.subject = ready.composed.subject;
				message.attempts += 1;
				message.updatedAt = now();
				const MessageRecord sending = message;
				ready.carried.swap(carry);
				ready.carriedFrom.swap(carried);
				GroupCommit::Write previous = ready.carried.empty() ? GroupCommit::Write() : together(ready.carried);
				const bool relist = !jobs[*at].listedAsDue;
				ready.pending = senders.writer.submit(
					[sending, &plan, relist, &fence, previous, &senders](Poco::Data::Session& transaction) {
						if (previous && !previous(transaction)) return false;
						if (!senders.outbox.holds(transaction, fence)) return false;
						senders.outbox.update(sending, fence);
						if (relist) senders.outbox.replaceListedInvoices(sending.id, plan.invoices);
						return true;
					});
				return ready;
			}
			return std::nullopt;
		};
		// A ready job not sent after all: its row back as it was, and the job
		// to whichever sender goes on (or to a later pass).
		auto giveBack = [&](Ready& ready) {
			std::exception_ptr error;
			const GroupCommit::Result result = ready.pending.wait(&error);
			if (result != GroupCommit::Result::COMMITTED)
			{
				// Nothing of it was written: the outcomes it carried are written alone.
				carry.insert(carry.end(), ready.carried.begin(), ready.carried.end());
				carried.insert(carried.end(), ready.carriedFrom.begin(), ready.carriedFrom.end());
				flush();
			}
			else
				tallyAll(ready.carriedFrom);
			if (result == GroupCommit::Result::LEASE_LOST) return; // no longer this instance's to write
			const MessageRecord before = ready.before;
			if (senders.writer.commit([before, &fence, &senders](Poco::Data::Session& transaction) {
					if (!senders.outbox.holds(transaction, fence)) return false;
					senders.outbox.update(before, fence);
					return true;
				}) != GroupCommit::Result::COMMITTED)
				return; // left "sending": it ends "unknown", never sent twice
			jobs[ready.at].message = before;
			std::lock_guard<std::mutex> lock(senders.mutex);
			givenBack.push_back(ready.at);
		};

		std::optional<Ready> upcoming;
		// Whatever escapes (a crash in a test's transport), nothing handed to
		// the writer is left behind: its writes refer to this pass's jobs.
		struct Settle
		{
			std::optional<Ready>& ready;
			~Settle()
			{
				if (ready) ready->pending.wait();
			}
		} settleUpcoming{upcoming};
		upcoming = prepare();
		while (upcoming)
		{
			Ready current = std::move(*upcoming);
			upcoming.reset();
			std::exception_ptr error;
			const GroupCommit::Result result = current.pending.wait(&error);
			if (result != GroupCommit::Result::COMMITTED)
			{
				// Not durable, not sent. The outcomes it carried are written alone.
				carry.insert(carry.end(), current.carried.begin(), current.carried.end());
				carried.insert(carried.end(), current.carriedFrom.begin(), current.carriedFrom.end());
				if (result == GroupCommit::Result::LEASE_LOST)
					loseLease();
				else
					fail(error);
				jobs[current.at].message = current.before;
				break;
			}
			tallyAll(current.carriedFrom);
			// A lease that ended meanwhile (a stall past it): another instance
			// may have the batch, and settles this row as "unknown".
			if (!lease.holds())
			{
				loseLease();
				break;
			}
			// The next row commits while this message is on the wire.
			if (!stop) upcoming = prepare();
			MessageRecord& message = jobs[current.at].message;
			const CustomerPlan& plan = jobs[current.at].plan;
			// Refused credentials: nothing can go out until the configuration
			// changes; this one and the rest of the run fail now (deliver()).
			const auto [delivery, refused] = attempt(transport, [&] {
				// A connection that broke on the last message is made anew; one
				// that cannot be made defers this message, which was not sent.
				if (!transport) transport = _transports();
				return transport->send(current.composed);
			});
			settle(message, delivery, refused);
			message.updatedAt = now();
			carry.push_back(outcomeWrite(message, plan));
			carried.push_back(message);
			if (refused)
			{
				{
					std::lock_guard<std::mutex> lock(senders.mutex);
					counts.credentialsRefused = delivery.text;
					counts.refusalCode = delivery.code;
					stop = true;
				}
				break;
			}
			// Back-pressure: a server that closes a connection (421) or
			// cannot be reached gets one connection fewer for the rest of the
			// pass; the last sender stays and defers as before.
			const bool turnedAway =
				delivery.state == Delivery::State::DEFERRED && (delivery.code == 421 || delivery.code == 0);
			if (turnedAway && senders.retire())
			{
				if (transport) transport->close();
				transport.reset();
				_host.logger().warning("run %s: the mail server turned a connection away (%s); %d connection(s) go on",
									   std::to_string(run.id), delivery.text, senders.allowed.load());
				break;
			}
		}
		if (upcoming) giveBack(*upcoming);
		upcoming.reset();
		flush();
	};

	auto runSenders = [&](std::size_t count) {
		if (count <= 1)
		{
			sender(0); // in the planned order, on this thread
			return;
		}
		std::vector<std::thread> threads;
		for (std::size_t index = 0; index < count; ++index)
			threads.emplace_back([&, index] {
				try
				{
					sender(index);
				}
				catch (...)
				{
					fail(std::current_exception());
				}
			});
		for (std::thread& thread: threads)
			thread.join();
	};
	runSenders(std::min<std::size_t>(static_cast<std::size_t>(senders.allowed.load()), jobs.size()));
	// Jobs given back after the other senders had finished: one sender takes them.
	while (!stop && !givenBack.empty())
		runSenders(1);
	if (failure) std::rethrow_exception(failure);
}


void WeeklyRun::failOpenMessages(const RunRecord& run, const Fence& fence, const Delivery& refusal,
								 const std::string& actor, Counts& counts)
{
	Poco::Data::Session session = _host.database().session();
	erp::Transaction tx(session, _host.database().dialect());
	int failed = 0;
	_runs.adoptOpenMessages(session, run.id, fence);
	for (MessageRecord message: _runs.openMessages(session, fence))
	{
		message.state = "failed";
		message.replyCode = refusal.code;
		message.replyText = refusal.text;
		message.nextAttemptAt.clear();
		message.updatedAt = now();
		if (!_runs.updateMessage(session, message, fence))
		{
			counts.leaseLost = true;
			return; // rolled back: another instance has the batch
		}
		Poco::JSON::Object details = messageDetails(run.id, message);
		details.set("not_attempted", true);
		audit(session, actor, "reminders.message.failed", "customer", std::to_string(message.customerId), details);
		++counts.states[message.state];
		++failed;
	}
	tx.commit();
	_host.logger().error("run %s: the mail server refused the credentials (%s); %d more message(s) failed unsent. "
						 "Correct reminders.smtp.username and reminders.smtp.password.",
						 std::to_string(run.id), refusal.text, failed);
}


void WeeklyRun::deliverReports(const ReminderSettings& settings, const std::string& actor)
{
	Poco::Data::Session session = _host.database().session();
	// A report left "sending" for longer than a lease was cut off by a
	// crash: it may have gone out, so it is not sent again.
	_runs.markReportsInterrupted(session, later(-_leaseSeconds), now());
	std::unique_ptr<Transport> transport;
	for (ReportRecord report: _runs.deliverableReports(session, now(), _retry.maxAttempts))
	{
		if (!_runs.beginReportSend(session, report, now())) continue; // another instance took it
		const auto [delivery, refused] = attempt(transport, [&] {
			ReminderSettings addressed = settings;
			addressed.ownerEmail = report.recipient;
			ComposedMessage message =
				RunReport::load(session, _runs, report.runId).email(_templates, addressed, report.kind);
			message.date = _host.clock().now();
			message.timeZone = ZonedClock::zoneOf(settings, _host.clock());
			report.messageId = message.messageId;
			if (!transport) transport = _transports();
			return transport->send(message);
		});
		settle(report, delivery, refused);
		report.updatedAt = now();
		erp::Transaction tx(session, _host.database().dialect());
		_runs.updateReport(session, report);
		Poco::JSON::Object details;
		details.set("run_id", report.runId);
		details.set("kind", report.kind);
		details.set("recipient", report.recipient);
		details.set("state", report.state);
		details.set("attempt", report.attempts);
		details.set("reply_code", report.replyCode);
		details.set("reply_text", report.replyText);
		audit(session, actor, "reminders.report." + report.state, "run", std::to_string(report.runId), details);
		tx.commit();
	}
	if (transport) transport->close();
}


} // namespace reminders
