//
// AuditResource.h
//


#ifndef Host_AuditResource_INCLUDED
#define Host_AuditResource_INCLUDED


#include "HostServices.h"
#include "erp/Http.h"


namespace host {


class AuditResource
/// GET /api/audit?entity=&entity_id=&action=&before=&limit= (admins):
/// the audit log, newest first; page with before = the last id seen.
{
public:
	explicit AuditResource(HostServices& services);
	void mount();
	erp::HttpResponse list(const erp::HttpRequest& request);

private:
	HostServices& _services;
};


} // namespace host


#endif // Host_AuditResource_INCLUDED
