//
// PluginManifest.h
//


#ifndef Host_PluginManifest_INCLUDED
#define Host_PluginManifest_INCLUDED


#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <vector>


namespace host {


struct PluginManifest
/// A plugin's manifest.json, as documented in docs/host-contract.md.
{
	std::string directory;
	std::string id;
	std::string version;
	std::string library;   /// path of the shared object, absolute
	std::string className; /// the class in the Poco manifest
	unsigned abiMajor = 0;
	unsigned abiMinor = 0;
	std::map<std::string, std::string> migrations; /// dialect -> absolute folder
	std::string templates;
	std::vector<std::string> hooks;
	std::vector<std::string> tasks;
	Poco::JSON::Object::Ptr json; /// the whole document, for GET /api/plugins

	static PluginManifest read(const std::string& directory);
	/// Reads DIRECTORY/manifest.json. Throws Poco::FileNotFoundException when
	/// it is missing and Poco::DataFormatException naming the key when it is
	/// malformed.
};


} // namespace host


#endif // Host_PluginManifest_INCLUDED
