//
// PageRenderer.h
//


#ifndef Host_PageRenderer_INCLUDED
#define Host_PageRenderer_INCLUDED


#include "web/MessageCatalog.h"
#include <cstring> // ctemplate/str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ctemplate {
class TemplateCache;
}


namespace host {


class PageRenderer
/// Pages from the ctemplate templates of a folder (every *.tpl, each
/// auto-escaping HTML): layout.tpl around a page's own template, which it
/// includes as {{>CONTENT}}. Each message of the catalog is a
/// template-global value named T_ and its key with '.' as '_'
/// ("nav.customers" -> {{T_nav_customers}}), in the page's language.
/// Templates are read once; thread-safe.
{
public:
	struct Frame
	/// What the layout shows around every page.
	{
		std::string language;  /// el | en
		std::string title;     /// the page's own title (the site's name follows)
		std::string user;      /// empty: signed out (no menu)
		std::string roleLabel; /// the user's role, in words
		std::string csrf;      /// the session's CSRF token
		std::string current;   /// the menu entry of the page: home, customers, invoices, audit, plugins,
							   /// settings, or a plugin page's URL
		bool admin = false;    /// the menu's administrators' entries (audit log, plugins)
		std::vector<std::pair<std::string, std::string>> pluginMenu; /// URL and label of the plugins' pages
	};

	using Fill = std::function<void(ctemplate::TemplateDictionary&)>;

	PageRenderer(const std::string& folder, const MessageCatalog& messages,
				 const std::map<std::string, std::string>& assetUrls);
	/// `assetUrls`: template-global values for the static files' URLs
	/// (e.g. CSS_URL). Throws Poco::FileNotFoundException without
	/// layout.tpl, Poco::DataFormatException for a template that does not parse.

	~PageRenderer();

	std::string render(const std::string& page, const Frame& frame, const Fill& fill) const;
	/// The page (a template's file name, e.g. "customers.tpl") in the frame,
	/// its own values set by `fill`. Throws Poco::NotFoundException for an
	/// unknown page.

private:
	std::unique_ptr<ctemplate::TemplateCache> _cache;
	const MessageCatalog& _messages;
	std::map<std::string, std::string> _assetUrls;
	std::vector<std::string> _pages;
};


} // namespace host


#endif // Host_PageRenderer_INCLUDED
