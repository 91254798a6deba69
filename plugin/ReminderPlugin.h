//
// ReminderPlugin.h
//


#ifndef Reminders_ReminderPlugin_INCLUDED
#define Reminders_ReminderPlugin_INCLUDED


#include "erp/Events.h"
#include "erp/Plugin.h"
#include "hooks/InvoiceCreatedHook.h"
#include "hooks/PaymentRecordedHook.h"
#include "plugin/BackgroundRuns.h"
#include "plugin/BouncesResource.h"
#include "plugin/BulkEnableResource.h"
#include "plugin/InvoiceFlagResource.h"
#include "plugin/PreviewResource.h"
#include "plugin/ReminderFields.h"
#include "plugin/ReminderMetrics.h"
#include "plugin/ReminderScreens.h"
#include "plugin/RunsResource.h"
#include "plugin/ScreenViewResource.h"
#include "plugin/SettingsResource.h"
#include "plugin/SuppressionResource.h"
#include "plugin/TestEmailResource.h"
#include "plugin/WeeklyRun.h"
#include "plugin/mail/TemplateSet.h"
#include "plugin/mail/TransportFactory.h"
#include "plugin/store/BounceStore.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/ReminderFieldStore.h"
#include "plugin/store/RunStore.h"
#include "plugin/store/SettingsStore.h"
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
	void startBounces(erp::Host& host);
	/// With reminders.bounces.maildir or .pop3.*: the bounce reader, its
	/// task and route. Throws Poco::InvalidArgumentException naming the key.

	static int softLimit(const Poco::Util::AbstractConfiguration& config);
	/// reminders.bounces.soft_limit, 3 by default; throws for a bad value.

	std::string deliveryInForce() const;
	/// For the start's log line: the saved delivery over the configuration.

	erp::Host* _host = nullptr;
	std::unique_ptr<ReminderFieldStore> _store;
	std::unique_ptr<ReminderFields> _fields;
	std::unique_ptr<InvoiceCreatedHook> _invoiceCreated;
	std::unique_ptr<PaymentRecordedHook> _paymentRecorded;
	std::unique_ptr<TemplateSet> _templates;
	std::unique_ptr<TransportFactory> _transports;
	std::unique_ptr<RunStore> _runStore;
	std::unique_ptr<WeeklyRun> _weekly;
	std::unique_ptr<BackgroundRuns> _backgroundRuns;
	std::unique_ptr<RunsResource> _runsResource;
	std::unique_ptr<TestEmailResource> _testEmail;
	std::unique_ptr<BounceStore> _bounceStore;
	std::unique_ptr<BounceReader> _bounceReader;
	std::unique_ptr<BouncesResource> _bounces;
	std::unique_ptr<SuppressionResource> _suppression;
	bool _bounceTaskRegistered = false;
	std::unique_ptr<SettingsStore> _settings;
	std::unique_ptr<PlanningStore> _planning;
	std::unique_ptr<InvoiceFlagResource> _invoiceFlag;
	std::unique_ptr<SettingsResource> _settingsResource;
	std::unique_ptr<BulkEnableResource> _bulkEnable;
	std::unique_ptr<PreviewResource> _preview;
	std::unique_ptr<ScreenViewResource> _screenViews;
	std::unique_ptr<ReminderMetrics> _metrics;
	erp::Metrics* _metricsService = nullptr; /// the host's, when it offers one
	std::vector<erp::Events::SubscriptionId> _subscriptions;
	bool _fieldsRegistered = false;
	bool _screensDeclared = false;
	bool _taskRegistered = false;
	bool _routesMounted = false;
};


} // namespace reminders


#endif // Reminders_ReminderPlugin_INCLUDED
