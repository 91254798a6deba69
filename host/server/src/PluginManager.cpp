//
// PluginManager.cpp
//


#include "PluginManager.h"
#include "Migrator.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Format.h>
#include <Poco/SharedLibrary.h>
#include <algorithm>
#include <set>


namespace host {


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
	for (const std::string& child: children)
		load(child);
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
	const Poco::AbstractMetaObject<erp::Plugin>* meta = _loader.findClass(manifest.className);
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


std::vector<PluginManager::Status> PluginManager::status() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	std::vector<Status> result;
	for (const auto& loaded: _loaded)
		result.push_back(Status{loaded->manifest.directory, loaded->manifest.id, loaded->manifest.version, true, ""});
	result.insert(result.end(), _refused.begin(), _refused.end());
	return result;
}


Poco::JSON::Array::Ptr PluginManager::describe() const
{
	Poco::JSON::Array::Ptr result = new Poco::JSON::Array;
	std::lock_guard<std::mutex> lock(_mutex);
	for (const auto& loaded: _loaded)
	{
		const PluginManifest& manifest = loaded->manifest;
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
		result->add(item);
	}
	for (const Status& refused: _refused)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("id", refused.id.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(refused.id));
		item->set("directory", refused.directory);
		item->set("state", "refused");
		item->set("reason", refused.reason);
		result->add(item);
	}
	return result;
}


} // namespace host
