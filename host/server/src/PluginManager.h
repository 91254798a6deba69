//
// PluginManager.h
//


#ifndef Host_PluginManager_INCLUDED
#define Host_PluginManager_INCLUDED


#include "HostServices.h"
#include "PluginHost.h"
#include "PluginManifest.h"
#include "erp/Plugin.h"
#include <Poco/ClassLoader.h>
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <memory>
#include <mutex>
#include <string>
#include <vector>


namespace host {


class PluginManager
/// Finds, checks, loads, starts, stops and unloads plugins.
///
/// Loading one plugin folder:
///  1. read manifest.json;
///  2. the handshake: open the library, read its erp_plugin_info() and
///     compare ABI major/minor, Poco version, id and class with the host
///     and the manifest, all before Poco::ClassLoader sees the library;
///  3. apply the plugin's migrations for the host's SQL dialect;
///  4. Poco::ClassLoader::loadLibrary, create the class, start(host).
/// Any failure refuses the plugin with a logged reason (kept for
/// GET /api/plugins), undoes what was done, and the host goes on.
///
/// Thread-safe.
{
public:
	struct Status
	{
		std::string directory;
		std::string id;
		std::string version;
		bool running = false;
		std::string reason; /// why it was refused
	};

	PluginManager(HostServices& services, Poco::Logger& logger);
	~PluginManager();

	void loadAll(const std::string& directory);
	/// Loads every sub-folder of the plugin folder, in name order.

	bool load(const std::string& pluginDirectory);
	/// Loads one plugin; false when refused.

	void unloadAll();
	/// Stops and unloads every running plugin, newest first.

	std::vector<Status> status() const;
	Poco::JSON::Array::Ptr describe() const;
	/// The plugins for GET /api/plugins.

private:
	struct Loaded
	{
		PluginManifest manifest;
		std::unique_ptr<PluginHost> host;
		erp::Plugin* instance = nullptr;
	};

	void refuse(const std::string& directory, const std::string& id, const std::string& reason);
	void checkHandshake(const PluginManifest& manifest);
	void unload(Loaded& loaded);

	HostServices& _services;
	Poco::Logger& _logger;
	mutable std::mutex _mutex;
	Poco::ClassLoader<erp::Plugin> _loader;
	std::vector<std::unique_ptr<Loaded>> _loaded;
	std::vector<Status> _refused;
};


} // namespace host


#endif // Host_PluginManager_INCLUDED
