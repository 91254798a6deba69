//
// AuditResource.h
//


#ifndef Host_AuditResource_INCLUDED
#define Host_AuditResource_INCLUDED


#include "HostServices.h"
#include "PluginManager.h"
#include "erp/Http.h"


namespace host {


class AuditResource
/// GET /api/audit?entity=&entity_id=&action=&plugin=&before=&limit=:
/// the audit log, newest first; page with before = the last id seen.
/// plugin=ID keeps the plugin's own entries (actions starting "ID.").
///
/// Administrators read everything. Accountants read the entries of a
/// plugin only: plugin= is required and must name a plugin of the host
/// (403 otherwise, naming the field), so the host's own entries and other
/// users' changes to customers stay the administrator's.
{
public:
	AuditResource(HostServices& services, PluginManager& plugins);
	void mount();
	erp::HttpResponse list(const erp::HttpRequest& request);

private:
	HostServices& _services;
	PluginManager& _plugins;
};


} // namespace host


#endif // Host_AuditResource_INCLUDED
