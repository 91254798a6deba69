//
// UserPages.h
//


#ifndef Host_UserPages_INCLUDED
#define Host_UserPages_INCLUDED


#include "UserAdministration.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"
#include <string>


namespace host {


class UserPages
/// The users, for administrators (the caller lets administrators in only):
/// every user with role, origin, state and whether it has a password; a
/// form to add a user; per user of the web, the role, a new password, an
/// API token issued (shown once, on the answer page, never in a URL) or
/// revoked, disable and enable. Users of the configuration file are shown
/// read-only, with where to change them. Through UserAdministration.
{
public:
	UserPages(UserAdministration& users, const PageRenderer& pages, const MessageCatalog& messages);

	WebResponse list(const WebRequest& request, const SignedIn& who) const;
	/// GET /users
	WebResponse add(const WebRequest& request, const SignedIn& who) const;
	/// POST /users
	WebResponse change(const WebRequest& request, const SignedIn& who, const std::string& name) const;
	/// POST /users/{name} with "do": role, password, issue_token, revoke_token, disable, enable.

private:
	struct Outcome
	{
		std::string notice;
		std::string token;     /// a token just issued, shown once
		std::string errorUser; /// the user whose form the error is about; "" the add form
		std::string errorField;
		std::string error;
		std::string newName;
		std::string newRole = "accountant";
	};

	WebResponse page(const SignedIn& who, const Outcome& outcome, int status) const;

	UserAdministration& _users;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
};


} // namespace host


#endif // Host_UserPages_INCLUDED
