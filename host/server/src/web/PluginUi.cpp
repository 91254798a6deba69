//
// PluginUi.cpp
//


#include "web/PluginUi.h"
#include <Poco/JSON/Parser.h>
#include <algorithm>


namespace host {


std::string PluginUi::Answer::errorField() const
{
	if (!body || !body->has("error") || !body->isObject("error")) return "";
	Poco::JSON::Object::Ptr error = body->getObject("error");
	return error->has("field") && !error->isNull("field") ? error->getValue<std::string>("field") : "";
}


std::string PluginUi::Answer::errorMessage() const
{
	if (!body || !body->has("error") || !body->isObject("error")) return "";
	Poco::JSON::Object::Ptr error = body->getObject("error");
	return error->has("message") ? error->getValue<std::string>("message") : "";
}


std::string PluginUi::Answer::errorCode() const
{
	if (!body || !body->has("error") || !body->isObject("error")) return "";
	Poco::JSON::Object::Ptr error = body->getObject("error");
	return error->has("code") ? error->getValue<std::string>("code") : "";
}


std::vector<PluginUi::Answer::Error> PluginUi::Answer::errors() const
{
	std::vector<Error> all;
	if (!body || !body->has("error") || !body->isObject("error")) return all;
	Poco::JSON::Object::Ptr error = body->getObject("error");
	auto text = [](const Poco::JSON::Object::Ptr& object, const std::string& name) {
		return object->has(name) && !object->isNull(name) && object->get(name).isString()
				   ? object->getValue<std::string>(name)
				   : std::string();
	};
	Poco::JSON::Array::Ptr list = error->has("errors") ? error->getArray("errors") : Poco::JSON::Array::Ptr();
	if (list)
		for (unsigned i = 0; i < list->size(); ++i)
			if (Poco::JSON::Object::Ptr each = list->getObject(i))
				all.push_back({text(each, "code"), text(each, "field"), text(each, "message")});
	if (all.empty()) all.push_back({text(error, "code"), text(error, "field"), text(error, "message")});
	return all;
}


bool PluginUi::isCode(const std::string& code)
{
	return !code.empty() && code.size() <= 40 &&
		   std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}


PluginUi::Refusal PluginUi::refusal(const std::string& plugin, const std::string& language, const std::string& code,
									const std::string& field, const std::string& message) const
{
	const auto declared = _screens.find(plugin);
	if (declared && declared->messages)
	{
		const std::map<std::string, std::string>& texts = declared->messages->all(language);
		const std::string key = code == "invalid_field" && !field.empty() ? "error." + field : "error." + code;
		if (auto word = texts.find(key); word != texts.end()) return {word->second, language};
	}
	return {message, "en"};
}


PluginUi::PluginUi(Router& router, ScreenRegistry& screens, RecordRegistry& records):
	_router(router),
	_screens(screens),
	_records(records)
{}


std::optional<std::set<std::string>> PluginUi::acceptedQuery(const std::string& plugin, const std::string& method,
															 const std::string& route) const
{
	return _router.acceptedQuery(method, "/api/plugins/" + plugin + "/" + route);
}


PluginUi::Answer PluginUi::call(const std::string& plugin, const std::string& method, const std::string& route,
								const std::map<std::string, std::string>& query, const std::string& body,
								const SignedIn& who) const
{
	const erp::HttpResponse response =
		_router.dispatchAs(method, "/api/plugins/" + plugin + "/" + route, query, body, who.user);
	Answer answer;
	answer.status = response.status;
	try
	{
		Poco::Dynamic::Var parsed = Poco::JSON::Parser().parse(response.body);
		if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) answer.body = parsed.extract<Poco::JSON::Object::Ptr>();
	}
	catch (Poco::Exception&)
	{
		// Not JSON: the status alone speaks.
	}
	return answer;
}


bool PluginUi::active(const ScreenRegistry::Declared& declared, const SignedIn& who) const
{
	return who.pluginsOn.count(declared.plugin) > 0;
}


bool PluginUi::switchedOn(const ScreenRegistry::Declared& declared, const SignedIn& who) const
{
	const erp::SettingsTab* tab = declared.switchTab();
	if (!tab) return true;
	const Answer answer = call(declared.plugin, "GET", tab->route, {}, "", who);
	if (!answer.ok() || !answer.body || !answer.body->has(tab->switchField)) return false;
	const Poco::Dynamic::Var value = answer.body->get(tab->switchField);
	return value.isBoolean() && value.convert<bool>();
}


std::vector<std::shared_ptr<const ScreenRegistry::Declared>> PluginUi::activePlugins(const SignedIn& who) const
{
	std::vector<std::shared_ptr<const ScreenRegistry::Declared>> result;
	for (const auto& declared: _screens.all())
		if (active(*declared, who)) result.push_back(declared);
	return result;
}


std::vector<PluginUi::MenuEntry> PluginUi::menu(const SignedIn& who, const std::string& currentUrl) const
{
	std::vector<MenuEntry> entries;
	for (const auto& declared: activePlugins(who))
		for (const erp::PluginPage& page: declared->screens.pages)
		{
			if (!page.inMenu || static_cast<int>(who.user.role) < static_cast<int>(page.minimum)) continue;
			MenuEntry entry;
			entry.url = "/p/" + declared->plugin + "/" + page.id;
			entry.label = text(page.label, who.language);
			entry.current = currentUrl == entry.url;
			entries.push_back(entry);
		}
	return entries;
}


std::string PluginUi::text(const erp::Texts& texts, const std::string& language)
{
	auto it = texts.find(language);
	if (it != texts.end()) return it->second;
	return texts.empty() ? std::string() : texts.begin()->second;
}


} // namespace host
