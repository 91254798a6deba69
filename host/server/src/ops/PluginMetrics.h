//
// PluginMetrics.h
//


#ifndef Host_PluginMetrics_INCLUDED
#define Host_PluginMetrics_INCLUDED


#include "erp/Metrics.h"
#include "ops/MetricsRegistry.h"
#include <string>


namespace host {


class PluginMetrics: public erp::Metrics
/// erp::Metrics for one plugin: its gauges in the host's registry, named
/// after it.
{
public:
	PluginMetrics(MetricsRegistry& registry, const std::string& owner):
		_registry(registry),
		_owner(owner)
	{}

	void gauge(const std::string& name, const std::string& help, Collect collect) override
	{
		_registry.addGauge(_owner, name, help, std::move(collect));
	}

	void withdrawAll() override
	{
		_registry.removeGauges(_owner);
	}

private:
	MetricsRegistry& _registry;
	std::string _owner;
};


} // namespace host


#endif // Host_PluginMetrics_INCLUDED
