//
// Plugin.h
//
// The base class every plugin exports through Poco::ClassLoader.
//


#ifndef Erp_Plugin_INCLUDED
#define Erp_Plugin_INCLUDED


#include "erp/Abi.h"


namespace erp {


class Host;


class ERP_API Plugin
/// A plugin, created by the host through its Poco manifest.
///
/// Lifecycle: the host creates the object, calls start() once, and later
/// stop() once, then deletes the object and unloads the library. Whatever
/// start() subscribes, registers or allocates, stop() must undo: after
/// stop() returns the host releases anything still registered in the
/// plugin's name, but a plugin must not rely on that.
///
/// start() may throw: the host then calls stop(), refuses the plugin and
/// keeps serving. stop() must not throw.
{
public:
	Plugin() = default;
	Plugin(const Plugin&) = delete;
	Plugin& operator=(const Plugin&) = delete;
	virtual ~Plugin() = default;

	virtual void start(Host& host) = 0;
	/// Starts the plugin. The host reference stays valid until stop() returns.

	virtual void stop() = 0;
	/// Stops the plugin: unsubscribe, unregister, join any thread it started.
};


} // namespace erp


#endif // Erp_Plugin_INCLUDED
