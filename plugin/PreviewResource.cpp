//
// PreviewResource.cpp
//


#include "plugin/PreviewResource.h"
#include "erp/ApiError.h"
#include "erp/Money.h"
#include "erp/QueryParameters.h"
#include "plugin/PlanJson.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/ReminderPlanner.h"
#include <Poco/JSON/Array.h>


namespace reminders {


PreviewResource::PreviewResource(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning):
	_host(host),
	_settings(settings),
	_planning(planning)
{}


void PreviewResource::mount(erp::HttpRoutes& routes)
{
	routes.route("GET", "preview", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return preview(r); });
}


erp::HttpResponse PreviewResource::preview(const erp::HttpRequest& request)
{
	const Poco::Int64 after =
		erp::QueryParameters::integer(request.query, "after", 0, 0, std::numeric_limits<Poco::Int64>::max());
	const int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 1000));

	Poco::Data::Session session = _host.database().session();
	ReminderSettings settings = _settings.load(session);
	CalendarDate day = ZonedClock::today(settings, _host.clock());
	if (auto it = request.query.find("date"); it != request.query.end())
	{
		std::optional<CalendarDate> parsed = CalendarDate::parse(it->second);
		if (!parsed) throw erp::ApiError::invalid("date", "date must be a date written YYYY-MM-DD");
		day = *parsed;
	}
	const bool enabled = settings.enabled;
	settings.enabled = true;
	const ReminderPlanner planner(settings, day);

	Poco::JSON::Array::Ptr messages = new Poco::JSON::Array;
	Poco::JSON::Array::Ptr skipped = new Poco::JSON::Array;
	std::map<std::string, Poco::Int64> totals;
	int toSend = 0, cannotSend = 0, invoices = 0, onPage = 0;
	Poco::Int64 lastOnPage = 0;
	bool more = false;
	_planning.forEachCandidate(session, planner.earliestBasis(), planner.latestBasis(),
							   [&](const CustomerContact& customer, const std::vector<OpenInvoice>& open) {
								   std::optional<CustomerPlan> plan = planner.planCustomer(customer, open);
								   if (!plan) return true;
								   if (plan->outcome == CustomerPlan::Outcome::SEND)
									   ++toSend;
								   else
									   ++cannotSend;
								   invoices += static_cast<int>(plan->invoices.size());
								   for (const auto& [currency, minor]: plan->totals)
									   totals[currency] += minor;
								   if (customer.id > after)
								   {
									   if (onPage < limit)
									   {
										   (plan->outcome == CustomerPlan::Outcome::SEND ? messages : skipped)
											   ->add(PlanJson::customerPlan(*plan));
										   lastOnPage = customer.id;
										   ++onPage;
									   }
									   else
										   more = true;
								   }
								   return true;
							   });

	Poco::JSON::Object::Ptr summary = new Poco::JSON::Object;
	summary->set("customers_to_remind", toSend);
	summary->set("customers_without_valid_email", cannotSend);
	summary->set("invoices", invoices);
	summary->set("totals", PlanJson::totals(totals));
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("date", day.toString());
	body->set("enabled", enabled);
	if (!enabled) body->set("note", "reminders are turned off: nothing is sent until the master switch is on");
	body->set("days_after_due", settings.daysAfterDue);
	body->set("stop_after_months", settings.stopAfterMonths);
	body->set("summary", summary);
	body->set("messages", messages);
	body->set("skipped", skipped);
	body->set("next_after", more ? Poco::Dynamic::Var(lastOnPage) : Poco::Dynamic::Var());
	return erp::HttpResponse::json(200, body);
}


} // namespace reminders
