//
// WebUi.cpp
//


#include "web/WebUi.h"
#include "erp/ApiError.h"
#include "web/FormData.h"
#include "web/LanguageChoice.h"
#include "web/ProblemPage.h"
#include <Poco/JSON/Object.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <algorithm>


namespace host {


const char* const WebUi::CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
							   "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
							   "object-src 'none'";


namespace {

bool startsWith(const std::string& text, const std::string& prefix)
{
	return text.compare(0, prefix.size(), prefix) == 0;
}

std::string formField(const std::map<std::string, std::string>& fields, const std::string& name)
{
	auto it = fields.find(name);
	return it == fields.end() ? std::string() : it->second;
}

} // namespace


WebUi::WebUi(UserDirectory& users, SessionStore& sessions, SignInThrottle& throttle, AuditService& audit,
			 const Resources& resources, const Plugins& plugins, const std::string& folder, Poco::Logger& logger):
	_users(users),
	_sessions(sessions),
	_throttle(throttle),
	_audit(audit),
	_logger(logger)
{
	_messages = std::make_unique<MessageCatalog>(folder + "/messages");
	_static = std::make_unique<StaticFiles>(folder + "/static");
	std::map<std::string, std::string> assets;
	assets["CSS_URL"] = _static->has("app.css") ? _static->url("app.css") : "/static/app.css";
	assets["JS_URL"] = _static->has("app.js") ? _static->url("app.js") : "/static/app.js";
	if (_static->has("htmx.min.js"))
		assets["HTMX_URL"] = _static->url("htmx.min.js");
	else
		_logger.warning("web: static/htmx.min.js is missing (npm ci in host/server/web, then build): pages work "
						"without it, with full reloads");
	_pages = std::make_unique<PageRenderer>(folder + "/templates", *_messages, assets);
	_plugins = std::make_unique<PluginUi>(plugins.router, plugins.screens, plugins.records);
	_recordFields = std::make_unique<RecordFieldsForm>(*_plugins);
	_listExtras = std::make_unique<ListExtras>(*_plugins, *_pages, *_messages, resources.clock);
	_customers = std::make_unique<CustomerPages>(resources.customers, *_pages, *_messages, *_recordFields);
	_settings = std::make_unique<SettingsPages>(*_plugins, *_pages, *_messages);
	_pluginPages = std::make_unique<PluginPages>(*_plugins, *_pages, *_messages);
	_invoices = std::make_unique<InvoicePages>(resources.invoices, resources.customers, resources.clock, *_pages,
											   *_messages, *_recordFields, *_listExtras);
	_auditPages = std::make_unique<AuditPages>(resources.audit, resources.clock, *_pages, *_messages);
	_pluginAdmin = std::make_unique<PluginAdminPages>(resources.plugins, *_pages, *_messages);
	_userPages = std::make_unique<UserPages>(resources.users, *_pages, *_messages);
}


WebUi::~WebUi() = default;


void WebUi::setSecure(bool secure)
{
	_secure = secure;
}


std::string WebUi::cookieName() const
{
	// The __Host- prefix: the browser takes it only over HTTPS, from this
	// host, for Path=/ (no subdomain or plain-HTTP page can set it).
	return _secure ? "__Host-erp_session" : "erp_session";
}


std::string WebUi::sessionCookie(const std::string& id) const
{
	return cookieName() + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (_secure ? "; Secure" : "");
}


std::string WebUi::endedCookie() const
{
	return cookieName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (_secure ? "; Secure" : "");
}


bool WebUi::sameOrigin(const WebRequest& request)
{
	const std::string origin = request.header("origin");
	if (origin.empty()) return true; // not named: the CSRF token decides
	const std::size_t scheme = origin.find("://");
	return scheme != std::string::npos && Poco::icompare(origin.substr(scheme + 3), request.header("host")) == 0;
}


std::string WebUi::safeNext(const std::string& next)
{
	// Only a path of this host: never "//elsewhere" or "/\elsewhere", and
	// only printable ASCII (a Location header's characters, %-encoded).
	if (next.empty() || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/";
	for (char c: next)
		if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) return "/";
	return next;
}


WebResponse WebUi::handle(const WebRequest& request)
{
	const std::string language = LanguageChoice::fromAcceptLanguage(request.header("accept-language"));
	WebResponse response;
	try
	{
		response = route(request, language);
	}
	catch (const erp::ApiError& error)
	{
		response = problem(language, std::nullopt, error.status() == 404 ? 404 : 400,
						   error.status() == 404 ? "error.not_found" : "error.bad_request");
	}
	catch (std::exception& exc)
	{
		_logger.error("web: %s %s failed: %s", request.method, request.path, std::string(exc.what()));
		response = problem(language, std::nullopt, 500, "error.internal");
	}
	if (startsWith(response.contentType, "text/html"))
	{
		response.headers.emplace_back("Content-Security-Policy", CSP);
		response.headers.emplace_back("Referrer-Policy", "same-origin");
		response.headers.emplace_back("X-Frame-Options", "DENY");
		response.headers.emplace_back("Content-Language", language);
		response.headers.emplace_back("Vary", "Accept-Language, Cookie");
	}
	return response;
}


std::optional<SignedIn> WebUi::signedIn(const WebRequest& request, const std::string& browserLanguage)
{
	const std::string id = request.cookie(cookieName());
	if (id.empty()) return std::nullopt;
	const std::optional<std::string> name = _sessions.resume(id);
	if (!name) return std::nullopt;
	const std::optional<UserDirectory::User> user = _users.find(*name);
	if (!user)
	{
		// Disabled since: its sessions are refused, and this one ends.
		_sessions.close(id);
		return std::nullopt;
	}
	// The user's own choice, else the browser's.
	const std::string chosen = _users.language(user->name);
	const std::string language = chosen.empty() ? browserLanguage : chosen;
	SignedIn who{*user,    SessionStore::csrfToken(id),
				 language, _messages->text(language, user->role == erp::Role::ADMIN ? "role.admin" : "role.accountant"),
				 {},       {}};
	// Whether each plugin is switched on, asked once for the whole request.
	for (const auto& declared: _plugins->screens().all())
		if (_plugins->switchedOn(*declared, who)) who.pluginsOn.insert(declared->plugin);
	for (const PluginUi::MenuEntry& entry: _plugins->menu(who, ""))
		who.pluginMenu.emplace_back(entry.url, entry.label);
	return who;
}


WebResponse WebUi::route(const WebRequest& request, const std::string& language)
{
	const std::string& path = request.path;
	const bool reading = request.method == "GET" || request.method == "HEAD";
	if (startsWith(path, "/static/"))
	{
		if (!reading) return problem(language, std::nullopt, 405, "error.method");
		return _static->serve(path.substr(8));
	}
	if (!reading && !sameOrigin(request)) return problem(language, std::nullopt, 403, "error.csrf");
	if (path == "/sign-in")
	{
		if (reading)
		{
			if (signedIn(request, language)) return WebResponse::redirect("/");
			auto next = request.query.find("next");
			return signInPage(language, "", next == request.query.end() ? "/" : safeNext(next->second), "", "", 200);
		}
		if (request.method == "POST") return signIn(request, language);
		return problem(language, std::nullopt, 405, "error.method");
	}

	const std::optional<SignedIn> who = signedIn(request, language);
	if (!who)
	{
		if (!reading) return WebResponse::redirect("/sign-in");
		// Back to this page after signing in (the target as sent, encoded once more).
		std::string encoded;
		Poco::URI::encode(safeNext(request.uri), "&=+?#;", encoded);
		WebResponse response = WebResponse::redirect("/sign-in?next=" + encoded);
		// The browser drops a cookie that no longer opens a session.
		if (!request.cookie(cookieName()).empty()) response.headers.emplace_back("Set-Cookie", endedCookie());
		return response;
	}
	if (!reading)
	{
		const std::map<std::string, std::string> fields = FormData::parse(request.body);
		std::string presented = request.header("x-csrf-token");
		if (presented.empty()) presented = formField(fields, "csrf");
		if (!UserDirectory::equalInConstantTime(presented, who->csrf)) return problem(language, who, 403, "error.csrf");
	}

	if (path == "/" || path.empty()) return reading ? home(*who) : problem(language, who, 405, "error.method");
	if (path == "/sign-out")
		return request.method == "POST" ? signOut(request, *who) : problem(language, who, 405, "error.method");
	if (path == "/language")
		return request.method == "POST" ? chooseLanguage(request, *who) : problem(language, who, 405, "error.method");
	if (path == "/customers")
		return reading ? _customers->list(request, *who) : problem(language, who, 405, "error.method");
	if (startsWith(path, "/customers/"))
	{
		std::string id = path.substr(11);
		if (id == "new") id.clear();
		if (id.find('/') != std::string::npos) return problem(language, who, 404, "error.not_found");
		try
		{
			if (reading) return _customers->form(*who, id);
			if (request.method == "POST") return _customers->save(request, *who, id);
			return problem(language, who, 405, "error.method");
		}
		catch (const erp::ApiError&)
		{
			return problem(language, who, 404, "error.not_found");
		}
	}
	if (path == "/settings" || startsWith(path, "/settings/"))
	{
		std::vector<std::string> parts = segments(path.substr(9));
		if (parts.size() != 2 && !parts.empty()) return problem(language, who, 404, "error.not_found");
		if (parts.empty())
			return reading ? _settings->show(request, *who, "", "") : problem(language, who, 405, "error.method");
		if (reading) return _settings->show(request, *who, parts[0], parts[1]);
		if (request.method == "POST") return _settings->save(request, *who, parts[0], parts[1]);
		return problem(language, who, 405, "error.method");
	}
	if (startsWith(path, "/p/"))
	{
		std::vector<std::string> parts = segments(path.substr(2));
		if (parts.size() != 2) return problem(language, who, 404, "error.not_found");
		if (reading) return _pluginPages->show(request, *who, parts[0], parts[1]);
		if (request.method == "POST") return _pluginPages->act(request, *who, parts[0], parts[1]);
		return problem(language, who, 405, "error.method");
	}
	if (path == "/invoices" || startsWith(path, "/invoices/")) return routeInvoices(request, *who);
	if (path == "/audit" || path == "/plugins" || startsWith(path, "/plugins/") || path == "/users" ||
		startsWith(path, "/users/"))
		return routeAdmin(request, *who);
	return problem(language, who, 404, "error.not_found");
}


std::vector<std::string> WebUi::segments(const std::string& rest)
{
	// "/a/b" -> {"a", "b"}; "" -> {}. Plugin, tab and page ids are
	// [a-z0-9-]: anything else (an encoded byte, an empty segment) is no id.
	std::vector<std::string> parts;
	if (rest.empty() || rest == "/") return parts;
	if (rest[0] != '/') return {"", "", ""};
	std::size_t start = 1;
	while (true)
	{
		const std::size_t end = rest.find('/', start);
		const std::string part = rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
		const bool id = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
			return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
		});
		if (!id) return {"", "", ""};
		parts.push_back(part);
		if (end == std::string::npos) break;
		start = end + 1;
	}
	return parts;
}


