//
// ReminderRoutes.h
//


#ifndef Reminders_ReminderRoutes_INCLUDED
#define Reminders_ReminderRoutes_INCLUDED


#include "erp/Database.h"
#include "erp/Http.h"
#include "plugin/ReminderFields.h"
#include "plugin/store/ReminderFieldStore.h"


namespace reminders {


class ReminderRoutes
/// The plugin's API under /api/plugins/reminders/. Built so far:
/// PUT invoices/{id} ({"with_reminder": bool}). The other routes of the
/// contract exist and answer 501 not_implemented until they are built.
{
public:
	ReminderRoutes(erp::Database& database, const ReminderFieldStore& store, ReminderFields& fields);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse setInvoiceFlag(const erp::HttpRequest& request);

private:
	erp::Database& _database;
	const ReminderFieldStore& _store;
	ReminderFields& _fields;
};


} // namespace reminders


#endif // Reminders_ReminderRoutes_INCLUDED
