//
// PluginManager.cpp
//


#include "PluginManager.h"
#include "Migrator.h"
#include "PluginStateStore.h"
#include "erp/Transaction.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Format.h>
#include <Poco/SharedLibrary.h>
#include <algorithm>
#include <set>


namespace host {


POCO_IMPLEMENT_EXCEPTION(PluginRefusedException, Poco::IllegalStateException, "Plugin refused")


PluginManager::PluginManager(HostServices& services, Poco::Logger& logger):
	_services(services),
	_logger(logger)
{}


PluginManager::~PluginManager()
{
	unloadAll();
}


void PluginManager::refuse(const std::string& directory, const std::string& id, const std::string& reason)
{
	_logger.error("plugin %s refused: %s", id.empty() ? directory : id, reason);
	std::lock_guard<std::mutex> lock(_mutex);
	_refused.push_back(Status{directory, id, "", false, reason});
}


void PluginManager::loadAll(const std::string& directory)
{
	Poco::File folder(directory);
	if (!folder.exists() || !folder.isDirectory())
	{
		_logger.warning("plugin folder %s does not exist; no plugins loaded", directory);
		return;
	}
	std::set<std::string> children;
	for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
		if (it->isDirectory()) children.insert(it->path());
	const std::set<std::string> disabled = PluginStateStore(_services.database).disabled();
	for (const std::string& child: children)
	{
		if (!disabled.empty())
		{
			try
			{
				const PluginManifest manifest = PluginManifest::read(child);
				if (disabled.count(manifest.id))
				{
					_logger.information("plugin %s is disabled; not loaded", manifest.id);
					std::lock_guard<std::mutex> lock(_mutex);
					_disabled.push_back(Status{manifest.directory, manifest.id, manifest.version, false, "", true});
					continue;
				}
			}
			catch (Poco::Exception&)
			{
				// load() refuses it with the reason.
			}
		}
		load(child);
	}
}


void PluginManager::checkHandshake(const PluginManifest& manifest)
{
	if (manifest.abiMajor != ERP_ABI_MAJOR || manifest.abiMinor > ERP_ABI_MINOR)
		throw Poco::LibraryLoadException(Poco::format("manifest asks for host ABI %u.%u, this host offers %d.%d",
													  manifest.abiMajor, manifest.abiMinor, ERP_ABI_MAJOR,
													  ERP_ABI_MINOR));
	if (!Poco::File(manifest.library).exists())
		throw Poco::LibraryLoadException("library not found: " + manifest.library);

	Poco::SharedLibrary library(manifest.library);
	if (!library.hasSymbol(ERP_PLUGIN_INFO_SYMBOL))
		throw Poco::LibraryLoadException(manifest.library + " exports no " ERP_PLUGIN_INFO_SYMBOL
															"(): not an ERP plugin");
	auto infoFunction = reinterpret_cast<ErpPluginInfoFunction>(library.getSymbol(ERP_PLUGIN_INFO_SYMBOL));
	const ErpPluginInfo* info = infoFunction();
	std::string problem;
	if (!info)
		problem = "erp_plugin_info() returned nothing";
	else if (info->abiMajor != ERP_ABI_MAJOR || info->abiMinor > ERP_ABI_MINOR)
		problem = Poco::format("built for host ABI %u.%u, this host offers %d.%d", info->abiMajor, info->abiMinor,
							   ERP_ABI_MAJOR, ERP_ABI_MINOR);
	else if ((info->pocoVersion & 0xFFFF0000UL) != (static_cast<unsigned long>(POCO_VERSION) & 0xFFFF0000UL))
		problem = Poco::format("built with Poco %lx, this host runs %lx", info->pocoVersion,
							   static_cast<unsigned long>(POCO_VERSION));
	else if (!info->id || manifest.id != info->id)
		problem = "the library's id " + std::string(info->id ? info->id : "(none)") + " differs from the manifest's " +
				  manifest.id;
	else if (!info->className || manifest.className != info->className)
		problem = "the library's class " + std::string(info->className ? info->className : "(none)") +
				  " differs from the manifest's " + manifest.className;
	library.unload();
	if (!problem.empty()) throw Poco::LibraryLoadException(problem);
}


bool PluginManager::load(const std::string& pluginDirectory)
{
	std::lock_guard<std::mutex> switching(_switching);
	return loadFolder(pluginDirectory);
}


bool PluginManager::loadFolder(const std::string& pluginDirectory)
{
	PluginManifest manifest;
	try
	{
		manifest = PluginManifest::read(pluginDirectory);
	}
	catch (Poco::Exception& exc)
	{
		refuse(pluginDirectory, "", exc.displayText());
		return false;
	}
	if (manifest.id == "host")
	{
		// The host's own name: its migrations and audit actions.
		refuse(pluginDirectory, manifest.id, "the id host is reserved for the host");
		return false;
	}
	bool duplicate = false;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (const auto& loaded: _loaded)
			duplicate = duplicate || loaded->manifest.id == manifest.id;
	}
	if (duplicate)
	{
		refuse(pluginDirectory, manifest.id, "a plugin with this id is already running");
		return false;
	}

