//
// PluginManifest.cpp
//


#include "PluginManifest.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>


namespace host {


namespace {

std::string requireString(const Poco::JSON::Object& object, const std::string& key)
{
	if (!object.has(key) || !object.get(key).isString() || object.getValue<std::string>(key).empty())
		throw Poco::DataFormatException("manifest.json: " + key + " must be a non-empty string");
	return object.getValue<std::string>(key);
}

std::vector<std::string> strings(const Poco::JSON::Object& object, const std::string& key)
{
	std::vector<std::string> result;
	if (!object.has(key)) return result;
	Poco::JSON::Array::Ptr array = object.getArray(key);
	if (!array) throw Poco::DataFormatException("manifest.json: " + key + " must be an array of strings");
	for (std::size_t i = 0; i < array->size(); ++i)
		result.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
	return result;
}

std::string resolve(const Poco::Path& folder, const std::string& relative)
{
	// Relative to the manifest's folder; absolute paths stay as they are.
	Poco::Path path(folder);
	path.resolve(Poco::Path(relative));
	return path.toString();
}

} // namespace


PluginManifest PluginManifest::read(const std::string& directory)
{
	Poco::Path folder = Poco::Path(directory).absolute();
	folder.makeDirectory();
	const std::string path = Poco::Path(folder, "manifest.json").toString();
	if (!Poco::File(path).exists()) throw Poco::FileNotFoundException("no manifest.json in " + folder.toString());

	Poco::JSON::Object::Ptr json;
	try
	{
		Poco::FileInputStream in(path);
		Poco::JSON::Parser parser;
		json = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
	}
	catch (Poco::Exception& exc)
	{
		throw Poco::DataFormatException("manifest.json is not a JSON object: " + exc.message());
	}

	PluginManifest manifest;
	manifest.directory = Poco::Path(directory).absolute().toString();
	manifest.json = json;
	manifest.id = requireString(*json, "id");
	for (char c: manifest.id)
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
			throw Poco::DataFormatException("manifest.json: id must use a-z, 0-9, '-', '_'", manifest.id);
	manifest.version = requireString(*json, "version");
	manifest.library = resolve(folder, requireString(*json, "library"));
	manifest.className = requireString(*json, "class");

	Poco::JSON::Object::Ptr abi = json->getObject("abi");
	if (!abi || !abi->has("major") || !abi->has("minor") || !abi->get("major").isInteger() ||
		!abi->get("minor").isInteger())
		throw Poco::DataFormatException("manifest.json: abi must be {\"major\": N, \"minor\": N}");
	manifest.abiMajor = abi->getValue<unsigned>("major");
	manifest.abiMinor = abi->getValue<unsigned>("minor");

	if (json->has("migrations"))
	{
		Poco::JSON::Object::Ptr migrations = json->getObject("migrations");
		if (!migrations) throw Poco::DataFormatException("manifest.json: migrations must map dialects to folders");
		for (const auto& [dialect, value]: *migrations)
			manifest.migrations[dialect] = resolve(folder, value.toString());
	}
	if (json->has("templates")) manifest.templates = resolve(folder, requireString(*json, "templates"));
	manifest.hooks = strings(*json, "hooks");
	manifest.tasks = strings(*json, "tasks");
	return manifest;
}


} // namespace host
