//
// SettingsPages.cpp
//


#include "web/SettingsPages.h"
#include "erp/AuditLog.h"
#include "web/FormData.h"
#include "web/FormJson.h"
#include "web/ProblemPage.h"
#include <Poco/JSON/Array.h>
#include <algorithm>
#include <set>


namespace host {


namespace {

std::string valueText(const Poco::JSON::Object& values, const std::string& name)
{
	if (!values.has(name) || values.isNull(name)) return "";
	const Poco::Dynamic::Var value = values.get(name);
	if (value.isInteger()) return std::to_string(value.convert<Poco::Int64>());
	return value.convert<std::string>();
}

bool valueOn(const Poco::JSON::Object& values, const std::string& name)
{
	if (!values.has(name) || values.isNull(name)) return false;
	const Poco::Dynamic::Var value = values.get(name);
	return value.isBoolean() ? value.convert<bool>() : valueText(values, name) == "1";
}

bool allowed(const SignedIn& who, erp::Role minimum)
{
	return static_cast<int>(who.user.role) >= static_cast<int>(minimum);
}

} // namespace


SettingsPages::SettingsPages(const PluginUi& plugins, const PageRenderer& pages, const MessageCatalog& messages):
	_plugins(plugins),
	_pages(pages),
	_messages(messages)
{}


WebResponse SettingsPages::notFound(const SignedIn& who) const
{
	return ProblemPage::render(_pages, _messages, who.language, who, 404, "error.not_found");
}


WebResponse SettingsPages::show(const WebRequest& request, const SignedIn& who, const std::string& plugin,
								const std::string& tab) const
{
	if (plugin.empty())
	{
		for (const auto& declared: _plugins.screens().all())
			if (!declared->screens.tabs.empty())
				return WebResponse::redirect("/settings/" + declared->plugin + "/" + declared->screens.tabs.front().id);
		WebResponse response;
		const std::string title = _messages.text(who.language, "settings.title");
		response.body = _pages.render("settings.tpl", who.frame(title, "settings"),
									  [&](ctemplate::TemplateDictionary& page) { page.ShowSection("NO_TABS"); });
		return response;
	}
	const auto declared = _plugins.screens().find(plugin);
	const erp::SettingsTab* found = declared ? declared->tab(tab) : nullptr;
	if (!found) return notFound(who);
	const PluginUi::Answer answer = _plugins.call(plugin, "GET", found->route, {}, "", who);
	if (!answer.ok() || !answer.body)
		throw Poco::RuntimeException("settings route answered " + std::to_string(answer.status));
	return page(who, *declared, *found, *answer.body, {}, request.query.count("saved") > 0, 200);
}


WebResponse SettingsPages::save(const WebRequest& request, const SignedIn& who, const std::string& plugin,
								const std::string& tab) const
{
	const auto declared = _plugins.screens().find(plugin);
	const erp::SettingsTab* found = declared ? declared->tab(tab) : nullptr;
	if (!found) return notFound(who);
	const std::multimap<std::string, std::string> form = FormData::parseAll(request.body);

	bool switchWasOn = false;
	if (!found->switchField.empty())
	{
		const PluginUi::Answer before = _plugins.call(plugin, "GET", found->route, {}, "", who);
		switchWasOn = before.ok() && before.body && valueOn(*before.body, found->switchField);
	}
	Poco::JSON::Object::Ptr body = FormJson::body(found->fields, form, who.user.role);
	const PluginUi::Answer answer = _plugins.call(plugin, "PUT", found->route, {}, erp::AuditEntry::json(*body), who);
	if (!answer.ok())
	{
		if (answer.status >= 500 || answer.status == 404)
			throw Poco::RuntimeException("settings route answered " + std::to_string(answer.status));
		// The form as sent, with the route's error beside its field.
		Poco::JSON::Object shown;
		for (const erp::ScreenField& field: found->fields)
		{
			if (field.type == "password") continue;
			if (field.type == "bool")
			{
				auto it = form.equal_range(field.name);
				bool on = false;
				for (auto i = it.first; i != it.second; ++i)
					on = i->second != "0" && i->second != "false";
				shown.set(field.name, on);
			}
			else if (auto it = form.find(field.name); it != form.end())
				shown.set(field.name, it->second);
		}
		std::vector<Problem> problems;
		for (const PluginUi::Answer::Error& error: answer.errors())
		{
			const PluginUi::Refusal refusal =
				_plugins.refusal(plugin, who.language, error.code, error.field, error.message);
			problems.push_back({error.field.empty() ? "form" : error.field, refusal.text, refusal.language});
		}
		return page(who, *declared, *found, shown, problems, false, answer.status == 403 ? 403 : 422);
	}
	if (!found->switchField.empty() && !found->pageAfterSwitchOn.empty() && !switchWasOn && answer.body &&
		answer.body->has(found->switchField) && valueOn(*answer.body, found->switchField))
		return WebResponse::redirect("/p/" + plugin + "/" + found->pageAfterSwitchOn + "?switched_on=1");
	return WebResponse::redirect("/settings/" + plugin + "/" + tab + "?saved=1");
}


WebResponse SettingsPages::page(const SignedIn& who, const ScreenRegistry::Declared& declared,
								const erp::SettingsTab& tab, const Poco::JSON::Object& values,
								const std::vector<Problem>& problems, bool saved, int status) const
{
	const std::string& language = who.language;
	const std::string title = _messages.text(language, "settings.title");
	const std::string url = "/settings/" + declared.plugin + "/" + tab.id;
	WebResponse response;
	response.status = status;
	response.body =
		_pages.render("settings.tpl", who.frame(title, "settings"), [&](ctemplate::TemplateDictionary& page) {
			ctemplate::TemplateDictionary* tabs = page.AddSectionDictionary("TABS");
			for (const auto& other: _plugins.screens().all())
				for (const erp::SettingsTab& each: other->screens.tabs)
				{
					ctemplate::TemplateDictionary* link = tabs->AddSectionDictionary("TAB");
					link->SetValue("URL", "/settings/" + other->plugin + "/" + each.id);
					link->SetValue("LABEL", PluginUi::text(each.label, language));
					if (other->plugin == declared.plugin && each.id == tab.id) link->ShowSection("CURRENT");
				}
			ctemplate::TemplateDictionary* form = page.AddSectionDictionary("FORM");
			form->SetValue("ACTION", url);
			form->SetValue("HEADING", PluginUi::text(tab.label, language));
			if (saved) form->ShowSection("SAVED");
			std::set<std::string> shownBeside;
			for (const erp::ScreenField& field: tab.fields)
			{
				if (!allowed(who, field.minimum)) continue;
				ctemplate::TemplateDictionary* row = form->AddSectionDictionary("FIELD");
				const std::string id = "f-" + field.name;
				row->SetValue("ID", id);
				row->SetValue("NAME", field.name);
				row->SetValue("LABEL", PluginUi::text(field.label, language));
				std::string describedBy;
				std::string help = PluginUi::text(field.help, language);
				if (field.type == "password")
				{
					// Whether one is saved, when the route answers "<name>_set".
					const std::string state =
						valueOn(values, field.name + "_set")
							? "settings.write_only_set"
							: (values.has(field.name + "_set") ? "settings.write_only_none" : "settings.write_only");
					help += (help.empty() ? "" : " ") + _messages.text(language, state);
				}
				if (!help.empty())
				{
					row->SetValueAndShowSection("HELP", help, "HAS_HELP");
					describedBy = id + "-help";
				}
				if (field.minimum == erp::Role::ADMIN) row->ShowSection("ADMIN_ONLY");
				const auto problem = std::find_if(problems.begin(), problems.end(),
												  [&](const Problem& each) { return each.field == field.name; });
				if (problem != problems.end())
				{
					shownBeside.insert(field.name);
					row->SetValueAndShowSection("ERROR", problem->message, "HAS_ERROR");
					row->SetValue("ERROR_LANG", problem->language);
					row->ShowSection("INVALID");
					describedBy += (describedBy.empty() ? "" : " ") + id + "-error";
				}
				if (!describedBy.empty()) row->SetValueAndShowSection("DESCRIBEDBY", describedBy, "HAS_DESCRIBEDBY");
				const std::string value = valueText(values, field.name);
				if (field.type == "bool")
				{
					ctemplate::TemplateDictionary* input = row->AddSectionDictionary("CHECKBOX");
					if (valueOn(values, field.name)) input->ShowSection("CHECKED");
				}
				else if (field.type == "choice")
				{
					ctemplate::TemplateDictionary* select = row->AddSectionDictionary("SELECT");
					for (const erp::ScreenChoice& choice: field.choices)
					{
						ctemplate::TemplateDictionary* option = select->AddSectionDictionary("OPTION");
						option->SetValue("VALUE", choice.value);
						option->SetValue("LABEL", PluginUi::text(choice.label, language));
						if (choice.value == value) option->ShowSection("SELECTED");
					}
				}
				else
				{
					ctemplate::TemplateDictionary* input = row->AddSectionDictionary("INPUT");
					// A whole number is text with a numeric keyboard: a number
					// input drops what it cannot read, and "7,5" reached the
					// plugin as 75 and was saved (RecordFieldsForm likewise).
					static const std::map<std::string, std::string> TYPES = {
						{"email", "email"}, {"time", "time"}, {"password", "password"}};
					auto type = TYPES.find(field.type);
					input->SetValue("TYPE", type == TYPES.end() ? "text" : type->second);
					if (field.type == "password")
						input->SetValue("AUTOCOMPLETE", "new-password");
					else
					{
						input->SetValue("VALUE", value);
						input->SetValue("AUTOCOMPLETE", field.type == "email" ? "email" : "off");
					}
					if (field.type == "int") input->ShowSection("NUMERIC");
				}
			}
			if (problems.empty()) return;
			// One field or more beside their fields; the first error that
			// none of the tab's fields shows (the form's own, or a field the
			// user does not see) above the form.
			if (!shownBeside.empty()) form->ShowSection(shownBeside.size() == 1 ? "HAS_ERRORS" : "HAS_MANY_ERRORS");
			for (const Problem& problem: problems)
			{
				if (shownBeside.count(problem.field)) continue;
				form->SetValueAndShowSection(
					"FORM_ERROR", problem.message.empty() ? _messages.text(language, "form.error") : problem.message,
					"HAS_FORM_ERROR");
				form->SetValue("FORM_ERROR_LANG", problem.message.empty() ? language : problem.language);
				break;
			}
		});
	return response;
}


} // namespace host
