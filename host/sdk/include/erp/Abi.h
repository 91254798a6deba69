//
// Abi.h
//
// The binary handshake between a host and a plugin library.
//


#ifndef Erp_Abi_INCLUDED
#define Erp_Abi_INCLUDED


#include <Poco/Version.h>


/// Symbols of the contract keep default visibility even in a plugin built
/// with -fvisibility=hidden, so that type identity (exceptions, RTTI) holds
/// across the library boundary.
#define ERP_API __attribute__((visibility("default")))


/// The contract's version. The major number changes when a built plugin can
/// no longer work with the host (a changed virtual table, struct layout or
/// meaning); the minor number grows when something is added. A host accepts
/// a plugin with the same major number and a minor number not above its own.
#define ERP_ABI_MAJOR 1
#define ERP_ABI_MINOR 5


/// The name of the C function every plugin exports; the host looks it up
/// with dlsym before it hands the library to Poco::ClassLoader.
#define ERP_PLUGIN_INFO_SYMBOL "erp_plugin_info"


extern "C"
{

	/// What a plugin library says about itself. Plain C so that it can be read
	/// before anything else of the library is trusted.
	struct ErpPluginInfo
	{
		unsigned abiMajor;         /// ERP_ABI_MAJOR the plugin was built with
		unsigned abiMinor;         /// ERP_ABI_MINOR the plugin was built with
		unsigned long pocoVersion; /// POCO_VERSION the plugin was built with
		const char* id;            /// the plugin id, e.g. "reminders"
		const char* version;       /// the plugin's own version, e.g. "0.1.0"
		const char* className;     /// the class in the Poco manifest
	};

	typedef const ErpPluginInfo* (*ErpPluginInfoFunction)();
}


/// Exports the handshake. Use once per plugin library, next to the
/// POCO_BEGIN_MANIFEST block.
#define ERP_PLUGIN_INFO(ID, VERSION, CLASS)                                                                            \
	extern "C" ERP_API const ErpPluginInfo* erp_plugin_info()                                                          \
	{                                                                                                                  \
		static const ErpPluginInfo info = {ERP_ABI_MAJOR, ERP_ABI_MINOR, POCO_VERSION, ID, VERSION, #CLASS};           \
		return &info;                                                                                                  \
	}


#endif // Erp_Abi_INCLUDED
