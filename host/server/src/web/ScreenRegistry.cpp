//
// ScreenRegistry.cpp
//


#include "web/ScreenRegistry.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <algorithm>
#include <ctemplate/template.h>
#include <mutex>
#include <set>


namespace host {


namespace {

void requireTexts(const erp::Texts& texts, const std::string& what, bool optional = false)
{
	if (optional && texts.empty()) return;
	for (const std::string& language: MessageCatalog::LANGUAGES)
	{
		auto it = texts.find(language);
		if (it == texts.end() || it->second.empty())
			throw Poco::InvalidArgumentException(what + " has no text in " + language);
	}
}

void requireId(const std::string& id, const std::string& what)
{
	const bool ok = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
	});
	if (!ok) throw Poco::InvalidArgumentException(what + " id must be [a-z0-9-]+: \"" + id + "\"");
}

void requireRoute(const std::string& route, const std::string& what)
{
	if (route.empty() || route[0] == '/' || route.find("..") != std::string::npos)
		throw Poco::InvalidArgumentException(what + " needs a route relative to the plugin's prefix: \"" + route +
											 "\"");
}

void requireRole(erp::Role role, const std::string& what)
{
	if (role != erp::Role::ACCOUNTANT && role != erp::Role::ADMIN)
		throw Poco::InvalidArgumentException(what + " has an unknown role");
}

void checkField(const erp::ScreenField& field, const std::set<std::string>& types, const std::string& where)
{
	const std::string what = where + " field \"" + field.name + "\"";
	if (field.name.empty()) throw Poco::InvalidArgumentException(where + " has a field without a name");
	if (!types.count(field.type)) throw Poco::InvalidArgumentException(what + " has an unknown type: " + field.type);
	requireTexts(field.label, what + "'s label");
	requireTexts(field.help, what + "'s help", true);
	requireRole(field.minimum, what);
	if (field.type == "choice" && field.choices.empty())
		throw Poco::InvalidArgumentException(what + " is a choice without choices");
	for (const erp::ScreenChoice& choice: field.choices)
		requireTexts(choice.label, what + "'s choice \"" + choice.value + "\"");
}

void requireEntity(const std::string& entity, const std::string& what)
{
	if (entity != "customer" && entity != "invoice")
		throw Poco::InvalidArgumentException(what + " names an unknown entity: " + entity);
}

} // namespace


const erp::SettingsTab* ScreenRegistry::Declared::tab(const std::string& id) const
{
	for (const erp::SettingsTab& tab: screens.tabs)
		if (tab.id == id) return &tab;
	return nullptr;
}


const erp::PluginPage* ScreenRegistry::Declared::page(const std::string& id) const
{
	for (const erp::PluginPage& page: screens.pages)
		if (page.id == id) return &page;
	return nullptr;
}


const erp::SettingsTab* ScreenRegistry::Declared::switchTab() const
{
	for (const erp::SettingsTab& tab: screens.tabs)
		if (!tab.switchField.empty()) return &tab;
	return nullptr;
}


