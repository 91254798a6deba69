//
// PluginResource.cpp
//


#include "PluginResource.h"


namespace host {


PluginResource::PluginResource(HostServices& services, PluginManager& plugins):
	_services(services),
	_plugins(plugins)
{}


void PluginResource::mount()
{
	_services.router.add("host", "GET", "/api/plugins", erp::Role::ACCOUNTANT,
						 [this](const erp::HttpRequest& r) { return list(r); });
}


erp::HttpResponse PluginResource::list(const erp::HttpRequest&)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items", _plugins.describe());
	return erp::HttpResponse::json(200, body);
}


} // namespace host
