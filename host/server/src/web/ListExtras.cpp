//
// ListExtras.cpp
//


#include "web/ListExtras.h"
#include "erp/AuditLog.h"
#include "web/DisplayFormat.h"
#include "web/FormData.h"
#include "web/ProblemPage.h"
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <algorithm>


namespace host {


namespace {

std::string replaced(std::string route, const std::string& id)
{
	const std::size_t at = route.find("{id}");
	if (at != std::string::npos) route.replace(at, 4, id);
	return route;
}

std::string cellText(const Poco::JSON::Object& item, const erp::ViewColumn& column, const std::string& language,
					 const std::string& timeZone)
{
	if (!item.has(column.key) || item.isNull(column.key)) return "";
	const Poco::Dynamic::Var value = item.get(column.key);
	std::string text = value.isInteger() ? std::to_string(value.convert<Poco::Int64>()) : value.convert<std::string>();
	if (column.kind == "date" && text.size() == 10)
	{
		// YYYY-MM-DD as the page's language writes it.
		const std::string day = text.substr(8, 2), month = text.substr(5, 2), year = text.substr(0, 4);
		return language == "el" ? day + "/" + month + "/" + year : year + "-" + month + "-" + day;
	}
	// An instant (what erp::Instant writes) in the business's time zone,
	// which it names.
	if (column.kind == "datetime") return DisplayFormat::instant(text, timeZone, language);
	return text;
}

void icon(ctemplate::TemplateDictionary& dictionary, const std::string& name)
{
	ctemplate::TemplateDictionary* include = dictionary.AddIncludeDictionary("ICON");
	include->SetFilename("icon.tpl");
	include->ShowSection(Poco::toUpper(name));
}

} // namespace


ListExtras::ListExtras(const PluginUi& plugins, const PageRenderer& pages, const MessageCatalog& messages,
					   const erp::Clock& clock):
	_plugins(plugins),
	_pages(pages),
	_messages(messages),
	_clock(clock)
{}


ListExtras::Snapshot ListExtras::prepare(const std::string& entity, const std::vector<std::string>& ids,
										 const SignedIn& who) const
{
	Snapshot snapshot;
	std::string joined;
	for (const std::string& id: ids)
		joined += (joined.empty() ? "" : ",") + id;
	for (const auto& declared: _plugins.activePlugins(who))
	{
		for (std::size_t i = 0; i < declared->screens.actions.size(); ++i)
		{
			const erp::ListAction& action = declared->screens.actions[i];
			if (action.entity != entity) continue;
			Snapshot::Action entry{declared->plugin, i, action, nullptr};
			if (!ids.empty())
			{
				const PluginUi::Answer answer = _plugins.call(declared->plugin, "GET", action.stateRoute,
															  {{"ids", joined}, {"language", who.language}}, "", who);
				if (answer.ok() && answer.body && answer.body->has("states") && answer.body->isObject("states"))
					entry.states = answer.body->getObject("states");
			}
			snapshot.actions.push_back(entry);
		}
		for (std::size_t i = 0; i < declared->screens.views.size(); ++i)
			if (declared->screens.views[i].entity == entity)
				snapshot.views.push_back({declared->plugin, i, declared->screens.views[i]});
	}
	return snapshot;
}


void ListExtras::fillRow(ctemplate::TemplateDictionary& row, const std::string& entity, const std::string& id,
						 const Snapshot& snapshot, const SignedIn& who, const std::string& back) const
{
	const std::string base = "/" + entity + "s/" + id;
	for (const Snapshot::Action& action: snapshot.actions)
	{
		ctemplate::TemplateDictionary* control = row.AddSectionDictionary("ACTION");
		control->SetValue("DOM_ID", "act-" + action.plugin + "-" + std::to_string(action.index) + "-" + id);
		control->SetValue("LABEL", PluginUi::text(action.declared.label, who.language));
		Poco::JSON::Object::Ptr state;
		if (action.states && action.states->has(id) && action.states->isObject(id))
			state = action.states->getObject(id);
		if (!state)
		{
			control->ShowSection("UNKNOWN");
			continue;
		}
		const bool on = state->has("on") && state->get("on").isBoolean() && state->getValue<bool>("on");
		const bool available =
			!state->has("available") || !state->get("available").isBoolean() || state->getValue<bool>("available");
		std::string title;
		if (state->has("title") && state->isObject("title"))
		{
			Poco::JSON::Object::Ptr texts = state->getObject("title");
			title = texts->optValue<std::string>(who.language, texts->optValue<std::string>("en", ""));
		}
		control->SetValue("TITLE", title);
		// What the state means for the record, beside its status (a
		// dispute, say), whether or not the toggle can be used.
		if (state->has("badge") && state->isObject("badge"))
		{
			Poco::JSON::Object::Ptr texts = state->getObject("badge");
			const std::string badge =
				texts->optValue<std::string>(who.language, texts->optValue<std::string>("en", ""));
			if (!badge.empty()) row.AddSectionDictionary("BADGE")->SetValue("TEXT", badge);
		}
		if (on) control->ShowSection("ON");
		if (!available)
		{
			icon(*control->AddSectionDictionary("UNAVAILABLE"), action.declared.icon);
			continue;
		}
		ctemplate::TemplateDictionary* form = control->AddSectionDictionary("TOGGLE");
		icon(*form, action.declared.icon);
		if (on) form->ShowSection("ON");
		form->SetValue("URL", base + "/actions/" + action.plugin + "/" + std::to_string(action.index));
		form->SetValue("WAS", on ? "1" : "0");
		form->SetValue("PRESSED", on ? "true" : "false");
		form->SetValue("BACK", back);
	}
	for (const Snapshot::View& view: snapshot.views)
	{
		ctemplate::TemplateDictionary* link = row.AddSectionDictionary("VIEW");
		link->SetValue("URL", base + "/views/" + view.plugin + "/" + std::to_string(view.index));
		link->SetValue("LABEL", PluginUi::text(view.declared.label, who.language));
		icon(*link, view.declared.icon);
	}
}


std::string ListExtras::safeBack(const std::string& back, const std::string& fallback)
{
	if (back.compare(0, fallback.size(), fallback) != 0) return fallback;
	if (back.size() > fallback.size() && back[fallback.size()] != '?') return fallback;
	for (char c: back)
		if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) return fallback;
	return back;
}


