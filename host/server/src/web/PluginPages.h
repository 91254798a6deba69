//
// PluginPages.h
//


#ifndef Host_PluginPages_INCLUDED
#define Host_PluginPages_INCLUDED


#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/PluginUi.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"
#include <string>


namespace host {


class PluginPages
/// A plugin's own pages at /p/<plugin>/<page> (erp::PluginPage): the view
/// model its route answers, as the signed-in user, filled into its
/// template (JsonDictionary) inside the host's layout; its forms posted
/// back here with an "action" field are turned into the declared action's
/// JSON body (FormJson) and sent to the action's route.
///
/// What every page template gets besides its view model: its words as
/// {{T_key}}, {{CSRF}}, {{LANG}}, {{PAGE_URL}}, {{PLUGIN}}, {{#IS_ADMIN}};
/// after an action, {{DONE}} (its name) and {{RESULT}} (the "summary" it
/// answered); after a refused one, {{ERROR}} and {{ERROR_FIELD}}.
/// A plugin that is switched off, or a page above the user's role, is a
/// 404 or a 403 page.
{
public:
	PluginPages(const PluginUi& plugins, const PageRenderer& pages, const MessageCatalog& messages);

	WebResponse show(const WebRequest& request, const SignedIn& who, const std::string& plugin,
					 const std::string& page) const;
	WebResponse act(const WebRequest& request, const SignedIn& who, const std::string& plugin,
					const std::string& page) const;

private:
	WebResponse render(const WebRequest& request, const SignedIn& who, const ScreenRegistry::Declared& declared,
					   const erp::PluginPage& page, const std::string& error, const std::string& errorField, int status,
					   const std::string& errorLanguage = "en") const;
	/// errorLanguage: the error's, ERROR_LANG in the plugin's template.
	WebResponse problem(const SignedIn& who, int status, const std::string& key) const;

	const PluginUi& _plugins;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
};


} // namespace host


#endif // Host_PluginPages_INCLUDED
