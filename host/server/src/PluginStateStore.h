//
// PluginStateStore.h
//


#ifndef Host_PluginStateStore_INCLUDED
#define Host_PluginStateStore_INCLUDED


#include "erp/Database.h"
#include <set>
#include <string>


namespace host {


class PluginStateStore
/// The plugin_state table: which plugins an administrator switched off.
/// A plugin without a row is enabled.
{
public:
	explicit PluginStateStore(erp::Database& database);

	std::set<std::string> disabled();
	/// The ids of the disabled plugins.

	void save(Poco::Data::Session& transaction, const std::string& pluginId, bool enabled, const std::string& actor);
	/// Records the plugin's state inside the caller's open transaction.

private:
	erp::Database& _database;
};


} // namespace host


#endif // Host_PluginStateStore_INCLUDED
