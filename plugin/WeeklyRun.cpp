//
// WeeklyRun.cpp
//


#include "plugin/WeeklyRun.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include "plugin/RunReport.h"
#include "plugin/WeeklySchedule.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/ReminderPlanner.h"
#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/ReminderComposer.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/Process.h>
#include <Poco/RandomStream.h>
#include <algorithm>
#include <sstream>


namespace reminders {


struct WeeklyRun::Counts
{
	std::map<std::string, int> states;
	bool leaseLost = false;

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

} // namespace


WeeklyRun::WeeklyRun(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning,
					 const RunStore& runs, const TemplateSet& templates, TransportFactory transports):
	_host(host),
	_settings(settings),
	_planning(planning),
	_runs(runs),
	_templates(templates),
	_transports(std::move(transports)),
	_owner(instanceName()),
	_maxAttempts(host.config().getInt("retry.attempts", 5)),
	_delayMinutes(host.config().getInt("retry.delay_minutes", 15)),
	_leaseSeconds(host.config().getInt("lease.seconds", 300)),
	_payUrl(host.config().getString("payment.url", ""))
{}


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


std::optional<Poco::Timestamp> WeeklyRun::nextRun(const Poco::Timestamp& nowStamp)
{
	const Poco::Timestamp inAnHour = nowStamp + 3600LL * Poco::Timestamp::resolution();
	Poco::Data::Session session = _host.database().session();
	const ReminderSettings settings = _settings.load(session);
	if (!settings.enabled) return inAnHour;
	const WeeklySchedule schedule(ZonedClock::zoneOf(settings, _host.clock()), settings.sendWeekday, settings.sendTime);
	const auto nowInstant =
		std::chrono::system_clock::time_point(std::chrono::microseconds(nowStamp.epochMicroseconds()));
	std::optional<RunRecord> latest = _runs.latestOfWeek(session, schedule.isoWeek(nowInstant));
	std::chrono::system_clock::time_point next = schedule.next(nowInstant, latest && latest->state != "running");
	if (latest && latest->state == "running" && latest->leaseUntil > erp::Instant::format(nowStamp))
		next = nowInstant + std::chrono::seconds(_leaseSeconds); // another instance holds it; look again later
	if (latest && latest->state == "waiting")
		if (std::optional<std::string> retry = _runs.nextRetry(session, latest->id, _maxAttempts))
		{
			int tz = 0;
			const Poco::Timestamp at =
				Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, *retry, tz).timestamp();
			next = std::min(next,
							std::chrono::system_clock::time_point(std::chrono::microseconds(at.epochMicroseconds())));
		}
	const Poco::Timestamp result(
		std::chrono::duration_cast<std::chrono::microseconds>(next.time_since_epoch()).count());
	return std::min(result, inAnHour);
}


