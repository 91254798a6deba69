//
// WebUi.h
//


#ifndef Host_WebUi_INCLUDED
#define Host_WebUi_INCLUDED


#include "AuditResource.h"
#include "AuditService.h"
#include "CustomerResource.h"
#include "InvoiceResource.h"
#include "PluginResource.h"
#include "SessionStore.h"
#include "SignInThrottle.h"
#include "UserDirectory.h"
#include "web/AuditPages.h"
#include "web/CustomerPages.h"
#include "web/InvoicePages.h"
#include "web/ListExtras.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/PluginAdminPages.h"
#include "web/PluginPages.h"
#include "web/PluginUi.h"
#include "web/RecordFieldsForm.h"
#include "web/SettingsPages.h"
#include "web/SignedIn.h"
#include "web/StaticFiles.h"
#include "web/UserPages.h"
#include "web/WebEndpoint.h"
#include <Poco/Logger.h>
#include <atomic>
#include <memory>
#include <optional>


namespace host {


class WebUi: public WebEndpoint
/// The host's web interface under "/" (the API stays under /api/):
/// server-rendered pages, in Greek or English after the browser's
/// Accept-Language.
///
/// - Sign-in with a user name and password (UserDirectory), slowed down
///   per user name and per address (SignInThrottle: 429 with Retry-After);
///   success opens a session (SessionStore) in a cookie that is HttpOnly,
///   SameSite=Strict, Path=/, and Secure (named __Host-erp_session) when
///   the host serves HTTPS. Sign-in, failed sign-in and sign-out are audited.
/// - Every other page needs a live session of an enabled user; without
///   one the browser is sent to the sign-in page (and back after it).
/// - Every state change (any method but GET and HEAD) carries the
///   session's CSRF token, as the form field "csrf" or the X-CSRF-Token
///   header, compared in constant time, and comes from the host's own
///   origin when the browser names one: otherwise 403.
/// - HTML answers carry a Content-Security-Policy (this origin only, no
///   inline script or style, no framing), Referrer-Policy and nosniff.
///
/// Thread-safe.
{
public:
	static const char* const CSP;

	struct Resources
	/// The API resources the pages call in-process, and the business clock.
	{
		CustomerResource& customers;
		InvoiceResource& invoices;
		AuditResource& audit;
		PluginResource& plugins;
		const erp::Clock& clock;
		UserAdministration& users;
	};

	struct Plugins
	/// What the plugins declared for the screens, and the router their routes are called through.
	{
		Router& router;
		ScreenRegistry& screens;
		RecordRegistry& records;
	};

	WebUi(UserDirectory& users, SessionStore& sessions, SignInThrottle& throttle, AuditService& audit,
		  const Resources& resources, const Plugins& plugins, const std::string& folder, Poco::Logger& logger);
	/// `folder`: templates/, messages/ and static/ of the web interface.
	/// Throws when a template or a catalog is missing or malformed.

	~WebUi() override;

	void setSecure(bool secure);
	/// The host serves HTTPS: cookies get Secure (set before serving).

	WebResponse handle(const WebRequest& request) override;

	std::string cookieName() const;

private:
	WebResponse route(const WebRequest& request, const std::string& language);
	WebResponse signInPage(const std::string& language, const std::string& user, const std::string& next,
						   const std::string& errorField, const std::string& error, int status);
	WebResponse signIn(const WebRequest& request, const std::string& language);
	WebResponse signOut(const WebRequest& request, const SignedIn& who);
	WebResponse chooseLanguage(const WebRequest& request, const SignedIn& who);
	/// POST /language: el or en, kept for the user (UserDirectory::setLanguage).
	WebResponse home(const SignedIn& who);
	WebResponse routeInvoices(const WebRequest& request, const SignedIn& who);
	WebResponse routeAdmin(const WebRequest& request, const SignedIn& who);
	WebResponse problem(const std::string& language, const std::optional<SignedIn>& who, int status,
						const std::string& key);
	std::optional<SignedIn> signedIn(const WebRequest& request, const std::string& language);
	std::string sessionCookie(const std::string& id) const;
	std::string endedCookie() const;
	static bool sameOrigin(const WebRequest& request);
	static std::string safeNext(const std::string& next);
	static std::vector<std::string> segments(const std::string& rest);

	UserDirectory& _users;
	SessionStore& _sessions;
	SignInThrottle& _throttle;
	AuditService& _audit;
	Poco::Logger& _logger;
	std::unique_ptr<MessageCatalog> _messages;
	std::unique_ptr<StaticFiles> _static;
	std::unique_ptr<PageRenderer> _pages;
	std::unique_ptr<PluginUi> _plugins;
	std::unique_ptr<RecordFieldsForm> _recordFields;
	std::unique_ptr<ListExtras> _listExtras;
	std::unique_ptr<CustomerPages> _customers;
	std::unique_ptr<SettingsPages> _settings;
	std::unique_ptr<PluginPages> _pluginPages;
	std::unique_ptr<InvoicePages> _invoices;
	std::unique_ptr<AuditPages> _auditPages;
	std::unique_ptr<PluginAdminPages> _pluginAdmin;
	std::unique_ptr<UserPages> _userPages;
	std::atomic<bool> _secure{false};
};


} // namespace host


#endif // Host_WebUi_INCLUDED
