//
// PluginScreens.h
//


#ifndef Host_PluginScreens_INCLUDED
#define Host_PluginScreens_INCLUDED


#include "erp/Screens.h"
#include "web/ScreenRegistry.h"
#include <string>


namespace host {


class PluginScreens: public erp::Screens
/// erp::Screens for one plugin: its declaration is filed under its id,
/// its templates read from its directory.
{
public:
	PluginScreens(ScreenRegistry& registry, const std::string& owner, const std::string& directory):
		_registry(registry),
		_owner(owner),
		_directory(directory)
	{}

	void declare(const erp::ScreenSet& screens) override
	{
		_registry.declare(_owner, _directory, screens);
	}

	void withdraw() override
	{
		_registry.withdraw(_owner);
	}

private:
	ScreenRegistry& _registry;
	std::string _owner;
	std::string _directory;
};


} // namespace host


#endif // Host_PluginScreens_INCLUDED
