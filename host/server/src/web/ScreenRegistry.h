//
// ScreenRegistry.h
//


#ifndef Host_ScreenRegistry_INCLUDED
#define Host_ScreenRegistry_INCLUDED


#include "erp/Screens.h"
#include "web/MessageCatalog.h"
#include <cstring> // ctemplate/str_ref.h uses strlen without including it
#include <ctemplate/template_cache.h>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>


namespace host {


class ScreenRegistry
/// What each plugin declared for the web screens (erp::ScreenSet), with
/// its page templates and their words read from <plugin directory>/web/
/// (templates *.tpl, messages/el.json and en.json) at declaration time.
///
/// A declaration is immutable once made: find() and all() hand out shared
/// snapshots, which stay usable after the plugin withdraws or is unloaded
/// (they hold no code of the plugin). Thread-safe.
{
public:
	struct Declared
	{
		std::string plugin;
		erp::ScreenSet screens;
		std::unique_ptr<ctemplate::TemplateCache> templates; /// frozen; null when the plugin has no page
		std::unique_ptr<MessageCatalog> messages;            /// null when the plugin has no page

		const erp::SettingsTab* tab(const std::string& id) const;
		const erp::PluginPage* page(const std::string& id) const;
		const erp::SettingsTab* switchTab() const;
		/// The tab with the plugin's master switch, or null.
	};

	void declare(const std::string& plugin, const std::string& directory, const erp::ScreenSet& screens);
	/// Checks the declaration and reads the templates; replaces an earlier
	/// one. Throws Poco::InvalidArgumentException naming what is wrong (a
	/// text without one of the languages, an unknown type, entity or
	/// role, an id outside [a-z0-9-], two tabs or pages with one id), and
	/// Poco::FileNotFoundException or Poco::DataFormatException for a
	/// page's template or the words missing or malformed.

	void withdraw(const std::string& plugin);
	bool knows(const std::string& plugin) const;

	std::shared_ptr<const Declared> find(const std::string& plugin) const;
	std::vector<std::shared_ptr<const Declared>> all() const;
	/// In plugin id order.

	static void check(const erp::ScreenSet& screens);
	/// The declaration's rules, without the files (see declare()).

private:
	mutable std::shared_mutex _mutex;
	std::map<std::string, std::shared_ptr<const Declared>> _declared;
};


} // namespace host


#endif // Host_ScreenRegistry_INCLUDED
