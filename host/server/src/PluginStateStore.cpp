//
// PluginStateStore.cpp
//


#include "PluginStateStore.h"
#include "erp/Instant.h"
#include <vector>


using namespace Poco::Data::Keywords;


namespace host {


PluginStateStore::PluginStateStore(erp::Database& database):
	_database(database)
{}


std::set<std::string> PluginStateStore::disabled()
{
	Poco::Data::Session session = _database.session();
	std::vector<std::string> ids;
	session << "SELECT plugin_id FROM plugin_state WHERE enabled = 0", into(ids), now;
	return std::set<std::string>(ids.begin(), ids.end());
}


void PluginStateStore::save(Poco::Data::Session& transaction, const std::string& pluginId, bool enabled,
							const std::string& actor)
{
	// Delete and insert: one statement pair that both dialects speak.
	std::string id = pluginId, by = actor, at = erp::Instant::now();
	int flag = enabled ? 1 : 0;
	transaction << "DELETE FROM plugin_state WHERE plugin_id = ?", use(id), now;
	transaction << "INSERT INTO plugin_state (plugin_id, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?)", use(id),
		use(flag), use(by), use(at), now;
}


} // namespace host
