//
// OpsEndpoint.h
//


#ifndef Host_OpsEndpoint_INCLUDED
#define Host_OpsEndpoint_INCLUDED


#include "Router.h"
#include "erp/Http.h"
#include "ops/HealthCheck.h"
#include "ops/MetricsRegistry.h"
#include <string>


namespace host {


class OpsEndpoint
/// GET /api/health and GET /metrics, answered by the HTTP front door
/// before the Router (they need no token, or another rule than the API's):
///
/// - /api/health: anyone; the details (HealthCheck) with an
///   administrator's token;
/// - /metrics: an administrator's bearer token (401 without a valid
///   token, 403 for an accountant), or nothing on the metrics listener
///   (metrics.listen), which serves these two paths only.
///
/// Other methods: 405. Thread-safe.
{
public:
	static const std::string HEALTH_PATH;  /// /api/health
	static const std::string METRICS_PATH; /// /metrics

	OpsEndpoint(HealthCheck& health, MetricsRegistry& metrics, Router& router);

	static bool handles(const std::string& path);
	/// Whether the path (without its query) is one of the two.

	erp::HttpResponse answer(const std::string& method, const std::string& path, const std::string& authorization,
							 bool listener);
	/// listener: the request came to the metrics listener.

private:
	bool isAdmin(const std::string& authorization) const;

	HealthCheck& _health;
	MetricsRegistry& _metrics;
	Router& _router;
};


} // namespace host


#endif // Host_OpsEndpoint_INCLUDED
