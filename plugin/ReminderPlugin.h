//
// ReminderPlugin.h
//


#ifndef Reminders_ReminderPlugin_INCLUDED
#define Reminders_ReminderPlugin_INCLUDED


#include "erp/Events.h"
#include "erp/Plugin.h"
#include "hooks/InvoiceCreatedHook.h"
#include "hooks/PaymentRecordedHook.h"
#include "plugin/ReminderFields.h"
#include "plugin/ReminderRoutes.h"
#include "plugin/WeeklyTask.h"
#include "plugin/store/ReminderFieldStore.h"
#include <memory>
#include <vector>


namespace reminders {


class ERP_API ReminderPlugin: public erp::Plugin
/// The overdue-invoice reminders plugin: wiring only. start() creates
/// the parts and registers them with the host; stop() undoes each
/// registration in reverse order and releases every object.
{
public:
	ReminderPlugin();
	~ReminderPlugin() override;

	void start(erp::Host& host) override;
	void stop() override;

private:
	erp::Host* _host = nullptr;
	std::unique_ptr<ReminderFieldStore> _store;
	std::unique_ptr<ReminderFields> _fields;
	std::unique_ptr<InvoiceCreatedHook> _invoiceCreated;
	std::unique_ptr<PaymentRecordedHook> _paymentRecorded;
	std::unique_ptr<WeeklyTask> _weekly;
	std::unique_ptr<ReminderRoutes> _routes;
	std::vector<erp::Events::SubscriptionId> _subscriptions;
	bool _fieldsRegistered = false;
	bool _taskRegistered = false;
	bool _routesMounted = false;
};


} // namespace reminders


#endif // Reminders_ReminderPlugin_INCLUDED
