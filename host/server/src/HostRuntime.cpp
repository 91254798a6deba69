//
// HostRuntime.cpp
//


#include "HostRuntime.h"
#include "Migrator.h"
#include <Poco/Net/SocketAddress.h>
#include <Poco/Path.h>
#include <fstream>
#include <unistd.h>


namespace host {


HostRuntime::HostRuntime(Poco::Util::AbstractConfiguration& config, const Options& options):
	_config(config),
	_options(options),
	_logger(Poco::Logger::get("erp.host"))
{
	_metrics = std::make_unique<MetricsRegistry>(Poco::Logger::get("erp.metrics"));
	_database =
		std::make_unique<SqlDatabase>(config.getString("database.connector", "sqlite"),
									  config.getString("database.connection"), config.getInt("database.pool.max", 16));
	const std::string schema = config.getString("host.schema.directory", defaultSchemaDirectory());
	const int applied = Migrator(*_database).apply("host", Poco::Path(schema, _database->dialect()).toString());
	if (applied) _logger.information("host schema: %d migration(s) applied", applied);

	_audit = std::make_unique<AuditService>(*_database);
	_clock = std::make_unique<HostClock>(config.getString("business.timezone", "UTC"), options.fixedToday);
	_users = std::make_unique<UserDirectory>(*_database, _audit.get());
	_users->bootstrap(config);
	_router = std::make_unique<Router>(*_users, Poco::Logger::get("erp.http"));
	_events = std::make_unique<EventBus>(*_audit, Poco::Logger::get("erp.events"));
	_scheduler = std::make_unique<TaskScheduler>(*_clock, Poco::Logger::get("erp.scheduler"));
	_records = std::make_unique<RecordRegistry>();
	_screens = std::make_unique<ScreenRegistry>();
	_services.reset(new HostServices{*_database, *_audit, *_events, *_scheduler, *_records, *_screens, *_router,
									 *_clock, _config, *_metrics});

	_customers = std::make_unique<CustomerResource>(*_services);
	_customers->mount();
	_invoices = std::make_unique<InvoiceResource>(*_services);
	_invoices->mount();
	_plugins = std::make_unique<PluginManager>(*_services, Poco::Logger::get("erp.plugins"));
	_auditResource = std::make_unique<AuditResource>(*_services, *_plugins);
	_auditResource->mount();
	_pluginResource = std::make_unique<PluginResource>(*_services, *_plugins);
	_pluginResource->mount();
	_userAdmin = std::make_unique<UserAdministration>(*_database, *_users, *_audit);

	// The web interface: sessions in the database, sign-in throttling in memory.
	_sessions = std::make_unique<SessionStore>(*_database, *_clock,
											   SessionLifetime(config.getInt("web.session.idle_minutes", 30),
															   config.getInt("web.session.lifetime_minutes", 12 * 60)));
	_throttle = std::make_unique<SignInThrottle>(*_clock, SignInThrottle::Limits());
	_web = std::make_unique<WebUi>(
		*_users, *_sessions, *_throttle, *_audit,
		WebUi::Resources{*_customers, *_invoices, *_auditResource, *_pluginResource, *_clock, *_userAdmin},
		WebUi::Plugins{*_router, *_screens, *_records}, config.getString("web.directory", defaultWebDirectory()),
		Poco::Logger::get("erp.web"));

	// Operations: GET /api/health and GET /metrics.
	_health = std::make_unique<RuntimeHealth>(
		*_database, _database->dialect() == "sqlite" ? config.getString("database.connection") : "", *_plugins,
		*_scheduler, *_clock, config.getInt("health.scheduler_grace_seconds", 300));
	_healthCheck = std::make_unique<HealthCheck>(*_health);
	_ops = std::make_unique<OpsEndpoint>(*_healthCheck, *_metrics, *_router);
	addHostGauges();
}


void HostRuntime::addHostGauges()
{
	_metrics->addCollector([this](PrometheusText& text) {
		const SqlDatabase::PoolUse pool = _database->poolUse();
		text.family("erp_database_pool_sessions", "gauge", "Database sessions: the pool's capacity, in use, idle");
		text.sample("erp_database_pool_sessions", {{"state", "capacity"}}, pool.capacity);
		text.sample("erp_database_pool_sessions", {{"state", "used"}}, pool.used);
		text.sample("erp_database_pool_sessions", {{"state", "idle"}}, pool.idle);
	});
	_metrics->addCollector([this](PrometheusText& text) {
		text.family("erp_database_up", "gauge", "1 when the database answers (as GET /api/health checks it)");
		text.sample("erp_database_up", {}, _health->databaseProblem().empty() ? 1 : 0);
	});
	_metrics->addCollector([this](PrometheusText& text) {
		text.family("erp_plugins", "gauge", "Plugins found in the plugin folder, by id and state (1 each)");
		for (const HealthSource::Plugin& plugin: _health->plugins())
			text.sample("erp_plugins", {{"plugin", plugin.id}, {"state", plugin.state}}, 1);
	});
	_metrics->addCollector([this](PrometheusText& text) {
		const std::vector<TaskScheduler::TaskInfo> tasks = _scheduler->tasks();
		text.family("erp_task_running", "gauge", "1 while the task runs");
		for (const TaskScheduler::TaskInfo& task: tasks)
			text.sample("erp_task_running", {{"task", task.name}, {"plugin", task.owner}}, task.running ? 1 : 0);
		text.family("erp_task_next_run_timestamp_seconds", "gauge", "When the task is due next (Unix time)");
		for (const TaskScheduler::TaskInfo& task: tasks)
			if (task.nextRun)
				text.sample("erp_task_next_run_timestamp_seconds", {{"task", task.name}, {"plugin", task.owner}},
							static_cast<double>(task.nextRun->epochTime()));
	});
}


HttpFrontend::Options HostRuntime::httpOptions() const
{
	HttpFrontend::Options http;
	http.address = _config.getString("http.address", http.address);
	http.port = _config.getInt("http.port", http.port);
	http.threads = _config.getInt("http.threads", http.threads);
	http.maxConnections = _config.getInt("http.max_connections", http.maxConnections);
	http.maxConnectionsPerClient = _config.getInt("http.max_connections_per_client", http.maxConnectionsPerClient);
	http.timeoutSeconds = _config.getInt("http.timeout_seconds", http.timeoutSeconds);
	http.tlsCertificate = _config.getString("http.tls.certificate", "");
	http.tlsKey = _config.getString("http.tls.key", "");
	http.tlsMinVersion = _config.getString("http.tls.min_version", http.tlsMinVersion);
	return http;
}


HostRuntime::~HostRuntime()
{
	stop();
}


std::string HostRuntime::defaultWebDirectory()
{
	return Poco::Path(defaultSchemaDirectory()).popDirectory().pushDirectory("web").toString();
}


std::string HostRuntime::defaultSchemaDirectory()
{
	char buffer[4096];
	const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
	if (length <= 0) return "share/erp-host/sql";
	buffer[length] = 0;
	Poco::Path exe(buffer);
	return Poco::Path(exe.parent())
		.popDirectory()
		.pushDirectory("share")
		.pushDirectory("erp-host")
		.pushDirectory("sql")
		.toString();
}


void HostRuntime::start()
{
	if (_started) return;
	_started = true;
	_plugins->loadAll(_config.getString("plugins.directory", "plugins"));
	_health->schedulerExpected(_options.scheduler);
	if (_options.scheduler)
	{
		_scheduler->start();
		_health->schedulerStarted(true);
	}
	if (_options.http)
	{
		const HttpFrontend::Options http = httpOptions();
		_http = std::make_unique<HttpFrontend>(*_router, http);
		_web->setSecure(http.secure());
		_http->serveWeb(*_web);
		_http->serveOperations(*_ops, false);
		_http->countRequests(*_metrics);
		if (_config.has("metrics.listen"))
		{
			// Plain HTTP on its own address: /metrics and /api/health without a token.
			const Poco::Net::SocketAddress listen(_config.getString("metrics.listen"));
			HttpFrontend::Options metrics = http;
			metrics.address = listen.host().toString();
			metrics.port = listen.port();
			metrics.tlsCertificate.clear();
			metrics.tlsKey.clear();
			_metricsHttp = std::make_unique<HttpFrontend>(*_router, metrics);
			_metricsHttp->serveOperations(*_ops, true);
			_metricsHttp->countRequests(*_metrics);
			_metricsHttp->start();
			_logger.information("metrics on http://%s:%d/metrics", metrics.address, _metricsHttp->port());
		}
		_http->start();
		_logger.information("listening on %s://%s:%d/ (the web interface; the API under /api/)",
							std::string(http.secure() ? "https" : "http"), http.address, _http->port());
	}
}


void HostRuntime::stop()
{
	if (!_started) return;
	_started = false;
	if (_http) _http->stop();
	_http.reset();
	if (_metricsHttp) _metricsHttp->stop();
	_metricsHttp.reset();
	_scheduler->stop();
	_health->schedulerStarted(false);
	_plugins->unloadAll();
}


erp::TaskResult HostRuntime::runTask(const std::string& name, const std::string& today, bool force,
									 const std::string& actor, std::function<void(const erp::TaskProgress&)> progress)
{
	erp::TaskRun run;
	run.progress = std::move(progress);
	run.onDemand = true;
	run.force = force;
	run.actor = actor;
	run.today = today;
	try
	{
		return _scheduler->runNow(name, run);
	}
	catch (Poco::NotFoundException&)
	{
		// Task names start with their plugin's id: say so when it is switched off.
		const std::string plugin = name.substr(0, name.find('.'));
		for (const PluginManager::Status& status: _plugins->status())
			if (status.disabled && status.id == plugin)
				throw Poco::NotFoundException("no such task: " + name + "; the plugin " + plugin +
											  " is disabled (PUT /api/plugins/" + plugin + " {\"enabled\": true})");
		throw;
	}
}


int HostRuntime::httpPort() const
{
	return _http ? _http->port() : 0;
}


int HostRuntime::metricsPort() const
{
	return _metricsHttp ? _metricsHttp->port() : 0;
}


MetricsRegistry& HostRuntime::metrics()
{
	return *_metrics;
}


RuntimeHealth& HostRuntime::health()
{
	return *_health;
}


PluginManager& HostRuntime::plugins()
{
	return *_plugins;
}


erp::Database& HostRuntime::database()
{
	return *_database;
}


AuditService& HostRuntime::audit()
{
	return *_audit;
}


EventBus& HostRuntime::events()
{
	return *_events;
}


TaskScheduler& HostRuntime::scheduler()
{
	return *_scheduler;
}


HostServices& HostRuntime::services()
{
	return *_services;
}


WebUi& HostRuntime::web()
{
	return *_web;
}


} // namespace host
