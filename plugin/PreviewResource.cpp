//
// PreviewResource.cpp
//


#include "plugin/PreviewResource.h"
#include "erp/ApiError.h"
#include "erp/Instant.h"
#include "erp/Money.h"
#include "erp/QueryParameters.h"
#include "plugin/PlanJson.h"
#include "plugin/WeeklySchedule.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/ReminderPlanner.h"
#include "plugin/store/BounceStore.h"
#include <Poco/JSON/Array.h>
#include <set>


namespace reminders {


namespace {

Poco::JSON::Object::Ptr outboxRow(const MessageRecord& message)
{
	Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
	row->set("run_id", message.runId);
	row->set("state", message.state);
	row->set("recipient", message.recipient.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(message.recipient));
	row->set("reason", message.skipReason.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(message.skipReason));
	row->set("updated_at", message.updatedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(message.updatedAt));
	return row;
}

Poco::JSON::Object::Ptr runJson(const RunRecord& run, const std::vector<MessageRecord>& messages)
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	object->set("id", run.id);
	object->set("sequence", run.sequence);
	object->set("state", run.state);
	object->set("business_date", run.businessDate);
	object->set("started_by", run.startedBy);
	object->set("started_at", run.startedAt);
	object->set("finished_at", run.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(run.finishedAt));
	std::map<std::string, int> byState;
	for (const MessageRecord& message: messages)
		++byState[message.state];
	Poco::JSON::Object::Ptr counts = new Poco::JSON::Object;
	for (const auto& [state, count]: byState)
		counts->set(state, count);
	object->set("counts", counts);
	return object;
}

} // namespace


PreviewResource::PreviewResource(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning,
								 const RunStore& runs):
	_host(host),
	_settings(settings),
	_planning(planning),
	_runs(runs)
{}


void PreviewResource::mount(erp::HttpRoutes& routes)
{
	routes.route("GET", "preview?after&limit&date", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return preview(r); });
}


