//
// AuditPages.cpp
//


#include "web/AuditPages.h"
#include "web/ApiCall.h"
#include "web/DisplayFormat.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <algorithm>
#include <sstream>


namespace host {


const int AuditPages::PAGE_SIZE = 50;


namespace {

const char* const FILTERS[] = {"entity", "entity_id", "action", "plugin"};

std::string readable(const Poco::Dynamic::Var& details)
{
	if (details.isEmpty()) return std::string();
	if (details.isString()) return details.convert<std::string>();
	std::ostringstream out;
	Poco::JSON::Stringifier::stringify(details, out, 2);
	return out.str();
}

} // namespace


AuditPages::AuditPages(AuditResource& audit, const erp::Clock& clock, const PageRenderer& pages,
					   const MessageCatalog& messages):
	_audit(audit),
	_clock(clock),
	_pages(pages),
	_messages(messages)
{}


WebResponse AuditPages::list(const WebRequest& request, const SignedIn& who) const
{
	std::map<std::string, std::string> filters;
	std::string kept; // the filters as a query, for the pager's links
	erp::HttpRequest api = ApiCall::request(who, "GET", "/api/audit");
	for (const char* name: FILTERS)
	{
		auto it = request.query.find(name);
		const std::string value = it == request.query.end() ? std::string() : Poco::trim(it->second.substr(0, 200));
		filters[name] = value;
		if (value.empty()) continue;
		api.query[name] = value;
		std::string encoded;
		Poco::URI::encode(value, "&=+?#/;", encoded);
		kept += std::string("&") + name + "=" + encoded;
	}
	std::string before;
	if (auto it = request.query.find("before"); it != request.query.end())
		if (!it->second.empty() && it->second.size() <= 18 &&
			std::all_of(it->second.begin(), it->second.end(), [](char c) { return c >= '0' && c <= '9'; }))
			before = it->second;
	if (!before.empty()) api.query["before"] = before;
	// One more than a page: whether older entries exist.
	api.query["limit"] = std::to_string(PAGE_SIZE + 1);
	Poco::JSON::Array::Ptr items = ApiCall::object(_audit.list(api))->getArray("items");

	const std::string language = who.language;
	const std::string zone = _clock.timeZone();
	WebResponse response;
	response.body = _pages.render(
		"audit.tpl", who.frame(_messages.text(language, "audit.title"), "audit"),
		[&](ctemplate::TemplateDictionary& page) {
			for (const auto& [name, value]: filters)
				page.SetValue(Poco::toUpper(name), value);
			page.SetValue("ZONE", zone);
			const std::size_t shown = std::min<std::size_t>(items->size(), PAGE_SIZE);
			page.ShowSection(shown == 0 ? "EMPTY" : "TABLE");
			std::string last;
			for (std::size_t i = 0; i < shown; ++i)
			{
				Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
				ctemplate::TemplateDictionary* row = page.AddSectionDictionary("ENTRY");
				last = ApiCall::text(item, "id");
				row->SetValue("AT", DisplayFormat::instant(ApiCall::text(item, "at"), zone, language));
				row->SetValue("AT_ISO", ApiCall::text(item, "at"));
				row->SetValue("ACTOR", ApiCall::text(item, "actor"));
				row->SetValue("ACTION", ApiCall::text(item, "action"));
				row->SetValue("ENTITY", ApiCall::text(item, "entity"));
				const std::string entityId = ApiCall::text(item, "entity_id");
				if (!entityId.empty()) row->SetValueAndShowSection("ENTITY_ID", entityId, "HAS_ENTITY_ID");
				const std::string details = item->has("details") ? readable(item->get("details")) : std::string();
				if (details.empty())
					row->ShowSection("NO_DETAILS");
				else
					row->SetValueAndShowSection("DETAILS", details, "HAS_DETAILS");
			}
			if (!before.empty())
				page.SetValueAndShowSection("NEWEST_URL", "/audit?" + kept.substr(kept.empty() ? 0 : 1), "NEWEST");
			if (items->size() > static_cast<std::size_t>(PAGE_SIZE))
				page.SetValueAndShowSection("OLDER_URL", "/audit?before=" + last + kept, "OLDER");
			if (!before.empty() || items->size() > static_cast<std::size_t>(PAGE_SIZE)) page.ShowSection("PAGER");
		});
	return response;
}


} // namespace host