WebResponse WebUi::routeInvoices(const WebRequest& request, const SignedIn& who)
{
	// /invoices, /invoices/new, /invoices/{digits}, /invoices/{digits}/payments;
	// the path arrives %-encoded: anything else is no page.
	const bool reading = request.method == "GET" || request.method == "HEAD";
	const std::string& path = request.path;
	if (path == "/invoices")
		return reading ? _invoices->list(request, who) : problem(who.language, who, 405, "error.method");
	if (path == "/invoices/new")
	{
		if (reading) return _invoices->form(request, who);
		return request.method == "POST" ? _invoices->create(request, who)
										: problem(who.language, who, 405, "error.method");
	}
	std::string id = path.substr(10);
	// /invoices/{id}/actions/{plugin}/{n} and /invoices/{id}/views/{plugin}/{n}: a plugin's toggle and view.
	const std::vector<std::string> parts = segments(path.substr(9));
	if (parts.size() == 4 && (parts[1] == "actions" || parts[1] == "views"))
	{
		const std::string& number = parts[0];
		if (number.size() > 18 || number[0] == '0' || number.find_first_not_of("0123456789") != std::string::npos)
			return problem(who.language, who, 404, "error.not_found");
		if (parts[1] == "views")
			return reading ? _listExtras->view(request, who, "invoice", number, parts[2], parts[3])
						   : problem(who.language, who, 405, "error.method");
		return request.method == "POST" ? _listExtras->toggle(request, who, "invoice", number, parts[2], parts[3])
										: problem(who.language, who, 405, "error.method");
	}
	const bool payments = id.size() > 9 && id.compare(id.size() - 9, 9, "/payments") == 0;
	if (payments) id.resize(id.size() - 9);
	if (id.empty() || id.size() > 18 || id[0] == '0' || id.find_first_not_of("0123456789") != std::string::npos)
		return problem(who.language, who, 404, "error.not_found");
	try
	{
		if (!payments)
			return reading ? _invoices->detail(request, who, id) : problem(who.language, who, 405, "error.method");
		return request.method == "POST" ? _invoices->pay(request, who, id)
										: problem(who.language, who, 405, "error.method");
	}
	catch (const erp::ApiError&)
	{
		return problem(who.language, who, 404, "error.not_found");
	}
}


