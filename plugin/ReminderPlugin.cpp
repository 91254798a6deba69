//
// ReminderPlugin.cpp
//


#include "plugin/ReminderPlugin.h"
#include "erp/Host.h"
#include "plugin/bounces/MaildirMailbox.h"
#include "plugin/bounces/Pop3Mailbox.h"
#include <Poco/NumberParser.h>


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
	_settings = std::make_unique<SettingsStore>(host.database().dialect());
	_fields = std::make_unique<ReminderFields>(*_store, *_settings, host.audit(), host.clock());
	host.records().extend(ReminderFields::specs(), *_fields);
	_fieldsRegistered = true;

	_invoiceCreated = std::make_unique<InvoiceCreatedHook>(*_store, *_fields, host.logger());
	_paymentRecorded = std::make_unique<PaymentRecordedHook>(*_store, host.audit());
	_subscriptions.push_back(
		host.events().onInvoiceCreated([this](const erp::InvoiceCreated& event) { (*_invoiceCreated)(event); }));
	_subscriptions.push_back(
		host.events().onPaymentRecorded([this](const erp::PaymentRecorded& event) { (*_paymentRecorded)(event); }));

	_planning = std::make_unique<PlanningStore>(host.database().dialect());
	_invoiceFlag = std::make_unique<InvoiceFlagResource>(host.database(), *_store, *_fields);
	_transports = std::make_unique<TransportFactory>(host.config(), host.pluginDirectory());
	// A saved schedule or master switch re-arms the weekly timer at once.
	_settingsResource = std::make_unique<SettingsResource>(
		host, *_settings, *_planning, *_transports, [&host] { host.scheduler().reschedule("reminders.weekly"); });
	_bulkEnable = std::make_unique<BulkEnableResource>(host, *_planning, *_store, *_fields);
	_runStore = std::make_unique<RunStore>(host.database().dialect());
	_preview = std::make_unique<PreviewResource>(host, *_settings, *_planning, *_runStore);

	_templates = std::make_unique<TemplateSet>(host.pluginDirectory() + "/templates");
	// The delivery is read when a run needs it: what an administrator saved
	// last, over the configuration.
	_weekly = std::make_unique<WeeklyRun>(
		host, *_settings, *_planning, *_runStore, *_templates,
		[this] {
			Poco::Data::Session session = _host->database().session();
			return _transports->create(_settings->load(session).delivery);
		},
		[this] {
			Poco::Data::Session session = _host->database().session();
			return _transports->connections(_settings->load(session).delivery);
		});
	_bounceStore = std::make_unique<BounceStore>(softLimit(host.config()));
	_backgroundRuns = std::make_unique<BackgroundRuns>(host, *_weekly);
	_runsResource = std::make_unique<RunsResource>(host, *_settings, *_runStore, *_backgroundRuns, *_bounceStore);
	_testEmail = std::make_unique<TestEmailResource>(host, *_settings, *_templates, *_transports);
	host.scheduler().registerTask(
		"reminders.weekly", [this](const Poco::Timestamp& now) { return _weekly->nextRun(now); },
		[this](const erp::TaskRun& run) { return _weekly->execute(run); });
	_taskRegistered = true;
	_routesMounted = true;
	_invoiceFlag->mount(host.http());
	_settingsResource->mount(host.http());
	_bulkEnable->mount(host.http());
	_preview->mount(host.http());
	_runsResource->mount(host.http());
	_testEmail->mount(host.http());
	_suppression = std::make_unique<SuppressionResource>(host, *_bounceStore);
	_suppression->mount(host.http());
	startBounces(host);
	_screenViews =
		std::make_unique<ScreenViewResource>(host.database(), *_store, *_bulkEnable, *_preview, *_runsResource);
	_screenViews->mount(host.http());
	// The screens (contract 1.2): a host without them serves the API alone.
	if (host.abiMinor() >= 2)
	{
		host.screens().declare(ReminderScreens::declaration());
		_screensDeclared = true;
	}

	// Gauges on the host's /metrics, when the host offers them.
	_metricsService = static_cast<erp::Metrics*>(host.service(erp::METRICS_SERVICE, erp::METRICS_VERSION));
	if (_metricsService)
	{
		_metrics = std::make_unique<ReminderMetrics>(host.database());
		_metrics->registerWith(*_metricsService);
	}

	host.logger().information("reminders %s started; delivery: %s", std::string(REMINDERS_VERSION), deliveryInForce());
}


