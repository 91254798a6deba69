//
// ReminderPlugin.cpp
//


#include "plugin/ReminderPlugin.h"
#include "erp/Host.h"
#include "plugin/PendingRoutes.h"


namespace reminders {


ReminderPlugin::ReminderPlugin() = default;


ReminderPlugin::~ReminderPlugin()
{
	stop();
}


void ReminderPlugin::start(erp::Host& host)
{
	_host = &host;
	_store = std::make_unique<ReminderFieldStore>(host.database().dialect());
	_fields = std::make_unique<ReminderFields>(*_store, host.audit());
	host.records().extend(ReminderFields::specs(), *_fields);
	_fieldsRegistered = true;

	_invoiceCreated = std::make_unique<InvoiceCreatedHook>(*_store, *_fields, host.logger());
	_paymentRecorded = std::make_unique<PaymentRecordedHook>(*_store, host.audit());
	_subscriptions.push_back(
		host.events().onInvoiceCreated([this](const erp::InvoiceCreated& event) { (*_invoiceCreated)(event); }));
	_subscriptions.push_back(
		host.events().onPaymentRecorded([this](const erp::PaymentRecorded& event) { (*_paymentRecorded)(event); }));

	_weekly = std::make_unique<WeeklyTask>();
	host.scheduler().registerTask(
		WeeklyTask::NAME, [this](const Poco::Timestamp& now) { return _weekly->nextRun(now); },
		[this](const erp::TaskRun& run) { return _weekly->run(run); });
	_taskRegistered = true;

	_settings = std::make_unique<SettingsStore>(host.database().dialect());
	_planning = std::make_unique<PlanningStore>();
	_invoiceFlag = std::make_unique<InvoiceFlagResource>(host.database(), *_store, *_fields);
	_settingsResource = std::make_unique<SettingsResource>(host, *_settings);
	_bulkEnable = std::make_unique<BulkEnableResource>(host, *_planning, *_store, *_fields);
	_preview = std::make_unique<PreviewResource>(host, *_settings, *_planning);
	_routesMounted = true;
	_invoiceFlag->mount(host.http());
	_settingsResource->mount(host.http());
	_bulkEnable->mount(host.http());
	_preview->mount(host.http());
	PendingRoutes::mount(host.http());

	host.logger().information("reminders %s started", std::string(REMINDERS_VERSION));
}


void ReminderPlugin::stop()
{
	if (!_host) return;
	if (_routesMounted) _host->http().removeAll();
	if (_taskRegistered) _host->scheduler().unregisterTask(WeeklyTask::NAME);
	for (auto it = _subscriptions.rbegin(); it != _subscriptions.rend(); ++it)
		_host->events().unsubscribe(*it);
	if (_fieldsRegistered) _host->records().withdraw();
	_subscriptions.clear();
	_routesMounted = _taskRegistered = _fieldsRegistered = false;
	_preview.reset();
	_bulkEnable.reset();
	_settingsResource.reset();
	_invoiceFlag.reset();
	_planning.reset();
	_settings.reset();
	_weekly.reset();
	_paymentRecorded.reset();
	_invoiceCreated.reset();
	_fields.reset();
	_store.reset();
	_host = nullptr;
}


} // namespace reminders