erp::TaskResult WeeklyRun::execute(const erp::TaskRun& task)
{
	const std::string actor = task.actor.empty() ? "scheduler" : task.actor;
	Poco::Data::Session session = _host.database().session();
	const ReminderSettings settings = _settings.load(session);
	if (!settings.enabled) return {true, "reminders are turned off; nothing was sent"};
	const std::string zone = ZonedClock::zoneOf(settings, _host.clock());
	const WeeklySchedule schedule(zone, settings.sendWeekday, settings.sendTime);
	CalendarDate day = ZonedClock::today(settings, _host.clock());
	if (task.onDemand && !task.today.empty()) day = CalendarDate::parse(task.today).value_or(day);
	if (!task.onDemand)
	{
		// The timer may wake early (settings changed, hourly look): only run
		// once this week's moment has come.
		const auto nowInstant =
			std::chrono::system_clock::time_point(std::chrono::microseconds(_host.clock().now().epochMicroseconds()));
		if (schedule.slotOfWeek(day) > nowInstant)
			return {true, "not yet: this week's run is due " + schedule.localDate(schedule.slotOfWeek(day)).toString()};
		// Catch-up is for a host that was down at the week's moment, not for
		// reminders first switched on after it: those start next week.
		const std::string slot = erp::Instant::format(Poco::Timestamp(
			std::chrono::duration_cast<std::chrono::microseconds>(schedule.slotOfWeek(day).time_since_epoch())
				.count()));
		if (!settings.firstEnabledAt.empty() && settings.firstEnabledAt > slot)
			return {true, "reminders were switched on after this week's moment; the first run is next week"};
	}
	const std::string week = day.isoWeek();

	RunStore::Claim claim;
	{
		erp::Transaction tx(session, _host.database().dialect());
		const int closed = _runs.closeEarlierWeeks(session, week, now());
		if (closed)
			_host.logger().warning("%d message(s) of earlier weeks closed: retries ended, unsent ones superseded",
								   closed);
		claim = _runs.claim(session, week, day.toString(), _owner, now(), later(_leaseSeconds), task.force, actor);
		if (claim.outcome == RunStore::ClaimOutcome::NEW)
		{
			Poco::JSON::Object details;
			details.set("iso_week", week);
			details.set("business_date", day.toString());
			details.set("sequence", claim.run.sequence);
			details.set("forced", task.force);
			details.set("on_demand", task.onDemand);
			audit(session, actor, task.force ? "reminders.run.forced" : "reminders.run.start", "run",
				  std::to_string(claim.run.id), details);
		}
		tx.commit();
	}
	if (claim.outcome == RunStore::ClaimOutcome::ALREADY_DONE)
		return {true, "week " + week + " already has its run (" + std::to_string(claim.run.id) +
						  "); nothing sent again (an administrator may force a re-send)"};
	if (claim.outcome == RunStore::ClaimOutcome::BUSY)
		return {true, "week " + week + "'s run is being sent by another instance"};

	RunRecord run = claim.run;
	if (run.plannedAt.empty()) plan(run.id, settings, *CalendarDate::parse(run.businessDate));
	const int interrupted = _runs.markInterrupted(session, run.id, now());
	if (interrupted)
		_host.logger().warning("run %s: %d message(s) were interrupted while sending; marked unknown, not re-sent",
							   std::to_string(run.id), interrupted);

	Counts counts;
	deliver(run, settings, actor, counts);
	if (counts.leaseLost)
		return {false, "run " + std::to_string(run.id) + " lost its lease to another instance; it goes on there"};

	const bool retriesLeft = _runs.nextRetry(session, run.id, _maxAttempts).has_value();
	_runs.setState(session, run.id, retriesLeft ? "waiting" : "done", retriesLeft ? "" : now());
	run = *_runs.run(session, run.id);
	if (run.reportState.empty()) report(run, settings, actor);
	run = *_runs.run(session, run.id);
	return {true, "week " + week + " run " + std::to_string(run.id) + ": " + counts.describe() + "; report " +
					  run.reportState + (retriesLeft ? "; retries pending" : "")};
}


void WeeklyRun::plan(Poco::Int64 runId, const ReminderSettings& settings, const CalendarDate& day)
{
	const ReminderPlanner planner(settings, day);
	std::vector<CustomerPlan> plans;
	Poco::Data::Session session = _host.database().session();
	_planning.forEachCandidate(session, planner.earliestBasis(), planner.latestBasis(),
							   [&](const CustomerContact& customer, const std::vector<OpenInvoice>& invoices) {
								   if (std::optional<CustomerPlan> plan = planner.planCustomer(customer, invoices))
									   plans.push_back(std::move(*plan));
								   return true;
							   });
	erp::Transaction tx(session, _host.database().dialect());
	_runs.savePlan(session, runId, plans, now());
	tx.commit();
}


