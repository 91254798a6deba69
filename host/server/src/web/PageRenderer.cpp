//
// PageRenderer.cpp
//


#include "web/PageRenderer.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <algorithm>
#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>


namespace host {


PageRenderer::PageRenderer(const std::string& folder, const MessageCatalog& messages,
						   const std::map<std::string, std::string>& assetUrls):
	_cache(std::make_unique<ctemplate::TemplateCache>()),
	_messages(messages),
	_assetUrls(assetUrls)
{
	if (!Poco::File(folder + "/layout.tpl").exists())
		throw Poco::FileNotFoundException("web template missing", folder + "/layout.tpl");
	for (Poco::DirectoryIterator it(folder), end; it != end; ++it)
	{
		const std::string name = it.name();
		if (name.size() < 5 || name.compare(name.size() - 4, 4, ".tpl") != 0) continue;
		std::string content;
		Poco::FileInputStream in(it->path());
		Poco::StreamCopier::copyToString(in, content);
		if (!_cache->StringToTemplateCache(name, content, ctemplate::DO_NOT_STRIP))
			throw Poco::DataFormatException("web template cannot be parsed", it->path());
		_pages.push_back(name);
	}
	_cache->Freeze();
}


PageRenderer::~PageRenderer() = default;


std::string PageRenderer::render(const std::string& page, const Frame& frame, const Fill& fill) const
{
	if (std::find(_pages.begin(), _pages.end(), page) == _pages.end())
		throw Poco::NotFoundException("no web template", page);
	ctemplate::TemplateDictionary layout("layout");
	for (const auto& [key, text]: _messages.all(frame.language))
	{
		std::string name = "T_" + key;
		std::replace(name.begin(), name.end(), '.', '_');
		layout.SetTemplateGlobalValue(name, text);
	}
	for (const auto& [name, url]: _assetUrls)
		layout.SetTemplateGlobalValue(name, url);
	layout.SetTemplateGlobalValue("LANG", frame.language);
	// The other language, offered in the header in its own words.
	layout.SetTemplateGlobalValue("OTHER_LANG", frame.language == "el" ? "en" : "el");
	layout.SetTemplateGlobalValue("OTHER_LANG_NAME", frame.language == "el" ? "English" : "Ελληνικά");
	layout.SetTemplateGlobalValue("CSRF", frame.csrf);
	layout.SetValue("TITLE", frame.title);
	if (_assetUrls.count("HTMX_URL")) layout.ShowSection("HTMX");
	if (!frame.user.empty())
	{
		ctemplate::TemplateDictionary* menu = layout.AddSectionDictionary("SIGNED_IN");
		menu->SetValue("USER", frame.user);
		menu->SetValue("ROLE", frame.roleLabel);
		if (frame.admin) menu->ShowSection("ADMIN");
		for (const auto& [url, label]: frame.pluginMenu)
		{
			ctemplate::TemplateDictionary* entry = menu->AddSectionDictionary("PLUGIN_NAV");
			entry->SetValue("URL", url);
			entry->SetValue("LABEL", label);
			if (frame.current == url) entry->ShowSection("CURRENT");
		}
		for (const char* entry: {"home", "customers", "invoices", "audit", "plugins", "users", "settings"})
		{
			std::string section = std::string("NAV_") + entry;
			std::transform(section.begin(), section.end(), section.begin(), ::toupper);
			if (frame.current == entry) menu->ShowSection(section + "_CURRENT");
		}
	}
	ctemplate::TemplateDictionary* content = layout.AddIncludeDictionary("CONTENT");
	content->SetFilename(page);
	fill(*content);
	std::string out;
	if (!_cache->ExpandNoLoad("layout.tpl", ctemplate::DO_NOT_STRIP, &layout, nullptr, &out))
		throw Poco::RuntimeException("web template expansion failed", page);
	return out;
}


} // namespace host
