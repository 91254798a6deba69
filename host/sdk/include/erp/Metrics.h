//
// Metrics.h
//
// Gauges a plugin adds to the host's GET /metrics (Prometheus text format).
//


#ifndef Erp_Metrics_INCLUDED
#define Erp_Metrics_INCLUDED


#include "erp/Abi.h"
#include <functional>
#include <map>
#include <string>
#include <vector>


namespace erp {


/// The name and version to ask Host::service() for:
/// `static_cast<erp::Metrics*>(host.service(erp::METRICS_SERVICE, erp::METRICS_VERSION))`,
/// nullptr from a host without it.
inline const char* const METRICS_SERVICE = "erp.metrics";
inline const unsigned METRICS_VERSION = 1;


struct GaugeSample
/// One value of a gauge, with its labels (names [a-z_][a-z0-9_]*, values
/// any UTF-8 text).
{
	std::map<std::string, std::string> labels;
	double value = 0;
};


class ERP_API Metrics
/// A plugin's gauges on the host's GET /metrics, offered through
/// Host::service(METRICS_SERVICE, METRICS_VERSION) (an addition that needs
/// no new ABI version: a host without it answers nullptr).
///
/// A gauge is read when /metrics is asked for: `collect` runs on the HTTP
/// request's thread, must be quick (a counting query), and may throw (the
/// gauge is then left out of that answer, the failure logged and counted
/// in erp_metrics_collect_failures_total). The host removes what a plugin
/// left registered after its stop(). Thread-safe.
{
public:
	using Collect = std::function<std::vector<GaugeSample>()>;

	virtual ~Metrics() = default;

	virtual void gauge(const std::string& name, const std::string& help, Collect collect) = 0;
	/// Adds a gauge. `name` is [a-z_][a-z0-9_]* and starts with the plugin's
	/// id (a '-' in it written '_') and '_', e.g. "reminders_messages".
	/// Throws Poco::InvalidArgumentException for a bad name or an empty
	/// `collect`, Poco::ExistsException for a name taken.

	virtual void withdrawAll() = 0;
	/// Removes the plugin's gauges (call it in stop()).
};


} // namespace erp


#endif // Erp_Metrics_INCLUDED
