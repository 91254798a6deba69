//
// SettingsPages.h
//


#ifndef Host_SettingsPages_INCLUDED
#define Host_SettingsPages_INCLUDED


#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/PluginUi.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"
#include <map>
#include <string>


namespace host {


class SettingsPages
/// The application settings: one tab per settings tab a plugin declared
/// (erp::SettingsTab), at /settings/<plugin>/<tab>. Each tab is a form of
/// the declared fields the user's role may see, filled from the tab's GET
/// route and saved through its PUT route as the signed-in user; the
/// route's field error is shown beside the field. A save that turns a
/// plugin's switch on sends the browser to the page the plugin names.
{
public:
	SettingsPages(const PluginUi& plugins, const PageRenderer& pages, const MessageCatalog& messages);

	WebResponse show(const WebRequest& request, const SignedIn& who, const std::string& plugin,
					 const std::string& tab) const;
	/// Empty plugin: the first tab (or a page saying there is none).
	/// Unknown plugin or tab: 404.

	WebResponse save(const WebRequest& request, const SignedIn& who, const std::string& plugin,
					 const std::string& tab) const;

private:
	struct Problem
	{
		std::string field;
		std::string message;
		std::string language = "en"; /// of the message: the route's own is English
	};

	WebResponse page(const SignedIn& who, const ScreenRegistry::Declared& declared, const erp::SettingsTab& tab,
					 const Poco::JSON::Object& values, const std::vector<Problem>& problems, bool saved,
					 int status) const;
	/// problems: each beside its field; one the tab does not show is the form's.
	WebResponse notFound(const SignedIn& who) const;

	const PluginUi& _plugins;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
};


} // namespace host


#endif // Host_SettingsPages_INCLUDED
