//
// SignedIn.h
//


#ifndef Host_SignedIn_INCLUDED
#define Host_SignedIn_INCLUDED


#include "UserDirectory.h"
#include "web/PageRenderer.h"
#include <set>
#include <string>


namespace host {


struct SignedIn
/// Who asks, for a page of the web interface behind sign-in.
{
	UserDirectory::User user;
	std::string csrf;     /// the session's CSRF token, for the page's forms
	std::string language; /// el | en
	std::string roleLabel;
	std::vector<std::pair<std::string, std::string>> pluginMenu; /// URL and label of the plugins' pages it may open
	std::set<std::string> pluginsOn; /// the plugins switched on, asked once per request (PluginUi::switchedOn)

	PageRenderer::Frame frame(const std::string& title, const std::string& current) const
	{
		return PageRenderer::Frame{language,  title, user.name, roleLabel, csrf, current, user.role == erp::Role::ADMIN,
								   pluginMenu};
	}
};


} // namespace host


#endif // Host_SignedIn_INCLUDED
