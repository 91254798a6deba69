//
// PluginResource.cpp
//


#include "PluginResource.h"
#include "erp/ApiError.h"
#include "erp/JsonBody.h"


namespace host {


PluginResource::PluginResource(HostServices& services, PluginManager& plugins):
	_services(services),
	_plugins(plugins)
{}


void PluginResource::mount()
{
	_services.router.add("host", "GET", "/api/plugins", erp::Role::ACCOUNTANT,
						 [this](const erp::HttpRequest& r) { return list(r); });
	_services.router.add("host", "PUT", "/api/plugins/{id}", erp::Role::ADMIN,
						 [this](const erp::HttpRequest& r) { return put(r); });
}


erp::HttpResponse PluginResource::list(const erp::HttpRequest&)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items", _plugins.describe());
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse PluginResource::put(const erp::HttpRequest& request)
{
	const erp::JsonBody body(request.body);
	body.allowOnly([](const std::string& field) { return field == "enabled"; });
	const std::optional<bool> enabled = body.boolean("enabled");
	if (!enabled) throw erp::ApiError::invalid("enabled", "enabled must be true or false");
	const std::string& id = request.params.at("id");
	PluginManager::Change change = PluginManager::Change::UNCHANGED;
	try
	{
		change = _plugins.setEnabled(id, *enabled, request.user);
	}
	catch (Poco::NotFoundException&)
	{
		throw erp::ApiError::notFound("plugin " + id);
	}
	catch (PluginRefusedException& exc)
	{
		throw erp::ApiError(409, "plugin_refused", exc.message());
	}
	Poco::JSON::Object::Ptr answer = _plugins.describe(id);
	if (answer.isNull()) throw erp::ApiError::notFound("plugin " + id);
	answer->set("changed", change == PluginManager::Change::CHANGED);
	return erp::HttpResponse::json(200, answer);
}


} // namespace host