WebResponse WebUi::routeAdmin(const WebRequest& request, const SignedIn& who)
{
	// Administrators only: the API would refuse accountants too (the
	// plugins' switch by its route's role, which an in-process call skips).
	if (who.user.role != erp::Role::ADMIN) return problem(who.language, who, 403, "error.forbidden");
	const bool reading = request.method == "GET" || request.method == "HEAD";
	const std::string& path = request.path;
	if (path == "/audit")
		return reading ? _auditPages->list(request, who) : problem(who.language, who, 405, "error.method");
	if (path == "/users")
	{
		if (reading) return _userPages->list(request, who);
		return request.method == "POST" ? _userPages->add(request, who)
										: problem(who.language, who, 405, "error.method");
	}
	if (startsWith(path, "/users/"))
	{
		const std::vector<std::string> parts = segments(path.substr(6));
		if (parts.size() != 1) return problem(who.language, who, 404, "error.not_found");
		if (request.method != "POST") return problem(who.language, who, 405, "error.method");
		try
		{
			return _userPages->change(request, who, parts[0]);
		}
		catch (const erp::ApiError&)
		{
			return problem(who.language, who, 404, "error.not_found");
		}
	}
	if (path == "/plugins")
		return reading ? _pluginAdmin->list(request, who) : problem(who.language, who, 405, "error.method");
	const std::string id = path.substr(9);
	if (id.empty() || id.size() > 64 ||
		id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != std::string::npos)
		return problem(who.language, who, 404, "error.not_found");
	if (request.method != "POST") return problem(who.language, who, 405, "error.method");
	try
	{
		return _pluginAdmin->change(request, who, id);
	}
	catch (const erp::ApiError&)
	{
		return problem(who.language, who, 404, "error.not_found");
	}
}