void WeeklyRun::deliver(const RunRecord& run, const ReminderSettings& settings, const std::string& actor,
						Counts& counts)
{
	Poco::Data::Session session = _host.database().session();
	const ReminderPlanner planner(settings, *CalendarDate::parse(run.businessDate));
	const ReminderComposer composer(_templates, settings, _payUrl);
	std::unique_ptr<Transport> transport;
	int sinceRenewal = 0;
	for (MessageRecord message: _runs.deliverable(session, run.id, now(), _maxAttempts))
	{
		if (++sinceRenewal >= 20)
		{
			sinceRenewal = 0;
			if (!_runs.renewLease(session, run.id, _owner, later(_leaseSeconds)))
			{
				counts.leaseLost = true;
				break;
			}
		}
		// Right before the send: what is owed now (payments made since the
		// plan count), and is there still anything to remind of?
		std::optional<std::pair<CustomerContact, std::vector<OpenInvoice>>> current =
			_planning.candidatesOf(session, message.customerId, planner.earliestBasis(), planner.latestBasis());
		std::optional<CustomerPlan> plan =
			current ? planner.planCustomer(current->first, current->second) : std::optional<CustomerPlan>();
		if (!plan || plan->outcome != CustomerPlan::Outcome::SEND)
		{
			message.state = "cancelled";
			message.replyText = plan ? "the address became unusable: " + CustomerPlan::reason(plan->outcome)
									 : "nothing is due any more (paid, unflagged or switched off since the plan)";
			message.updatedAt = now();
			_runs.updateMessage(session, message);
			++counts.states[message.state];
			continue;
		}
		if (message.messageId.empty())
			message.messageId = MimeBuilder::newMessageId(settings.fromAddress, "r" + std::to_string(run.id) + ".c" +
																					std::to_string(message.customerId));
		ComposedMessage composed;
		try
		{
			composed = composer.reminder(*plan, message.messageId);
			composed.date = _host.clock().now();
		}
		catch (std::exception& exc)
		{
			message.state = "failed";
			message.replyText = std::string("the message could not be written: ") + exc.what();
			message.updatedAt = now();
			_runs.updateMessage(session, message);
			++counts.states[message.state];
			continue;
		}
		if (!transport)
			transport = _transports(); // before the row says "sending": a transport that cannot be made sends nothing
		{
			erp::Transaction tx(session, _host.database().dialect());
			_runs.replaceListedInvoices(session, message.id, plan->invoices);
			message.state = "sending";
			message.recipient = plan->customer.email;
			message.subject = composed.subject;
			message.attempts += 1;
			message.updatedAt = now();
			_runs.updateMessage(session, message);
			tx.commit();
		}

		Delivery delivery;
		try
		{
			delivery = transport->send(composed);
		}
		catch (std::exception& exc)
		{
			delivery = {Delivery::State::DEFERRED, 0, exc.what()};
			transport.reset(); // reconnect for the next one
		}
		message.replyCode = delivery.code;
		message.replyText = delivery.text;
		message.state = Delivery::name(delivery.state);
		message.nextAttemptAt.clear();
		if (delivery.state == Delivery::State::DEFERRED)
		{
			if (message.attempts >= _maxAttempts)
				message.state = "failed";
			else
				message.nextAttemptAt = later(60L * _delayMinutes * (1L << (message.attempts - 1)));
		}
		message.updatedAt = now();
		erp::Transaction tx(session, _host.database().dialect());
		_runs.updateMessage(session, message);
		Poco::JSON::Object details;
		details.set("run_id", run.id);
		details.set("recipient", message.recipient);
		details.set("state", message.state);
		details.set("attempt", message.attempts);
		details.set("reply_code", message.replyCode);
		details.set("reply_text", message.replyText);
		details.set("message_id", message.messageId);
		Poco::JSON::Array::Ptr numbers = new Poco::JSON::Array;
		for (const DueInvoice& line: plan->invoices)
			numbers->add(line.invoice.number);
		details.set("invoices", numbers);
		audit(session, actor, "reminders.message." + message.state, "customer", std::to_string(message.customerId),
			  details);
		tx.commit();
		++counts.states[message.state];
	}
	if (transport) transport->close();
}


void WeeklyRun::report(const RunRecord& run, const ReminderSettings& settings, const std::string& actor)
{
	Poco::Data::Session session = _host.database().session();
	if (settings.ownerEmail.empty())
	{
		_runs.setReport(session, run.id, "not_configured",
						"no owner_email in the settings; see GET runs/" + std::to_string(run.id));
		return;
	}
	Delivery delivery;
	try
	{
		ComposedMessage message = RunReport::load(session, _runs, run.id).email(_templates, settings);
		message.date = _host.clock().now();
		delivery = _transports()->send(message);
	}
	catch (std::exception& exc)
	{
		delivery = {Delivery::State::DEFERRED, 0, exc.what()};
	}
	_runs.setReport(session, run.id, Delivery::name(delivery.state),
					(delivery.code ? std::to_string(delivery.code) + " " : "") + delivery.text);
	Poco::JSON::Object details;
	details.set("run_id", run.id);
	details.set("recipient", settings.ownerEmail);
	details.set("state", Delivery::name(delivery.state));
	details.set("reply", delivery.text);
	audit(session, actor, "reminders.report." + Delivery::name(delivery.state), "run", std::to_string(run.id), details);
}


} // namespace reminders
