//
// AuditResource.cpp
//


#include "AuditResource.h"
#include "JsonInput.h"
#include "erp/QueryParameters.h"


namespace host {


AuditResource::AuditResource(HostServices& services):
	_services(services)
{}


void AuditResource::mount()
{
	_services.router.add("host", "GET", "/api/audit", erp::Role::ADMIN,
						 [this](const erp::HttpRequest& r) { return list(r); });
}


erp::HttpResponse AuditResource::list(const erp::HttpRequest& request)
{
	auto value = [&](const std::string& key) {
		auto it = request.query.find(key);
		return it == request.query.end() ? std::string() : it->second;
	};
	int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 1000));
	const Poco::Int64 before =
		erp::QueryParameters::integer(request.query, "before", 0, 0, std::numeric_limits<Poco::Int64>::max());
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items", _services.audit.query(value("entity"), value("entity_id"), value("action"), before, limit));
	return erp::HttpResponse::json(200, body);
}


} // namespace host
