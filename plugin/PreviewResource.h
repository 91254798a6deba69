//
// PreviewResource.h
//


#ifndef Reminders_PreviewResource_INCLUDED
#define Reminders_PreviewResource_INCLUDED


#include "erp/Host.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/RunStore.h"
#include "plugin/store/SettingsStore.h"
#include <Poco/JSON/Array.h>


namespace reminders {


class PreviewResource
/// GET preview?date=YYYY-MM-DD&after=CUSTOMER_ID&limit=N (accountants
/// and admins): what the weekly run would send on that day (default:
/// today in the reminders' time zone), computed by the same planner.
///
/// "summary" covers the whole day: customers to remind, customers who
/// cannot be reminded (no or invalid address), customers switched off
/// (flagged invoices that would be due, but the customer's reminders are
/// off), customers held back by a credit controller's hold
/// ("customers_held": paused, all disputed, below the minimum), invoices
/// and totals per currency (of the customers reminded or reported).
/// "messages" and "skipped" (reason "no_email", "invalid_email",
/// "address_bounced", "customer_off", "paused" with "paused_until",
/// "disputed" or "below_minimum") hold one page of customers (N
/// customers, default 100, at most 1000, in customer id order after
/// `after`); "next_after" names the next page. When the master switch is
/// off the preview shows what would be sent once it is on, and says so
/// ("enabled": false).
///
/// "week" is the day's ISO week and "run" that week's run when it has one
/// (id, state, business date, started and finished, counts of its outbox
/// rows by state; null otherwise), and a note says so: the week's
/// reminders are out, nothing more goes this week unless an administrator
/// starts another run. Each customer on the page carries "this_week": its
/// row in that run's outbox (run id, state, recipient, reason) or null;
/// "this_week_only" lists the page's customers the run has a row for who
/// would not be reminded now (e.g. paid since).
{
public:
	PreviewResource(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning,
					const RunStore& runs);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse preview(const erp::HttpRequest& request);

private:
	static void addBounceReasons(Poco::Data::Session& session, Poco::JSON::Array& skipped);
	/// bounce_status, bounce_diagnostic and bounce_permanent beside each
	/// bounced_on: what came back, and whether it was for good.

	erp::Host& _host;
	const SettingsStore& _settings;
	const PlanningStore& _planning;
	const RunStore& _runs;
};


} // namespace reminders


#endif // Reminders_PreviewResource_INCLUDED
