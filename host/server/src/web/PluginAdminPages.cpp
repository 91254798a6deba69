//
// PluginAdminPages.cpp
//


#include "web/PluginAdminPages.h"
#include "erp/ApiError.h"
#include "web/ApiCall.h"
#include "web/FormData.h"
#include <Poco/JSON/Array.h>
#include <Poco/String.h>


namespace host {


namespace {

std::string joined(const Poco::JSON::Object::Ptr& item, const std::string& key)
{
	if (!item->has(key) || item->isNull(key)) return std::string();
	Poco::JSON::Array::Ptr list = item->getArray(key);
	std::string text;
	for (std::size_t i = 0; !list.isNull() && i < list->size(); ++i)
		text += (text.empty() ? "" : ", ") + list->get(static_cast<unsigned>(i)).convert<std::string>();
	return text;
}

// The manifest's name: a text, or one per language ({"el": ..., "en": ...}).
std::string nameIn(const Poco::JSON::Object::Ptr& item, const std::string& language)
{
	if (!item->has("name") || item->isNull("name")) return std::string();
	const Poco::Dynamic::Var name = item->get("name");
	if (name.type() != typeid(Poco::JSON::Object::Ptr)) return name.isString() ? name.convert<std::string>() : "";
	const Poco::JSON::Object::Ptr names = name.extract<Poco::JSON::Object::Ptr>();
	for (const std::string& choice: {language, std::string("en"), std::string("el")})
		if (names->has(choice) && names->get(choice).isString()) return names->getValue<std::string>(choice);
	return std::string();
}

} // namespace


PluginAdminPages::PluginAdminPages(PluginResource& plugins, const PageRenderer& pages, const MessageCatalog& messages):
	_plugins(plugins),
	_pages(pages),
	_messages(messages)
{}


WebResponse PluginAdminPages::list(const WebRequest& request, const SignedIn& who) const
{
	std::string notice;
	auto done = request.query.find("done");
	if (done != request.query.end() && (done->second == "enabled" || done->second == "disabled"))
		notice = _messages.text(who.language, "plugins.done." + done->second);
	return page(who, notice, "", 200);
}


WebResponse PluginAdminPages::change(const WebRequest& request, const SignedIn& who, const std::string& id) const
{
	const std::map<std::string, std::string> fields = FormData::parse(request.body);
	auto enabled = fields.find("enabled");
	if (enabled == fields.end() || (enabled->second != "true" && enabled->second != "false"))
		return page(who, "", _messages.text(who.language, "error.bad_request"), 400);
	erp::HttpRequest api = ApiCall::request(who, "PUT", "/api/plugins/" + id);
	api.params["id"] = id;
	api.body = std::string("{\"enabled\": ") + enabled->second + "}";
	try
	{
		_plugins.put(api);
	}
	catch (const erp::ApiError& error)
	{
		if (error.status() == 404) throw;
		return page(who, "", _messages.text(who.language, "plugins.error.refused"), error.status() == 409 ? 409 : 400);
	}
	return WebResponse::redirect(std::string("/plugins?done=") + (enabled->second == "true" ? "enabled" : "disabled"));
}


WebResponse PluginAdminPages::page(const SignedIn& who, const std::string& notice, const std::string& error,
								   int status) const
{
	const std::string language = who.language;
	Poco::JSON::Array::Ptr items =
		ApiCall::object(_plugins.list(ApiCall::request(who, "GET", "/api/plugins")))->getArray("items");
	WebResponse response;
	response.status = status;
	response.body = _pages.render(
		"plugins.tpl", who.frame(_messages.text(language, "plugins.title"), "plugins"),
		[&](ctemplate::TemplateDictionary& dict) {
			if (!notice.empty()) dict.SetValueAndShowSection("NOTICE", notice, "HAS_NOTICE");
			if (!error.empty()) dict.SetValueAndShowSection("ERROR", error, "HAS_ERROR");
			dict.ShowSection(items->size() == 0 ? "EMPTY" : "LIST");
			for (std::size_t i = 0; i < items->size(); ++i)
			{
				Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
				const std::string id = ApiCall::text(item, "id");
				const std::string state = ApiCall::text(item, "state");
				ctemplate::TemplateDictionary* plugin = dict.AddSectionDictionary("PLUGIN");
				plugin->SetValue("ID", id.empty() ? ApiCall::text(item, "directory") : id);
				const std::string name = nameIn(item, language);
				if (!name.empty() && name != id)
					plugin->SetValueAndShowSection("NAME", name, "HAS_NAME");
				else
					plugin->ShowSection("NO_NAME");
				plugin->SetValue("STATE", state);
				plugin->SetValue("STATE_LABEL", _messages.text(language, "plugins.state." + state));
				const std::string version = ApiCall::text(item, "version");
				if (!version.empty()) plugin->SetValueAndShowSection("VERSION", version, "HAS_VERSION");
				const std::string hooks = joined(item, "hooks"), tasks = joined(item, "tasks");
				if (state == "running")
				{
					plugin->SetValue("HOOKS", hooks.empty() ? _messages.text(language, "plugins.none") : hooks);
					plugin->SetValue("TASKS", tasks.empty() ? _messages.text(language, "plugins.none") : tasks);
					plugin->ShowSection("RUNNING");
				}
				const std::string reason = ApiCall::text(item, "reason");
				if (!reason.empty()) plugin->SetValueAndShowSection("REASON", reason, "HAS_REASON");
				if (id.empty() || state == "refused") continue;
				// Only plugins the host knows by id can be switched.
				ctemplate::TemplateDictionary* button = plugin->AddSectionDictionary("SWITCH");
				button->SetValue("ID", id);
				button->SetValue("ENABLED", state == "running" ? "false" : "true");
				button->SetValue("LABEL",
								 _messages.text(language, state == "running" ? "plugins.disable" : "plugins.enable"));
				button->SetValue("LABEL_FULL",
								 Poco::replace(_messages.text(language, state == "running" ? "plugins.disable.named"
																						   : "plugins.enable.named"),
											   std::string("{id}"), id));
			}
		});
	return response;
}


} // namespace host
