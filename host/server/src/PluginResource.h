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
/// version, ABI, hooks, tasks, routes and declared fields; refused ones
/// with the reason.
{
public:
	PluginResource(HostServices& services, PluginManager& plugins);
	void mount();
	erp::HttpResponse list(const erp::HttpRequest& request);

private:
	HostServices& _services;
	PluginManager& _plugins;
};


} // namespace host


#endif // Host_PluginResource_INCLUDED
