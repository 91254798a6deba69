//
// InvoiceFlagResource.h
//


#ifndef Reminders_InvoiceFlagResource_INCLUDED
#define Reminders_InvoiceFlagResource_INCLUDED


#include "erp/Host.h"
#include "plugin/ReminderFields.h"
#include "plugin/store/ReminderFieldStore.h"


namespace reminders {


class InvoiceFlagResource
/// PUT invoices/{id} {"with_reminder": bool, "disputed": bool,
/// "dispute_note": string|null} (accountants and admins; any of the
/// three): the invoice list's reminder icon, and the invoice's dispute.
/// The flag is refused (400 reminder_not_allowed) for an invoice no longer
/// owed or a customer whose reminders are off; a bad field is a 400 naming
/// it, and nothing is stored. A change is audited. The answer is
/// {"invoice_id", "with_reminder", "effective", "because", "disputed",
/// "dispute_note"} (see ReminderFields).
{
public:
	InvoiceFlagResource(erp::Database& database, const ReminderFieldStore& store, ReminderFields& fields);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse put(const erp::HttpRequest& request);

private:
	erp::Database& _database;
	const ReminderFieldStore& _store;
	ReminderFields& _fields;
};


} // namespace reminders


#endif // Reminders_InvoiceFlagResource_INCLUDED