WebResponse ListExtras::problem(const SignedIn& who, int status, const std::string& key) const
{
	return ProblemPage::render(_pages, _messages, who.language, who, status, key);
}


WebResponse ListExtras::toggle(const WebRequest& request, const SignedIn& who, const std::string& entity,
							   const std::string& id, const std::string& plugin, const std::string& index) const
{
	const auto declared = _plugins.screens().find(plugin);
	unsigned n = 0;
	if (!declared || !Poco::NumberParser::tryParseUnsigned(index, n) || n >= declared->screens.actions.size() ||
		declared->screens.actions[n].entity != entity || !_plugins.active(*declared, who))
		return problem(who, 404, "error.not_found");
	const erp::ListAction& action = declared->screens.actions[n];
	const std::map<std::string, std::string> form = FormData::parse(request.body);
	auto was = form.find("was");
	if (was == form.end() || (was->second != "0" && was->second != "1")) return problem(who, 400, "error.bad_request");
	Poco::JSON::Object body;
	body.set(action.toggleField, was->second == "0");
	const PluginUi::Answer answer =
		_plugins.call(plugin, "PUT", replaced(action.toggleRoute, id), {}, erp::AuditEntry::json(body), who);
	if (answer.status == 404) return problem(who, 404, "error.not_found");
	if (answer.status == 403) return problem(who, 403, "error.forbidden");
	if (answer.status >= 500) throw Poco::RuntimeException("list action answered " + std::to_string(answer.status));
	auto back = form.find("back");
	std::string target = safeBack(back == form.end() ? "" : back->second, "/" + entity + "s");
	if (!answer.ok())
	{
		// Which row, and why by the route's code (a-z and _ only): the list
		// words it beside the row's toggle, where htmx swaps the row in.
		std::string code = answer.errorCode();
		if (!PluginUi::isCode(code)) code = "refused";
		target += std::string(target.find('?') == std::string::npos ? "?" : "&") + "refused=" + plugin +
				  "&refused_id=" + id + "&reason=" + code;
	}
	return WebResponse::redirect(target);
}


