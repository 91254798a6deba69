//
// BulkEnableResource.h
//


#ifndef Reminders_BulkEnableResource_INCLUDED
#define Reminders_BulkEnableResource_INCLUDED


#include "erp/Host.h"
#include "plugin/ReminderFields.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/ReminderFieldStore.h"


namespace reminders {


class BulkEnableResource
/// The bulk-enable page's data and action (accountants and admins):
///
/// GET outstanding?after=CUSTOMER_ID&limit=N: every issued, not fully
/// paid invoice grouped by customer (N customers a page, default 100),
/// with its flag and the customer's reminder state; "next_after" names
/// the next page.
///
/// POST bulk-enable {"invoice_ids": [...]}: marks them "with reminder" in
/// one transaction. Unknown ids, invoices no longer owed and invoices of
/// customers whose reminders are off refuse the whole request (400, the
/// ids named); each invoice that changes gets its own audit entry.
{
public:
	BulkEnableResource(erp::Host& host, const PlanningStore& planning, const ReminderFieldStore& fields,
					   ReminderFields& extension);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse outstanding(const erp::HttpRequest& request);
	erp::HttpResponse enable(const erp::HttpRequest& request);

	static constexpr std::size_t MAX_IDS = 10000;

private:
	erp::Host& _host;
	const PlanningStore& _planning;
	const ReminderFieldStore& _fields;
	ReminderFields& _extension;
};


} // namespace reminders


#endif // Reminders_BulkEnableResource_INCLUDED
