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
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/Logger.h>
#include <memory>
#include <mutex>
#include <string>
#include <vector>


namespace host {


POCO_DECLARE_EXCEPTION(, PluginRefusedException, Poco::IllegalStateException)
/// A plugin that failed to load cannot be switched; the message is why it failed.


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
/// An administrator switches a plugin off and on with setEnabled(): the
/// choice is stored (plugin_state) and audited, takes effect at once, and
/// loadAll() leaves a disabled plugin unloaded.
///
/// Thread-safe; loading, unloading and switching are serialized.
{
public:
	struct Status
	{
		std::string directory;
		std::string id;
		std::string version;
		bool running = false;
		std::string reason;    /// why it was refused
		bool disabled = false; /// switched off by an administrator: not loaded
	};

	enum class Change
	{
		CHANGED,
		UNCHANGED
	};

	PluginManager(HostServices& services, Poco::Logger& logger);
	~PluginManager();

	void loadAll(const std::string& directory);
	/// Loads every sub-folder of the plugin folder, in name order, except
	/// the plugins an administrator disabled (listed as disabled).

	bool load(const std::string& pluginDirectory);
	/// Loads one plugin; false when refused.

	void unloadAll();
	/// Stops and unloads every running plugin, newest first.

	Change setEnabled(const std::string& id, bool enabled, const std::string& actor);
	/// Disabling stops and unloads a running plugin (waiting for its
	/// requests in flight and its running task); enabling loads, migrates
	/// and starts a disabled one. Either is stored and audited
	/// (plugin.disable / plugin.enable) before it takes effect; asking for
	/// the current state changes nothing. Throws Poco::NotFoundException
	/// for an unknown id and PluginRefusedException (its reason) for a
	/// plugin that failed to load, or that fails to load when enabled.
	/// Must not be called from one of the plugin's own handlers or tasks.

	bool knows(const std::string& id) const;
	/// Whether id names a plugin found in the plugin folder (running,
	/// disabled or refused).

	std::vector<Status> status() const;
	Poco::JSON::Array::Ptr describe() const;
	/// The plugins for GET /api/plugins.

	Poco::JSON::Object::Ptr describe(const std::string& id) const;
	/// One plugin as GET /api/plugins lists it; null when unknown.

private:
	struct Loaded
	{
		PluginManifest manifest;
		std::unique_ptr<PluginHost> host;
		erp::Plugin* instance = nullptr;
	};

	bool loadFolder(const std::string& pluginDirectory);
	// REQUIRES: _switching is held.
	void refuse(const std::string& directory, const std::string& id, const std::string& reason);
	void checkHandshake(const PluginManifest& manifest);
	void unload(Loaded& loaded);
	void record(const std::string& id, bool enabled, const std::string& actor);
	const Status* refusal(const std::string& id) const;
	// REQUIRES: _mutex is held.
	Poco::JSON::Object::Ptr item(const Loaded& loaded) const;
	static Poco::JSON::Object::Ptr item(const Status& status);

	HostServices& _services;
	Poco::Logger& _logger;
	std::mutex _switching;     /// serializes load, unload and setEnabled
	mutable std::mutex _mutex; /// guards the lists below
	Poco::ClassLoader<erp::Plugin> _loader;
	std::vector<std::unique_ptr<Loaded>> _loaded;
	std::vector<Status> _refused;
	std::vector<Status> _disabled;
};


} // namespace host


#endif // Host_PluginManager_INCLUDED