std::string ListExtras::refusal(const WebRequest& request, const SignedIn& who, const std::string& id) const
{
	auto plugin = request.query.find("refused");
	auto row = request.query.find("refused_id");
	auto reason = request.query.find("reason");
	if (plugin == request.query.end() || row == request.query.end() || row->second != id) return "";
	const std::string code = reason == request.query.end() ? std::string() : reason->second;
	// Only the plugin's own words: a reason the catalog lacks is the
	// generic sentence, never text from the address.
	const PluginUi::Refusal worded = _plugins.refusal(plugin->second, who.language, code, "", "");
	return worded.text.empty() ? _messages.text(who.language, "invoices.action_refused") : worded.text;
}


WebResponse ListExtras::view(const WebRequest&, const SignedIn& who, const std::string& entity, const std::string& id,
							 const std::string& plugin, const std::string& index) const
{
	const auto declared = _plugins.screens().find(plugin);
	unsigned n = 0;
	if (!declared || !Poco::NumberParser::tryParseUnsigned(index, n) || n >= declared->screens.views.size() ||
		declared->screens.views[n].entity != entity || !_plugins.active(*declared, who))
		return problem(who, 404, "error.not_found");
	const erp::RecordView& view = declared->screens.views[n];
	const PluginUi::Answer answer =
		_plugins.call(plugin, "GET", replaced(view.route, id), {{"language", who.language}}, "", who);
	if (answer.status == 404) return problem(who, 404, "error.not_found");
	if (answer.status == 403) return problem(who, 403, "error.forbidden");
	if (!answer.ok() || !answer.body)
		throw Poco::RuntimeException("record view answered " + std::to_string(answer.status));
	Poco::JSON::Array::Ptr items = answer.body->has("items") && answer.body->isArray("items")
									   ? answer.body->getArray("items")
									   : Poco::JSON::Array::Ptr(new Poco::JSON::Array);
	const std::string title = PluginUi::text(view.label, who.language);
	WebResponse response;
	response.body =
		_pages.render("record_view.tpl", who.frame(title, entity + "s"), [&](ctemplate::TemplateDictionary& page) {
			page.SetValue("HEADING", title);
			page.SetValue("BACK_URL", "/" + entity + "s/" + id);
			for (const erp::ViewColumn& column: view.columns)
				page.AddSectionDictionary("COLUMN")->SetValue("LABEL", PluginUi::text(column.label, who.language));
			if (items->size() == 0)
				page.SetValueAndShowSection("EMPTY", PluginUi::text(view.empty, who.language), "NONE");
			else
				page.ShowSection("TABLE");
			for (std::size_t i = 0; i < items->size(); ++i)
			{
				if (!items->isObject(static_cast<unsigned>(i))) continue;
				Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
				ctemplate::TemplateDictionary* row = page.AddSectionDictionary("ROW");
				for (const erp::ViewColumn& column: view.columns)
				{
					ctemplate::TemplateDictionary* cell = row->AddSectionDictionary("CELL");
					cell->SetValue("LABEL", PluginUi::text(column.label, who.language));
					cell->SetValue("TEXT", cellText(*item, column, who.language, _clock.timeZone()));
				}
			}
			const std::string note = PluginUi::text(view.note, who.language);
			if (!note.empty()) page.SetValueAndShowSection("NOTE", note, "HAS_NOTE");
		});
	return response;
}


} // namespace host