void ScreenRegistry::check(const erp::ScreenSet& screens)
{
	static const std::set<std::string> SETTING_TYPES = {"bool", "int",  "text",   "email",
														"time", "zone", "choice", "password"};
	static const std::set<std::string> ACTION_TYPES = {"bool", "int", "text", "ids"};
	std::set<std::string> tabs, pages;
	for (const erp::PluginPage& page: screens.pages)
	{
		requireId(page.id, "a page");
		if (!pages.insert(page.id).second) throw Poco::InvalidArgumentException("two pages named " + page.id);
	}
	int switches = 0;
	for (const erp::SettingsTab& tab: screens.tabs)
	{
		const std::string what = "settings tab \"" + tab.id + "\"";
		requireId(tab.id, "a settings tab");
		if (!tabs.insert(tab.id).second) throw Poco::InvalidArgumentException("two settings tabs named " + tab.id);
		requireTexts(tab.label, what + "'s label");
		requireRoute(tab.route, what);
		if (tab.fields.empty()) throw Poco::InvalidArgumentException(what + " has no field");
		bool switchFound = tab.switchField.empty();
		for (const erp::ScreenField& field: tab.fields)
		{
			checkField(field, SETTING_TYPES, what);
			if (field.name == tab.switchField)
			{
				if (field.type != "bool") throw Poco::InvalidArgumentException(what + "'s switch is not a bool field");
				switchFound = true;
			}
		}
		if (!switchFound) throw Poco::InvalidArgumentException(what + "'s switch is none of its fields");
		if (!tab.switchField.empty()) ++switches;
		if (!tab.pageAfterSwitchOn.empty() && !pages.count(tab.pageAfterSwitchOn))
			throw Poco::InvalidArgumentException(what + " sends to an undeclared page: " + tab.pageAfterSwitchOn);
	}
	if (switches > 1) throw Poco::InvalidArgumentException("more than one settings tab has a switch");
	for (const erp::FormDefault& preset: screens.defaults)
	{
		if (preset.entity != "invoice")
			throw Poco::InvalidArgumentException("a form default is only offered on the invoice form");
		if (preset.field.empty() || preset.from.compare(0, 9, "customer.") != 0)
			throw Poco::InvalidArgumentException("a form default needs a field and a \"customer.\" source");
	}
	for (const erp::ListAction& action: screens.actions)
	{
		requireEntity(action.entity, "a list action");
		requireTexts(action.label, "a list action's label");
		requireRoute(action.stateRoute, "a list action's state");
		requireRoute(action.toggleRoute, "a list action's toggle");
		if (action.toggleField.empty()) throw Poco::InvalidArgumentException("a list action has no toggle field");
	}
	for (const erp::RecordView& view: screens.views)
	{
		requireEntity(view.entity, "a record view");
		requireTexts(view.label, "a record view's label");
		requireTexts(view.empty, "a record view's empty text");
		requireTexts(view.note, "a record view's note", true);
		requireRoute(view.route, "a record view");
		if (view.columns.empty()) throw Poco::InvalidArgumentException("a record view has no column");
		for (const erp::ViewColumn& column: view.columns)
		{
			requireTexts(column.label, "record view column \"" + column.key + "\"");
			if (column.kind != "text" && column.kind != "date" && column.kind != "datetime")
				throw Poco::InvalidArgumentException("record view column \"" + column.key +
													 "\" has an unknown kind: " + column.kind);
		}
	}
	for (const erp::PluginPage& page: screens.pages)
	{
		const std::string what = "page \"" + page.id + "\"";
		requireTexts(page.label, what + "'s label");
		requireRole(page.minimum, what);
		requireRoute(page.viewRoute, what);
		if (page.templateFile.empty() || page.templateFile.find('/') != std::string::npos)
			throw Poco::InvalidArgumentException(what + " needs a template file name in web/");
		std::set<std::string> names;
		for (const erp::PageAction& action: page.actions)
		{
			const std::string where = what + "'s action \"" + action.name + "\"";
			if (action.name.empty() || !names.insert(action.name).second)
				throw Poco::InvalidArgumentException(what + " has an action without a name, or two of one name");
			if (action.method != "POST" && action.method != "PUT")
				throw Poco::InvalidArgumentException(where + " must use POST or PUT");
			requireRoute(action.route, where);
			requireRole(action.minimum, where);
			if (!action.redirect.empty() && !pages.count(action.redirect))
				throw Poco::InvalidArgumentException(where + " sends to an undeclared page: " + action.redirect);
			for (const erp::ScreenField& field: action.fields)
				if (!ACTION_TYPES.count(field.type))
					throw Poco::InvalidArgumentException(where + " field \"" + field.name +
														 "\" has an unknown type: " + field.type);
		}
	}
}


void ScreenRegistry::declare(const std::string& plugin, const std::string& directory, const erp::ScreenSet& screens)
{
	check(screens);
	auto declared = std::make_shared<Declared>();
	declared->plugin = plugin;
	declared->screens = screens;
	if (!screens.pages.empty())
	{
		const std::string folder = directory + "/templates/web";
		declared->messages = std::make_unique<MessageCatalog>(folder + "/messages");
		declared->templates = std::make_unique<ctemplate::TemplateCache>();
		for (const erp::PluginPage& page: screens.pages)
		{
			const std::string path = folder + "/" + page.templateFile;
			if (!Poco::File(path).exists()) throw Poco::FileNotFoundException("page template missing", path);
			std::string content;
			Poco::FileInputStream in(path);
			Poco::StreamCopier::copyToString(in, content);
			if (content.find("{{%AUTOESCAPE context=\"HTML\"}}") != 0)
				throw Poco::DataFormatException("a page template must start with {{%AUTOESCAPE context=\"HTML\"}}",
												path);
			if (!declared->templates->StringToTemplateCache(page.templateFile, content, ctemplate::DO_NOT_STRIP))
				throw Poco::DataFormatException("page template cannot be parsed", path);
		}
		declared->templates->Freeze();
	}
	std::unique_lock<std::shared_mutex> lock(_mutex);
	_declared[plugin] = std::move(declared);
}


void ScreenRegistry::withdraw(const std::string& plugin)
{
	std::unique_lock<std::shared_mutex> lock(_mutex);
	_declared.erase(plugin);
}


bool ScreenRegistry::knows(const std::string& plugin) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	return _declared.count(plugin) > 0;
}


std::shared_ptr<const ScreenRegistry::Declared> ScreenRegistry::find(const std::string& plugin) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	auto it = _declared.find(plugin);
	return it == _declared.end() ? nullptr : it->second;
}


std::vector<std::shared_ptr<const ScreenRegistry::Declared>> ScreenRegistry::all() const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	std::vector<std::shared_ptr<const Declared>> result;
	for (const auto& entry: _declared)
		result.push_back(entry.second);
	return result;
}


} // namespace host