	try
	{
		checkHandshake(manifest);
	}
	catch (Poco::Exception& exc)
	{
		refuse(pluginDirectory, manifest.id, exc.message().empty() ? exc.displayText() : exc.message());
		return false;
	}

	// A plugin without tables names no migrations; one with tables must
	// speak the host's dialect.
	const std::string dialect = _services.database.dialect();
	auto migrations = manifest.migrations.find(dialect);
	if (!manifest.migrations.empty() && migrations == manifest.migrations.end())
	{
		refuse(pluginDirectory, manifest.id, "the plugin has no migrations for " + dialect);
		return false;
	}
	if (migrations != manifest.migrations.end())
	{
		try
		{
			const int applied = Migrator(_services.database).apply(manifest.id, migrations->second);
			if (applied) _logger.information("plugin %s: %d migration(s) applied", manifest.id, applied);
		}
		catch (Poco::Exception& exc)
		{
			refuse(pluginDirectory, manifest.id, exc.displayText());
			return false;
		}
	}

	try
	{
		_loader.loadLibrary(manifest.library);
	}
	catch (Poco::Exception& exc)
	{
		refuse(pluginDirectory, manifest.id,
			   "no erp::Plugin manifest in the library (wrong base class?): " + exc.displayText());
		return false;
	}

	auto loaded = std::make_unique<Loaded>();
	loaded->manifest = manifest;
	// The class of this library: ClassLoader::findClass() would take the
	// first library loaded that exports a class of that name.
	const Poco::AbstractMetaObject<erp::Plugin>* meta = nullptr;
	if (const Poco::ClassLoader<erp::Plugin>::Manif* classes = _loader.findManifest(manifest.library))
	{
		auto it = classes->find(manifest.className);
		if (it != classes->end()) meta = *it;
	}
	if (!meta)
	{
		_loader.unloadLibrary(manifest.library);
		refuse(pluginDirectory, manifest.id, "the library's manifest has no class " + manifest.className);
		return false;
	}
	std::string failure;
	try
	{
		loaded->instance = meta->create();
		loaded->host = std::make_unique<PluginHost>(_services, manifest);
		loaded->instance->start(*loaded->host);
	}
	catch (Poco::Exception& exc)
	{
		failure = exc.displayText();
	}
	catch (std::exception& exc)
	{
		failure = exc.what();
	}
	catch (...)
	{
		failure = "unknown exception";
	}
	if (!failure.empty())
	{
		unload(*loaded);
		refuse(pluginDirectory, manifest.id, "start() failed: " + failure);
		return false;
	}

	_logger.information("plugin %s %s started from %s", manifest.id, manifest.version, manifest.directory);
	std::lock_guard<std::mutex> lock(_mutex);
	_loaded.push_back(std::move(loaded));
	return true;
}


void PluginManager::unload(Loaded& loaded)
{
	if (loaded.instance)
	{
		try
		{
			loaded.instance->stop();
		}
		catch (...)
		{
			_logger.error("plugin %s: stop() threw; going on with the unload", loaded.manifest.id);
		}
	}
	if (loaded.host)
	{
		const int left = loaded.host->release();
		if (left) _logger.warning("plugin %s left %d registration(s) after stop(); released", loaded.manifest.id, left);
	}
	// The object's code lives in the library: delete it before unloading.
	delete loaded.instance;
	loaded.instance = nullptr;
	loaded.host.reset();
	_loader.unloadLibrary(loaded.manifest.library);
}


void PluginManager::unloadAll()
{
	std::lock_guard<std::mutex> switching(_switching);
	std::vector<std::unique_ptr<Loaded>> loaded;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		loaded.swap(_loaded);
	}
	for (auto it = loaded.rbegin(); it != loaded.rend(); ++it)
	{
		unload(**it);
		_logger.information("plugin %s stopped and unloaded", (*it)->manifest.id);
	}
}


void PluginManager::record(const std::string& id, bool enabled, const std::string& actor)
{
	Poco::Data::Session session = _services.database.session();
	erp::Transaction transaction(session, _services.database.dialect());
	PluginStateStore(_services.database).save(session, id, enabled, actor);
	Poco::JSON::Object::Ptr change = new Poco::JSON::Object;
	change->set("old", !enabled);
	change->set("new", enabled);
	Poco::JSON::Object details;
	details.set("enabled", change);
	_services.audit.append(
		session, {actor, enabled ? "plugin.enable" : "plugin.disable", "plugin", id, erp::AuditEntry::json(details)});
	transaction.commit();
}


const PluginManager::Status* PluginManager::refusal(const std::string& id) const
{
	for (auto it = _refused.rbegin(); it != _refused.rend(); ++it)
		if (it->id == id) return &*it;
	return nullptr;
}


