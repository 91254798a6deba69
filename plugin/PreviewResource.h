//
// PreviewResource.h
//


#ifndef Reminders_PreviewResource_INCLUDED
#define Reminders_PreviewResource_INCLUDED


#include "erp/Host.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/SettingsStore.h"


namespace reminders {


class PreviewResource
/// GET preview?date=YYYY-MM-DD&after=CUSTOMER_ID&limit=N (accountants
/// and admins): what the weekly run would send on that day (default:
/// today in the reminders' time zone), computed by the same planner.
///
/// "summary" covers the whole day: customers to remind, customers who
/// cannot be reminded (no or invalid address), invoices, totals per
/// currency. "messages" and "skipped" hold one page of customers (N
/// customers, default 100, at most 1000, in customer id order after
/// `after`); "next_after" names the next page. When the master switch is
/// off the preview shows what would be sent once it is on, and says so
/// ("enabled": false).
{
public:
	PreviewResource(erp::Host& host, const SettingsStore& settings, const PlanningStore& planning);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse preview(const erp::HttpRequest& request);

private:
	erp::Host& _host;
	const SettingsStore& _settings;
	const PlanningStore& _planning;
};


} // namespace reminders


#endif // Reminders_PreviewResource_INCLUDED