void ReminderPlugin::startBounces(erp::Host& host)
{
	// The bounce mailbox, when there is one: read on a timer and on demand.
	const Poco::Util::AbstractConfiguration& config = host.config();
	const bool maildir = config.has("bounces.maildir"), pop3 = Pop3Settings::configured(config);
	if (!maildir && !pop3) return;
	const std::string key = maildir ? "reminders.bounces.maildir" : "reminders.bounces.pop3";
	if (maildir && pop3)
		throw Poco::InvalidArgumentException(
			"reminders.bounces.maildir and reminders.bounces.pop3 are both set: the bounces are read from one mailbox");
	if (!_transports->returnPath())
		throw Poco::InvalidArgumentException(key +
											 " needs reminders.bounces.address and reminders.bounces.key: without a "
											 "return path per message no bounce can be told apart");
	const int minutes = config.getInt("bounces.interval_minutes", 15);
	if (minutes < 1 || minutes > 24 * 60)
		throw Poco::InvalidArgumentException("reminders.bounces.interval_minutes must be 1 to 1440");
	std::unique_ptr<BounceMailbox> mailbox;
	if (maildir)
		mailbox = std::make_unique<MaildirMailbox>(config.getString("bounces.maildir"));
	else
		mailbox = std::make_unique<Pop3Mailbox>(Pop3Settings::from(config));
	_bounceReader = std::make_unique<BounceReader>(host, *_bounceStore, *_transports->returnPath());
	_bounces = std::make_unique<BouncesResource>(host, std::move(mailbox), *_bounceReader, minutes);
	host.scheduler().registerTask(
		"reminders.bounces", [this](const Poco::Timestamp& now) { return _bounces->nextRun(now); },
		[this](const erp::TaskRun& run) { return _bounces->run(run.actor); });
	_bounceTaskRegistered = true;
	_bounces->mount(host.http());
	host.logger().information("reminders: bounces read from %s every %d minutes", _bounces->describe(), minutes);
}


int ReminderPlugin::softLimit(const Poco::Util::AbstractConfiguration& config)
{
	if (!config.has("bounces.soft_limit")) return SoftBounceRule::DEFAULT_LIMIT;
	const std::string text = config.getString("bounces.soft_limit");
	int limit = 0;
	if (!Poco::NumberParser::tryParse(text, limit) || limit < 0 || limit > 100)
		throw Poco::InvalidArgumentException("reminders.bounces.soft_limit must be a whole number from 0 (soft bounces "
											 "never suppress) to 100, not \"" +
											 text + "\"");
	return limit;
}


std::string ReminderPlugin::deliveryInForce() const
{
	try
	{
		Poco::Data::Session session = _host->database().session();
		return _transports->describe(_settings->load(session).delivery);
	}
	catch (Poco::Exception& exc)
	{
		// The saved delivery no longer works (a CA file gone, say): the run
		// says so at its first send; the start goes on.
		return "none that works: " + exc.displayText();
	}
}


void ReminderPlugin::stop()
{
	if (!_host) return;
	if (_metricsService) _metricsService->withdrawAll();
	_metricsService = nullptr;
	_metrics.reset();
	if (_routesMounted) _host->http().removeAll();
	// A run started over the API ends before anything it uses goes.
	if (_backgroundRuns) _backgroundRuns->stop();
	if (_taskRegistered) _host->scheduler().unregisterTask("reminders.weekly");
	for (auto it = _subscriptions.rbegin(); it != _subscriptions.rend(); ++it)
		_host->events().unsubscribe(*it);
	if (_screensDeclared) _host->screens().withdraw();
	if (_fieldsRegistered) _host->records().withdraw();
	_subscriptions.clear();
	_routesMounted = _taskRegistered = _fieldsRegistered = _screensDeclared = false;
	_screenViews.reset();
	_preview.reset();
	_bulkEnable.reset();
	_settingsResource.reset();
	_invoiceFlag.reset();
	_planning.reset();
	if (_bounceTaskRegistered) _host->scheduler().unregisterTask("reminders.bounces");
	_bounceTaskRegistered = false;
	_bounces.reset();
	_suppression.reset();
	_bounceReader.reset();
	_bounceStore.reset();
	_testEmail.reset();
	_runsResource.reset();
	_backgroundRuns.reset();
	_weekly.reset();
	_runStore.reset();
	_transports.reset();
	_templates.reset();
	_paymentRecorded.reset();
	_invoiceCreated.reset();
	_fields.reset();
	_settings.reset();
	_store.reset();
	_host = nullptr;
}


} // namespace reminders
