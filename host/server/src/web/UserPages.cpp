//
// UserPages.cpp
//


#include "web/UserPages.h"
#include "erp/ApiError.h"
#include "web/FormData.h"
#include <Poco/String.h>


namespace host {


namespace {

std::string field(const std::map<std::string, std::string>& fields, const std::string& name)
{
	auto it = fields.find(name);
	return it == fields.end() ? std::string() : it->second;
}

} // namespace


UserPages::UserPages(UserAdministration& users, const PageRenderer& pages, const MessageCatalog& messages):
	_users(users),
	_pages(pages),
	_messages(messages)
{}


WebResponse UserPages::list(const WebRequest& request, const SignedIn& who) const
{
	Outcome outcome;
	auto done = request.query.find("done");
	static const char* const DONE[] = {"added", "role", "password", "revoke_token", "disable", "enable"};
	if (done != request.query.end())
		for (const char* each: DONE)
			if (done->second == each) outcome.notice = _messages.text(who.language, std::string("users.done.") + each);
	return page(who, outcome, 200);
}


WebResponse UserPages::add(const WebRequest& request, const SignedIn& who) const
{
	const std::map<std::string, std::string> fields = FormData::parse(request.body);
	Outcome outcome;
	outcome.newName = Poco::trim(field(fields, "name")).substr(0, 64);
	outcome.newRole = field(fields, "role") == "admin" ? "admin" : "accountant";
	try
	{
		_users.add(who.user.name, outcome.newName, field(fields, "role"), field(fields, "password"));
	}
	catch (const erp::ApiError& error)
	{
		outcome.errorField = error.field().empty() ? "name" : error.field();
		outcome.error = error.what();
		return page(who, outcome, error.status() == 409 ? 409 : 422);
	}
	return WebResponse::redirect("/users?done=added");
}


WebResponse UserPages::change(const WebRequest& request, const SignedIn& who, const std::string& name) const
{
	const std::map<std::string, std::string> fields = FormData::parse(request.body);
	const std::string action = field(fields, "do");
	Outcome outcome;
	try
	{
		if (action == "role")
			_users.setRole(who.user.name, name, field(fields, "role"));
		else if (action == "password")
			_users.setPassword(who.user.name, name, field(fields, "password"));
		else if (action == "issue_token")
		{
			// Shown once, on this answer: never in a URL, a log or the database.
			outcome.token = _users.issueToken(who.user.name, name);
			outcome.notice = _messages.text(who.language, "users.done.issue_token");
			outcome.errorUser = name;
			WebResponse response = page(who, outcome, 200);
			response.headers.emplace_back("Cache-Control", "no-store");
			return response;
		}
		else if (action == "revoke_token")
			_users.revokeToken(who.user.name, name);
		else if (action == "disable" || action == "enable")
			_users.setEnabled(who.user.name, name, action == "enable");
		else
		{
			outcome.errorUser = name;
			outcome.errorField = "do";
			outcome.error = _messages.text(who.language, "error.bad_request");
			return page(who, outcome, 400);
		}
	}
	catch (const erp::ApiError& error)
	{
		if (error.status() == 404) throw;
		outcome.errorUser = name;
		outcome.errorField = error.field().empty() ? "do" : error.field();
		outcome.error = error.what();
		return page(who, outcome, error.status() == 409 ? 409 : 422);
	}
	return WebResponse::redirect("/users?done=" + action);
}


WebResponse UserPages::page(const SignedIn& who, const Outcome& outcome, int status) const
{
	const std::string& language = who.language;
	WebResponse response;
	response.status = status;
	response.body = _pages.render(
		"users.tpl", who.frame(_messages.text(language, "users.title"), "users"),
		[&](ctemplate::TemplateDictionary& page) {
			if (!outcome.notice.empty()) page.SetValueAndShowSection("NOTICE", outcome.notice, "HAS_NOTICE");
			if (!outcome.token.empty())
			{
				ctemplate::TemplateDictionary* token = page.AddSectionDictionary("TOKEN");
				token->SetValue("USER", outcome.errorUser);
				token->SetValue("VALUE", outcome.token);
			}
			if (!outcome.error.empty()) page.ShowSection("HAS_ERRORS");
			// A user's change refused: said at the top too (a user of the
			// configuration has no form to show it beside).
			if (!outcome.error.empty() && !outcome.errorUser.empty())
				page.SetValueAndShowSection("USER_ERROR", outcome.errorUser + ": " + outcome.error, "HAS_USER_ERROR");
			page.SetValue("NEW_NAME", outcome.newName);
			page.ShowSection(outcome.newRole == "admin" ? "NEW_ADMIN" : "NEW_ACCOUNTANT");
			if (!outcome.error.empty() && outcome.errorUser.empty())
			{
				const std::string field = outcome.errorField == "password" || outcome.errorField == "role"
											  ? outcome.errorField
											  : std::string("name");
				ctemplate::TemplateDictionary* error = page.AddSectionDictionary(Poco::toUpper(field) + "_ERROR");
				error->SetValue("ERROR", outcome.error);
				page.ShowSection(Poco::toUpper(field) + "_INVALID");
			}
			for (const UserAdministration::Listed& user: _users.list())
			{
				ctemplate::TemplateDictionary* row = page.AddSectionDictionary("USER");
				row->SetValue("NAME", user.name);
				row->SetValue(
					"ROLE", _messages.text(language, user.role == erp::Role::ADMIN ? "role.admin" : "role.accountant"));
				row->SetValue("STATE", _messages.text(language, user.enabled ? "users.enabled" : "users.disabled"));
				row->SetValue("PASSWORD", _messages.text(language, user.hasPassword ? "users.password_set"
																					: "users.password_none"));
				if (user.origin != "web")
				{
					row->SetValueAndShowSection("CONFIG_NOTE", _messages.text(language, "users.from_config"), "CONFIG");
					continue;
				}
				ctemplate::TemplateDictionary* manage = row->AddSectionDictionary("MANAGE");
				if (user.role == erp::Role::ADMIN)
					manage->ShowSection("IS_ADMIN_ROLE");
				else
					manage->ShowSection("IS_ACCOUNTANT_ROLE");
				manage->ShowSection(user.enabled ? "CAN_DISABLE" : "CAN_ENABLE");
				if (user.enabled) manage->ShowSection("ENABLED");
				if (outcome.errorUser == user.name && !outcome.error.empty())
					manage->SetValueAndShowSection("ERROR", outcome.error, "HAS_ERROR");
			}
		});
	return response;
}


} // namespace host
