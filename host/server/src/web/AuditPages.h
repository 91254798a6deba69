//
// AuditPages.h
//


#ifndef Host_AuditPages_INCLUDED
#define Host_AuditPages_INCLUDED


#include "AuditResource.h"
#include "erp/Clock.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"


namespace host {


class AuditPages
/// The audit log for administrators, through AuditResource (the API's own
/// code): newest first, filtered by entity, entity id, action and plugin,
/// paged with the API's before= cursor. Each entry's time is shown in the
/// business time zone, its details as indented JSON (escaped).
/// The caller lets administrators in only.
{
public:
	static const int PAGE_SIZE; /// 50 entries a page

	AuditPages(AuditResource& audit, const erp::Clock& clock, const PageRenderer& pages,
			   const MessageCatalog& messages);

	WebResponse list(const WebRequest& request, const SignedIn& who) const;
	/// GET /audit?entity=&entity_id=&action=&plugin=&before=ID

private:
	AuditResource& _audit;
	const erp::Clock& _clock;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
};


} // namespace host


#endif // Host_AuditPages_INCLUDED