WebResponse WebUi::signInPage(const std::string& language, const std::string& user, const std::string& next,
							  const std::string& errorField, const std::string& error, int status)
{
	WebResponse response;
	response.status = status;
	PageRenderer::Frame frame{language, _messages->text(language, "sign_in.title"), "", "", "", "", false, {}};
	response.body = _pages->render("sign_in.tpl", frame, [&](ctemplate::TemplateDictionary& page) {
		page.SetValue("USER", user);
		page.SetValue("NEXT", next);
		if (errorField.empty()) return;
		std::string section = errorField;
		std::transform(section.begin(), section.end(), section.begin(), ::toupper);
		page.SetValueAndShowSection("ERROR", error, section + "_ERROR");
		page.ShowSection(section + "_INVALID");
	});
	return response;
}


WebResponse WebUi::signIn(const WebRequest& request, const std::string& language)
{
	const std::map<std::string, std::string> fields = FormData::parse(request.body);
	const std::string name = Poco::trim(formField(fields, "user")).substr(0, 64);
	const std::string password = formField(fields, "password");
	const std::string next = safeNext(formField(fields, "next"));
	if (name.empty())
		return signInPage(language, name, next, "user", _messages->text(language, "sign_in.error.user"), 422);

	// Refused before the password is looked at: a guesser learns nothing.
	const int wait = _throttle.retryAfter(name, request.clientAddress);
	if (wait > 0)
	{
		WebResponse response = signInPage(language, name, next, "password",
										  Poco::replace(_messages->text(language, "sign_in.error.throttled"),
														std::string("{seconds}"), std::to_string(wait)),
										  429);
		response.headers.emplace_back("Retry-After", std::to_string(wait));
		return response;
	}
	const std::optional<UserDirectory::User> user = _users.checkPassword(name, password);
	Poco::JSON::Object details;
	details.set("address", request.clientAddress);
	if (!user)
	{
		_throttle.failed(name, request.clientAddress);
		_audit.append({"anonymous", "user.sign_in.fail", "user", name, erp::AuditEntry::json(details)});
		return signInPage(language, name, next, "password", _messages->text(language, "sign_in.error.wrong"), 401);
	}
	_throttle.succeeded(name);
	const std::string id = _sessions.open(user->name);
	_audit.append({user->name, "user.sign_in", "user", user->name, erp::AuditEntry::json(details)});
	WebResponse response = WebResponse::redirect(next);
	response.headers.emplace_back("Set-Cookie", sessionCookie(id));
	return response;
}


