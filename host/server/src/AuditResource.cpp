//
// AuditResource.cpp
//


#include "AuditResource.h"
#include "JsonInput.h"
#include "erp/ApiError.h"
#include "erp/QueryParameters.h"


namespace host {


AuditResource::AuditResource(HostServices& services, PluginManager& plugins):
	_services(services),
	_plugins(plugins)
{}


void AuditResource::mount()
{
	_services.router.add("host", "GET", "/api/audit?plugin&entity&entity_id&action&limit&before", erp::Role::ACCOUNTANT,
						 [this](const erp::HttpRequest& r) { return list(r); });
}


erp::HttpResponse AuditResource::list(const erp::HttpRequest& request)
{
	auto value = [&](const std::string& key) {
		auto it = request.query.find(key);
		return it == request.query.end() ? std::string() : it->second;
	};
	const std::string plugin = value("plugin");
	if (request.role != erp::Role::ADMIN)
	{
		if (plugin.empty())
			throw erp::ApiError(403, "forbidden", "accountants read the audit entries of a plugin: add plugin=ID",
								"plugin");
		if (!_plugins.knows(plugin))
			throw erp::ApiError(403, "forbidden",
								"accountants read the audit entries of plugins only; " + plugin +
									" is not a plugin of this host",
								"plugin");
	}
	int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 1000));
	const Poco::Int64 before =
		erp::QueryParameters::integer(request.query, "before", 0, 0, std::numeric_limits<Poco::Int64>::max());
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items",
			  _services.audit.query(value("entity"), value("entity_id"), value("action"), plugin, before, limit));
	return erp::HttpResponse::json(200, body);
}


} // namespace host