PluginManager::Change PluginManager::setEnabled(const std::string& id, bool enabled, const std::string& actor)
{
	std::lock_guard<std::mutex> switching(_switching);
	std::unique_ptr<Loaded> running;
	std::string directory;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto loaded = std::find_if(_loaded.begin(), _loaded.end(),
								   [&](const std::unique_ptr<Loaded>& l) { return l->manifest.id == id; });
		auto disabled =
			std::find_if(_disabled.begin(), _disabled.end(), [&](const Status& status) { return status.id == id; });
		if (loaded == _loaded.end() && disabled == _disabled.end())
		{
			if (const Status* refused = refusal(id))
				throw PluginRefusedException("plugin " + id + " failed to load: " + refused->reason);
			throw Poco::NotFoundException("no plugin " + id);
		}
		if ((loaded != _loaded.end()) == enabled) return Change::UNCHANGED;
		if (disabled != _disabled.end()) directory = disabled->directory;
	}

	// Stored and audited first: a failure there changes nothing.
	record(id, enabled, actor);
	if (!enabled)
	{
		{
			std::lock_guard<std::mutex> lock(_mutex);
			auto it = std::find_if(_loaded.begin(), _loaded.end(),
								   [&](const std::unique_ptr<Loaded>& l) { return l->manifest.id == id; });
			running = std::move(*it);
			_loaded.erase(it);
		}
		// The existing paths: stop() and release() wait for the plugin's
		// requests in flight (Router::removeAll) and its running task
		// (TaskScheduler::unregisterTask).
		unload(*running);
		_logger.information("plugin %s disabled by %s: stopped and unloaded", id, actor);
		std::lock_guard<std::mutex> lock(_mutex);
		_disabled.push_back(
			Status{running->manifest.directory, running->manifest.id, running->manifest.version, false, "", true});
		return Change::CHANGED;
	}

	{
		std::lock_guard<std::mutex> lock(_mutex);
		_disabled.erase(
			std::remove_if(_disabled.begin(), _disabled.end(), [&](const Status& status) { return status.id == id; }),
			_disabled.end());
	}
	if (!loadFolder(directory))
	{
		std::lock_guard<std::mutex> lock(_mutex);
		const Status* refused = refusal(id);
		throw PluginRefusedException("plugin " + id +
									 " failed to load: " + (refused ? refused->reason : std::string("see the log")));
	}
	_logger.information("plugin %s enabled by %s", id, actor);
	return Change::CHANGED;
}


bool PluginManager::knows(const std::string& id) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& loaded: _loaded)
		if (loaded->manifest.id == id) return true;
	for (const Status& disabled: _disabled)
		if (disabled.id == id) return true;
	return refusal(id) != nullptr;
}


std::vector<PluginManager::Status> PluginManager::status() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::vector<Status> result;
	for (const auto& loaded: _loaded)
		result.push_back(Status{loaded->manifest.directory, loaded->manifest.id, loaded->manifest.version, true, ""});
	result.insert(result.end(), _refused.begin(), _refused.end());
	result.insert(result.end(), _disabled.begin(), _disabled.end());
	return result;
}


Poco::JSON::Object::Ptr PluginManager::item(const Loaded& loaded) const
{
	const PluginManifest& manifest = loaded.manifest;
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("id", manifest.id);
	item->set("version", manifest.version);
	item->set("state", "running");
	if (manifest.json->has("name")) item->set("name", manifest.json->get("name"));
	Poco::JSON::Object::Ptr abi = new Poco::JSON::Object;
	abi->set("major", manifest.abiMajor);
	abi->set("minor", manifest.abiMinor);
	item->set("abi", abi);
	Poco::JSON::Array::Ptr hooks = new Poco::JSON::Array;
	for (const std::string& event: _services.events.subscriptions(manifest.id))
		hooks->add(event);
	item->set("hooks", hooks);
	Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
	for (const TaskScheduler::TaskInfo& task: _services.scheduler.tasks())
		if (task.owner == manifest.id) tasks->add(task.name);
	item->set("tasks", tasks);
	Poco::JSON::Array::Ptr routes = new Poco::JSON::Array;
	for (const std::string& route: _services.router.routes(manifest.id))
		routes->add(route);
	item->set("routes", routes);
	item->set("fields", _services.records.fields(manifest.id));
	return item;
}


Poco::JSON::Object::Ptr PluginManager::item(const Status& status)
{
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("id", status.id.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(status.id));
	if (status.disabled) item->set("version", status.version);
	item->set("directory", status.directory);
	item->set("state", status.disabled ? "disabled" : "refused");
	if (!status.disabled) item->set("reason", status.reason);
	return item;
}


Poco::JSON::Array::Ptr PluginManager::describe() const
{
	Poco::JSON::Array::Ptr result = new Poco::JSON::Array;
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& loaded: _loaded)
		result->add(item(*loaded));
	for (const Status& disabled: _disabled)
		result->add(item(disabled));
	for (const Status& refused: _refused)
		result->add(item(refused));
	return result;
}


Poco::JSON::Object::Ptr PluginManager::describe(const std::string& id) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& loaded: _loaded)
		if (loaded->manifest.id == id) return item(*loaded);
	for (const Status& disabled: _disabled)
		if (disabled.id == id) return item(disabled);
	if (const Status* refused = refusal(id)) return item(*refused);
	return nullptr;
}


} // namespace host
