//
// PluginHost.cpp
//


#include "PluginHost.h"


namespace host {


PluginHost::PluginHost(HostServices& services, const PluginManifest& manifest):
	_services(services),
	_id(manifest.id),
	_directory(manifest.directory),
	_events(services.events, manifest.id),
	_scheduler(services.scheduler, manifest.id, services.metrics),
	_routes(services.router, manifest.id, manifest.abiMinor >= 5),
	_records(services.records, manifest.id),
	_screens(services.screens, manifest.id, manifest.directory),
	_metrics(services.metrics, manifest.id),
	_config(services.config.createView(manifest.id))
{}


std::string PluginHost::pluginId() const
{
	return _id;
}


std::string PluginHost::pluginDirectory() const
{
	return _directory;
}


unsigned PluginHost::abiMinor() const
{
	return ERP_ABI_MINOR;
}


erp::Database& PluginHost::database()
{
	return _services.database;
}


erp::Events& PluginHost::events()
{
	return _events;
}


erp::Scheduler& PluginHost::scheduler()
{
	return _scheduler;
}


erp::AuditLog& PluginHost::audit()
{
	return _services.audit;
}


erp::Records& PluginHost::records()
{
	return _records;
}


erp::HttpRoutes& PluginHost::http()
{
	return _routes;
}


erp::Clock& PluginHost::clock()
{
	return _services.clock;
}


const Poco::Util::AbstractConfiguration& PluginHost::config()
{
	return *_config;
}


Poco::Logger& PluginHost::logger()
{
	return Poco::Logger::get("erp.plugin." + _id);
}


void* PluginHost::service(const std::string& name, unsigned version)
{
	if (name == erp::METRICS_SERVICE && version == erp::METRICS_VERSION) return static_cast<erp::Metrics*>(&_metrics);
	return nullptr;
}


erp::Screens& PluginHost::screens()
{
	return _screens;
}


int PluginHost::release()
{
	int left = _services.events.unsubscribeAll(_id);
	left += _services.router.removeAll(_id);
	left += _services.scheduler.unregisterAll(_id);
	if (_services.records.knows(_id))
	{
		_services.records.withdraw(_id);
		++left;
	}
	left += _services.metrics.removeGauges(_id);
	if (_services.screens.knows(_id))
	{
		_services.screens.withdraw(_id);
		++left;
	}
	return left;
}


} // namespace host