erp::HttpResponse PreviewResource::preview(const erp::HttpRequest& request)
{
	const Poco::Int64 after =
		erp::QueryParameters::integer(request.query, "after", 0, 0, std::numeric_limits<Poco::Int64>::max());
	const int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 1000));

	Poco::Data::Session session = _host.database().session();
	ReminderSettings settings = _settings.load(session);
	CalendarDate day = ZonedClock::today(settings, _host.clock());
	const bool dateGiven = request.query.count("date") > 0;
	if (auto it = request.query.find("date"); it != request.query.end())
	{
		std::optional<CalendarDate> parsed = CalendarDate::parse(it->second);
		if (!parsed) throw erp::ApiError::invalid("date", "date must be a date written YYYY-MM-DD");
		day = *parsed;
	}
	const bool enabled = settings.enabled;
	settings.enabled = true;
	const ReminderPlanner planner(settings, day);

	// The week's run, if it has one: what its outbox holds, per customer.
	const std::optional<RunRecord> weekRun = _runs.latestOfWeek(session, day.isoWeek());
	std::map<Poco::Int64, MessageRecord> outbox;
	std::vector<MessageRecord> runMessages;
	if (weekRun)
	{
		runMessages = _runs.messages(session, weekRun->id);
		for (const MessageRecord& message: runMessages)
			outbox[message.customerId] = message;
	}
	auto thisWeek = [&](Poco::Int64 customerId) {
		auto found = outbox.find(customerId);
		return found == outbox.end() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(outboxRow(found->second));
	};

	Poco::JSON::Array::Ptr messages = new Poco::JSON::Array;
	Poco::JSON::Array::Ptr skipped = new Poco::JSON::Array;
	std::set<Poco::Int64> planned;
	std::map<std::string, Poco::Int64> totals, remindedTotals; // the reminded and reported; the reminded only
	int toSend = 0, withoutEmail = 0, switchedOff = 0, heldBack = 0, invoices = 0, remindedInvoices = 0, onPage = 0;
	Poco::Int64 lastOnPage = 0;
	bool more = false;
	_planning.forEachCandidate(
		session, planner.earliestBasis(), planner.latestBasis(),
		[&](const CustomerContact& customer, const std::vector<OpenInvoice>& open) {
			std::optional<CustomerPlan> plan = planner.planExplained(customer, open);
			if (!plan) return true;
			const bool held = plan->outcome == CustomerPlan::Outcome::PAUSED ||
							  plan->outcome == CustomerPlan::Outcome::DISPUTED ||
							  plan->outcome == CustomerPlan::Outcome::BELOW_MINIMUM;
			if (plan->outcome == CustomerPlan::Outcome::SEND)
			{
				++toSend;
				remindedInvoices += static_cast<int>(plan->invoices.size());
				for (const auto& [currency, minor]: plan->totals)
					remindedTotals[currency] = erp::Money::add(remindedTotals[currency], minor);
			}
			else if (plan->outcome == CustomerPlan::Outcome::CUSTOMER_OFF)
				++switchedOff;
			else if (held)
				++heldBack;
			else
				++withoutEmail;
			if (plan->outcome != CustomerPlan::Outcome::CUSTOMER_OFF && !held)
			{
				invoices += static_cast<int>(plan->invoices.size());
				for (const auto& [currency, minor]: plan->totals)
					totals[currency] = erp::Money::add(totals[currency], minor);
			}
			if (customer.id > after)
			{
				if (onPage < limit)
				{
					Poco::JSON::Object::Ptr item = PlanJson::customerPlan(*plan);
					item->set("this_week", thisWeek(customer.id));
					(plan->outcome == CustomerPlan::Outcome::SEND ? messages : skipped)->add(item);
					planned.insert(customer.id);
					lastOnPage = customer.id;
					++onPage;
				}
				else
					more = true;
			}
			return true;
		},
		true);
	addBounceReasons(session, *skipped);

	// The page's customers the run has a row for but who are not planned now.
	Poco::JSON::Array::Ptr thisWeekOnly = new Poco::JSON::Array;
	for (const MessageRecord& message: runMessages)
	{
		if (message.customerId <= after || (more && message.customerId > lastOnPage)) continue;
		if (planned.count(message.customerId)) continue;
		Poco::JSON::Object::Ptr customer = new Poco::JSON::Object;
		customer->set("id", message.customerId);
		customer->set("name", message.customerName);
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("customer", customer);
		item->set("this_week", outboxRow(message));
		thisWeekOnly->add(item);
	}

	Poco::JSON::Object::Ptr summary = new Poco::JSON::Object;
	summary->set("customers_to_remind", toSend);
	summary->set("customers_without_valid_email", withoutEmail);
	summary->set("customers_switched_off", switchedOff);
	summary->set("customers_held", heldBack);
	summary->set("invoices", invoices);
	summary->set("totals", PlanJson::totals(totals));
	summary->set("reminded_invoices", remindedInvoices);
	summary->set("reminded_totals", PlanJson::totals(remindedTotals));
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("date", day.toString());
	body->set("week", day.isoWeek());
	body->set("enabled", enabled);
	body->set("owner_email_set", !settings.ownerEmail.empty()); // without it, no weekly report
	std::string note;
	if (!enabled) note = "reminders are turned off: nothing is sent until the master switch is on";
	if (weekRun)
		note += std::string(note.empty() ? "" : "; ") + "week " + day.isoWeek() + " already has its run (" +
				std::to_string(weekRun->id) + ", " + weekRun->state +
				"): \"this_week\" shows what it did for each customer; what is listed here is what would be "
				"sent now, and nothing more goes out this week unless an administrator starts another run";
	if (enabled && !weekRun && !dateGiven)
	{
		// Switched on after this week's moment: the timer starts next week,
		// so what is listed goes out then, if it is still owed.
		const WeeklySchedule schedule(ZonedClock::zoneOf(settings, _host.clock()), settings.sendWeekday,
									  settings.sendTime);
		const auto now =
			std::chrono::system_clock::time_point(std::chrono::microseconds(_host.clock().now().epochMicroseconds()));
		const auto slot = schedule.slotOfWeek(day);
		const std::optional<Poco::Timestamp> switchedOn = erp::Instant::parse(settings.firstEnabledAt);
		if (now >= slot && switchedOn &&
			std::chrono::microseconds(switchedOn->epochMicroseconds()) > slot.time_since_epoch())
			note += std::string(note.empty() ? "" : "; ") +
					"reminders were switched on after this week's sending moment: nothing goes out this week; the "
					"first run is on " +
					schedule.localDate(schedule.slotOfWeek(day.plusDays(7))).toString() + ", with what is owed then";
	}
	if (!note.empty()) body->set("note", note);
	{
		// The weekly task's next sending day: this week's moment while it is
		// ahead and the week has no run yet, else next week's.
		const CalendarDate today = ZonedClock::today(settings, _host.clock());
		const WeeklySchedule schedule(ZonedClock::zoneOf(settings, _host.clock()), settings.sendWeekday,
									  settings.sendTime);
		const auto now =
			std::chrono::system_clock::time_point(std::chrono::microseconds(_host.clock().now().epochMicroseconds()));
		auto slot = schedule.slotOfWeek(today);
		if (now >= slot || _runs.latestOfWeek(session, today.isoWeek())) slot = schedule.slotOfWeek(today.plusDays(7));
		body->set("next_run_date", schedule.localDate(slot).toString());
	}
	body->set("run", weekRun ? Poco::Dynamic::Var(runJson(*weekRun, runMessages)) : Poco::Dynamic::Var());
	body->set("days_after_due", settings.daysAfterDue);
	body->set("stop_after_months", settings.stopAfterMonths);
	body->set("summary", summary);
	body->set("messages", messages);
	body->set("skipped", skipped);
	body->set("this_week_only", thisWeekOnly);
	body->set("next_after", more ? Poco::Dynamic::Var(lastOnPage) : Poco::Dynamic::Var());
	return erp::HttpResponse::json(200, body);
}


void PreviewResource::addBounceReasons(Poco::Data::Session& session, Poco::JSON::Array& skipped)
{
	// After the planning's statement is done with the session: why each
	// address that bounced is left out.
	const BounceStore bounces;
	for (std::size_t i = 0; i < skipped.size(); ++i)
	{
		Poco::JSON::Object::Ptr item = skipped.getObject(static_cast<unsigned>(i));
		if (!item->has("bounced_on")) continue;
		const std::optional<BounceRecord> bounce = bounces.suppressing(session, item->getValue<std::string>("email"));
		if (!bounce) continue;
		item->set("bounce_status", bounce->status.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(bounce->status));
		item->set("bounce_diagnostic", bounce->diagnostic);
		item->set("bounce_permanent", bounce->permanent);
	}
}


} // namespace reminders
