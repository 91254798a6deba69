//
// PluginResource.h
//


#ifndef Host_PluginResource_INCLUDED
#define Host_PluginResource_INCLUDED


#include "HostServices.h"
#include "PluginManager.h"
#include "erp/Http.h"


namespace host {


class PluginResource
/// GET /api/plugins (accountants and admins): running plugins with their
/// version, ABI, hooks, tasks, routes and declared fields; disabled ones;
/// refused ones with the reason.
///
/// PUT /api/plugins/{id} {"enabled": false|true} (admins): switches a
/// plugin off or on at once, stored and audited. 200 with the plugin as
/// listed and "changed"; 400 for a bad body, 404 for an unknown id, 409
/// (plugin_refused) for a plugin that failed to load, with the reason.
{
public:
	PluginResource(HostServices& services, PluginManager& plugins);
	void mount();
	erp::HttpResponse list(const erp::HttpRequest& request);
	erp::HttpResponse put(const erp::HttpRequest& request);

private:
	HostServices& _services;
	PluginManager& _plugins;
};


} // namespace host


#endif // Host_PluginResource_INCLUDED
