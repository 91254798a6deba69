//
// HostRuntime.h
//


#ifndef Host_HostRuntime_INCLUDED
#define Host_HostRuntime_INCLUDED


#include "AuditResource.h"
#include "AuditService.h"
#include "CustomerResource.h"
#include "EventBus.h"
#include "HostClock.h"
#include "HostServices.h"
#include "HttpFrontend.h"
#include "InvoiceResource.h"
#include "PluginManager.h"
#include "PluginResource.h"
#include "RecordRegistry.h"
#include "Router.h"
#include "SessionStore.h"
#include "SignInThrottle.h"
#include "SqlDatabase.h"
#include "TaskScheduler.h"
#include "UserAdministration.h"
#include "UserDirectory.h"
#include "ops/HealthCheck.h"
#include "ops/MetricsRegistry.h"
#include "ops/OpsEndpoint.h"
#include "ops/RuntimeHealth.h"
#include "web/WebUi.h"
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <functional>
#include <memory>
#include <string>


namespace host {


class HostRuntime
/// The reference host, assembled from its configuration: database and
/// schema, users, the JSON API, plugins, the scheduler and the HTTP
/// server. Used by HostApplication and, in-process, by the tests.
///
/// Configuration keys: database.connector (sqlite | mysql),
/// database.connection, database.pool.max, http.address, http.port,
/// http.threads, http.max_connections, http.max_connections_per_client,
/// http.timeout_seconds, plugins.directory, business.timezone,
/// host.schema.directory, users.NAME.role, users.NAME.token,
/// users.NAME.password_hash, web.directory, web.session.idle_minutes,
/// web.session.lifetime_minutes, metrics.listen, health.scheduler_grace_seconds.
{
public:
	struct Options
	{
		std::string fixedToday; /// YYYY-MM-DD, or empty for the real date
		bool http = true;       /// serve the API
		bool scheduler = true;  /// run tasks on their schedule
	};

	HostRuntime(Poco::Util::AbstractConfiguration& config, const Options& options);
	/// Opens the database, applies the host's migrations and loads the
	/// users. Throws on a bad configuration or an unreachable database.

	~HostRuntime();

	void start();
	/// Loads the plugins, then starts the scheduler and the HTTP server.

	void stop();
	/// The reverse of start(); safe to call twice.

	erp::TaskResult runTask(const std::string& name, const std::string& today, bool force, const std::string& actor,
							std::function<void(const erp::TaskProgress&)> progress = {});
	/// Runs a named task now; throws Poco::NotFoundException for an unknown
	/// one (saying so when the task's plugin is disabled). `progress`, when
	/// set, hears the task's reports (TaskRun::progress) on the task's thread.

	int httpPort() const;
	int metricsPort() const;
	/// The metrics listener's port (metrics.listen), 0 without one.
	MetricsRegistry& metrics();
	RuntimeHealth& health();
	PluginManager& plugins();
	erp::Database& database();
	AuditService& audit();
	EventBus& events();
	TaskScheduler& scheduler();
	HostServices& services();
	WebUi& web();

	static std::string defaultSchemaDirectory();
	/// <folder of the executable>/../share/erp-host/sql

	static std::string defaultWebDirectory();
	/// <folder of the executable>/../share/erp-host/web

private:
	void addHostGauges();
	HttpFrontend::Options httpOptions() const;

	Poco::Util::AbstractConfiguration& _config;
	Options _options;
	Poco::Logger& _logger;
	std::unique_ptr<MetricsRegistry> _metrics;
	std::unique_ptr<SqlDatabase> _database;
	std::unique_ptr<AuditService> _audit;
	std::unique_ptr<HostClock> _clock;
	std::unique_ptr<UserDirectory> _users;
	std::unique_ptr<Router> _router;
	std::unique_ptr<EventBus> _events;
	std::unique_ptr<TaskScheduler> _scheduler;
	std::unique_ptr<RecordRegistry> _records;
	std::unique_ptr<ScreenRegistry> _screens;
	std::unique_ptr<HostServices> _services;
	std::unique_ptr<CustomerResource> _customers;
	std::unique_ptr<InvoiceResource> _invoices;
	std::unique_ptr<PluginManager> _plugins;
	std::unique_ptr<AuditResource> _auditResource;
	std::unique_ptr<PluginResource> _pluginResource;
	std::unique_ptr<UserAdministration> _userAdmin;
	std::unique_ptr<SessionStore> _sessions;
	std::unique_ptr<SignInThrottle> _throttle;
	std::unique_ptr<WebUi> _web;
	std::unique_ptr<RuntimeHealth> _health;
	std::unique_ptr<HealthCheck> _healthCheck;
	std::unique_ptr<OpsEndpoint> _ops;
	std::unique_ptr<HttpFrontend> _http;
	std::unique_ptr<HttpFrontend> _metricsHttp;
	bool _started = false;
};


} // namespace host


#endif // Host_HostRuntime_INCLUDED
