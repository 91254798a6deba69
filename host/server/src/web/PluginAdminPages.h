//
// PluginAdminPages.h
//


#ifndef Host_PluginAdminPages_INCLUDED
#define Host_PluginAdminPages_INCLUDED


#include "PluginResource.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"


namespace host {


class PluginAdminPages
/// The plugins for administrators, through PluginResource (the API's own
/// code): every plugin with its state (running, disabled, refused),
/// version, hooks, tasks and refusal reason, and a button that switches
/// it off or on (PUT /api/plugins/{id}, stored and audited).
/// The caller lets administrators in only.
{
public:
	PluginAdminPages(PluginResource& plugins, const PageRenderer& pages, const MessageCatalog& messages);

	WebResponse list(const WebRequest& request, const SignedIn& who) const;
	/// GET /plugins

	WebResponse change(const WebRequest& request, const SignedIn& who, const std::string& id) const;
	/// POST /plugins/{id} with enabled=true|false: 303 to the list, or the
	/// list with the refusal (409 for a refused plugin, 400 for a bad
	/// form). Throws erp::ApiError (404) for an unknown plugin.

private:
	WebResponse page(const SignedIn& who, const std::string& notice, const std::string& error, int status) const;

	PluginResource& _plugins;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
};


} // namespace host


#endif // Host_PluginAdminPages_INCLUDED
