//
// PluginPages.cpp
//


#include "web/PluginPages.h"
#include "erp/AuditLog.h"
#include "web/FormData.h"
#include "web/FormJson.h"
#include "web/JsonDictionary.h"
#include "web/ProblemPage.h"
#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <algorithm>
#include <ctemplate/template.h>


namespace host {


namespace {

// What vouches for an action's notice in the redirect's address: an HMAC
// of the action and its summary, keyed with the session's CSRF token.
std::string seal(const std::string& csrf, const std::string& done, const std::string& result,
				 const std::string& outcome)
{
	Poco::HMACEngine<Poco::SHA1Engine> hmac(csrf);
	hmac.update(done + "\n" + result + "\n" + outcome);
	return Poco::DigestEngine::digestToHex(hmac.digest());
}

bool allowed(const SignedIn& who, erp::Role minimum)
{
	return static_cast<int>(who.user.role) >= static_cast<int>(minimum);
}

std::string encoded(const std::string& text)
{
	std::string out;
	Poco::URI::encode(text, "&=+?#/;%", out);
	return out;
}

} // namespace


PluginPages::PluginPages(const PluginUi& plugins, const PageRenderer& pages, const MessageCatalog& messages):
	_plugins(plugins),
	_pages(pages),
	_messages(messages)
{}


WebResponse PluginPages::problem(const SignedIn& who, int status, const std::string& key) const
{
	return ProblemPage::render(_pages, _messages, who.language, who, status, key);
}


WebResponse PluginPages::show(const WebRequest& request, const SignedIn& who, const std::string& plugin,
							  const std::string& pageId) const
{
	const auto declared = _plugins.screens().find(plugin);
	const erp::PluginPage* page = declared ? declared->page(pageId) : nullptr;
	if (!page || !_plugins.active(*declared, who)) return problem(who, 404, "error.not_found");
	if (!allowed(who, page->minimum)) return problem(who, 403, "error.forbidden");
	return render(request, who, *declared, *page, "", "", 200);
}


WebResponse PluginPages::act(const WebRequest& request, const SignedIn& who, const std::string& plugin,
							 const std::string& pageId) const
{
	const auto declared = _plugins.screens().find(plugin);
	const erp::PluginPage* page = declared ? declared->page(pageId) : nullptr;
	if (!page || !_plugins.active(*declared, who)) return problem(who, 404, "error.not_found");
	if (!allowed(who, page->minimum)) return problem(who, 403, "error.forbidden");
	const std::multimap<std::string, std::string> form = FormData::parseAll(request.body);
	auto named = form.find("action");
	const erp::PageAction* action = nullptr;
	for (const erp::PageAction& each: page->actions)
		if (named != form.end() && each.name == named->second) action = &each;
	if (!action) return problem(who, 400, "error.bad_request");
	if (!allowed(who, action->minimum)) return problem(who, 403, "error.forbidden");

	Poco::JSON::Object::Ptr body = FormJson::body(action->fields, form, who.user.role);
	const PluginUi::Answer answer =
		_plugins.call(plugin, action->method, action->route, {}, erp::AuditEntry::json(*body), who);
	if (!answer.ok())
	{
		if (answer.status >= 500) throw Poco::RuntimeException("page action answered " + std::to_string(answer.status));
		PluginUi::Refusal refusal =
			_plugins.refusal(plugin, who.language, answer.errorCode(), answer.errorField(), answer.errorMessage());
		if (refusal.text.empty()) refusal = {_messages.text(who.language, "form.error"), who.language};
		return render(request, who, *declared, *page, refusal.text, answer.errorField(),
					  answer.status == 403 || answer.status == 409 ? answer.status : 422, refusal.language);
	}
	std::string target = "/p/" + plugin + "/" + (action->redirect.empty() ? page->id : action->redirect);
	std::string result;
	if (answer.body && answer.body->has("summary") && answer.body->get("summary").isString())
		result = answer.body->getValue<std::string>("summary").substr(0, 500);
	std::string outcome;
	if (answer.body && answer.body->has("outcome") && answer.body->get("outcome").isString() &&
		PluginUi::isCode(answer.body->getValue<std::string>("outcome")))
		outcome = answer.body->getValue<std::string>("outcome");
	target += "?done=" + encoded(action->name);
	if (!result.empty()) target += "&result=" + encoded(result);
	if (!outcome.empty()) target += "&outcome=" + outcome;
	target += "&seal=" + seal(who.csrf, action->name, result, outcome);
	return WebResponse::redirect(target);
}


WebResponse PluginPages::render(const WebRequest& request, const SignedIn& who,
								const ScreenRegistry::Declared& declared, const erp::PluginPage& page,
								const std::string& error, const std::string& errorField, int status,
								const std::string& errorLanguage) const
{
	// The page's own parameters that its view route takes (a page's URL
	// may carry others, as links from mail or bookmarks do: they are left
	// out, not refused), and the reader's language.
	std::map<std::string, std::string> query = request.query;
	query.erase("done");
	query.erase("result");
	query.erase("seal");
	query.erase("outcome");
	if (const auto accepted = _plugins.acceptedQuery(declared.plugin, "GET", page.viewRoute))
		for (auto it = query.begin(); it != query.end();)
			it = accepted->count(it->first) ? std::next(it) : query.erase(it);
	query["language"] = who.language;
	const PluginUi::Answer view = _plugins.call(declared.plugin, "GET", page.viewRoute, query, "", who);
	if (view.status == 400 || view.status == 404)
		return problem(who, view.status, view.status == 404 ? "error.not_found" : "error.bad_request");
	if (!view.ok() || !view.body)
		throw Poco::RuntimeException("page view route answered " + std::to_string(view.status));

	ctemplate::TemplateDictionary dictionary("plugin-page");
	for (const auto& [key, text]: declared.messages->all(who.language))
	{
		std::string name = "T_" + key;
		std::replace(name.begin(), name.end(), '.', '_');
		dictionary.SetTemplateGlobalValue(name, text);
	}
	dictionary.SetTemplateGlobalValue("CSRF", who.csrf);
	dictionary.SetTemplateGlobalValue("LANG", who.language);
	dictionary.SetTemplateGlobalValue("PLUGIN", declared.plugin);
	dictionary.SetTemplateGlobalValue("PAGE_URL", "/p/" + declared.plugin + "/" + page.id);
	if (who.user.role == erp::Role::ADMIN) dictionary.ShowTemplateGlobalSection("IS_ADMIN");
	// The notice of an action done, only as this session's redirect
	// wrote it: a link may not put its own words in the page's green box.
	auto done = request.query.find("done");
	auto result = request.query.find("result");
	auto outcome = request.query.find("outcome");
	auto sealed = request.query.find("seal");
	const std::string resultText = result == request.query.end() ? std::string() : result->second;
	const std::string outcomeCode = outcome == request.query.end() ? std::string() : outcome->second;
	if (done != request.query.end() &&
		(sealed == request.query.end() || sealed->second != seal(who.csrf, done->second, resultText, outcomeCode)))
		done = result = request.query.end();
	if (done != request.query.end() && error.empty())
	{
		dictionary.SetValueAndShowSection("DONE", done->second.substr(0, 64), "HAS_DONE");
		// DONE_<NAME> for a declared action, so that the template words
		// each action's notice: "test-email" shows DONE_TEST_EMAIL.
		for (const erp::PageAction& action: page.actions)
			if (action.name == done->second)
			{
				std::string section = "DONE_" + Poco::toUpper(action.name);
				std::replace(section.begin(), section.end(), '-', '_');
				dictionary.ShowTemplateGlobalSection(section);
			}
		// OUTCOME_<CODE> for the answer's outcome, or NO_OUTCOME: the
		// template words each outcome its routes answer.
		if (PluginUi::isCode(outcomeCode))
			dictionary.ShowTemplateGlobalSection("OUTCOME_" + Poco::toUpper(outcomeCode));
		else
			dictionary.ShowTemplateGlobalSection("NO_OUTCOME");
	}
	if (done != request.query.end() && result != request.query.end() && error.empty())
		dictionary.SetValueAndShowSection("RESULT", result->second.substr(0, 500), "HAS_RESULT");
	if (!error.empty())
	{
		dictionary.SetValueAndShowSection("ERROR", error, "HAS_ERROR");
		dictionary.SetValue("ERROR_FIELD", errorField);
		dictionary.SetValue("ERROR_LANG", errorLanguage);
	}
	JsonDictionary::fill(dictionary, *view.body);

	std::string html;
	if (!declared.templates->ExpandNoLoad(page.templateFile, ctemplate::DO_NOT_STRIP, &dictionary, nullptr, &html))
		throw Poco::RuntimeException("plugin page template expansion failed", page.templateFile);

	WebResponse response;
	response.status = status;
	response.body = _pages.render(
		"plugin_page.tpl", who.frame(PluginUi::text(page.label, who.language), "/p/" + declared.plugin + "/" + page.id),
		[&](ctemplate::TemplateDictionary& content) { content.SetValue("BODY", html); });
	return response;
}


} // namespace host
