//
// OpsEndpoint.cpp
//


#include "ops/OpsEndpoint.h"
#include "ops/PrometheusText.h"


namespace host {


const std::string OpsEndpoint::HEALTH_PATH = "/api/health";
const std::string OpsEndpoint::METRICS_PATH = "/metrics";


OpsEndpoint::OpsEndpoint(HealthCheck& health, MetricsRegistry& metrics, Router& router):
	_health(health),
	_metrics(metrics),
	_router(router)
{}


bool OpsEndpoint::handles(const std::string& path)
{
	return path == HEALTH_PATH || path == METRICS_PATH;
}


bool OpsEndpoint::isAdmin(const std::string& authorization) const
{
	if (authorization.empty()) return false;
	const std::optional<UserDirectory::User> user = _router.authenticate(authorization);
	return user && user->role == erp::Role::ADMIN;
}


erp::HttpResponse OpsEndpoint::answer(const std::string& method, const std::string& path,
									  const std::string& authorization, bool listener)
{
	if (!handles(path)) return erp::HttpResponse::error(404, "not_found", "no such resource: " + path);
	if (method != "GET" && method != "HEAD")
		return erp::HttpResponse::error(405, "method_not_allowed", method + " is not allowed on " + path);
	if (path == HEALTH_PATH) return _health.answer(isAdmin(authorization));
	if (!listener)
	{
		if (authorization.empty() || !_router.authenticate(authorization))
			return erp::HttpResponse::error(401, "unauthorized", "a valid bearer token is required");
		if (!isAdmin(authorization)) return erp::HttpResponse::error(403, "forbidden", "this needs the admin role");
	}
	erp::HttpResponse response;
	response.contentType = PrometheusText::CONTENT_TYPE;
	response.body = _metrics.render();
	return response;
}


} // namespace host
