//
// PluginHost.h
//


#ifndef Host_PluginHost_INCLUDED
#define Host_PluginHost_INCLUDED


#include "HostServices.h"
#include "PluginEvents.h"
#include "PluginManifest.h"
#include "PluginRecords.h"
#include "PluginRoutes.h"
#include "PluginScheduler.h"
#include "PluginScreens.h"
#include "erp/Host.h"
#include "ops/PluginMetrics.h"
#include <Poco/AutoPtr.h>


namespace host {


class PluginHost: public erp::Host
/// The host as one plugin sees it. release() removes whatever the plugin
/// left registered (subscriptions, routes, tasks, record fields, gauges); the
/// loader calls it after the plugin's stop() and before unloading.
{
public:
	PluginHost(HostServices& services, const PluginManifest& manifest);

	std::string pluginId() const override;
	std::string pluginDirectory() const override;
	unsigned abiMinor() const override;
	erp::Database& database() override;
	erp::Events& events() override;
	erp::Scheduler& scheduler() override;
	erp::AuditLog& audit() override;
	erp::Records& records() override;
	erp::HttpRoutes& http() override;
	erp::Clock& clock() override;
	const Poco::Util::AbstractConfiguration& config() override;
	Poco::Logger& logger() override;
	void* service(const std::string& name, unsigned version) override;
	erp::Screens& screens() override;

	int release();
	/// Returns how many registrations were left behind.

private:
	HostServices& _services;
	std::string _id;
	std::string _directory;
	PluginEvents _events;
	PluginScheduler _scheduler;
	PluginRoutes _routes;
	PluginRecords _records;
	PluginScreens _screens;
	PluginMetrics _metrics;
	Poco::AutoPtr<Poco::Util::AbstractConfiguration> _config;
};


} // namespace host


#endif // Host_PluginHost_INCLUDED