WebResponse WebUi::chooseLanguage(const WebRequest& request, const SignedIn& who)
{
	const std::map<std::string, std::string> fields = FormData::parse(request.body);
	const std::string chosen = formField(fields, "language");
	if (chosen != "el" && chosen != "en") return problem(who.language, who, 400, "error.bad_request");
	_users.setLanguage(who.user.name, chosen);
	// Back to the page it was chosen on: the Referer's path, when it is this host's.
	std::string back = "/";
	const std::string referer = request.header("referer");
	const std::size_t scheme = referer.find("://");
	if (scheme != std::string::npos)
	{
		const std::size_t path = referer.find('/', scheme + 3);
		if (path != std::string::npos && referer.substr(scheme + 3, path - scheme - 3) == request.header("host"))
			back = safeNext(referer.substr(path));
	}
	return WebResponse::redirect(back);
}


WebResponse WebUi::signOut(const WebRequest& request, const SignedIn& who)
{
	_sessions.close(request.cookie(cookieName()));
	Poco::JSON::Object details;
	details.set("address", request.clientAddress);
	_audit.append({who.user.name, "user.sign_out", "user", who.user.name, erp::AuditEntry::json(details)});
	WebResponse response = WebResponse::redirect("/sign-in");
	response.headers.emplace_back("Set-Cookie", endedCookie());
	return response;
}


WebResponse WebUi::home(const SignedIn& who)
{
	WebResponse response;
	response.body = _pages->render("home.tpl", who.frame(_messages->text(who.language, "home.title"), "home"),
								   [&](ctemplate::TemplateDictionary& page) {
									   page.SetValue("USER", who.user.name);
									   page.SetValue("ROLE", who.roleLabel);
								   });
	return response;
}


WebResponse WebUi::problem(const std::string& language, const std::optional<SignedIn>& who, int status,
						   const std::string& key)
{
	return ProblemPage::render(*_pages, *_messages, language, who, status, key);
}


} // namespace host
