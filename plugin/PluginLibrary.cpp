//
// PluginLibrary.cpp
//
// The entry file: the Poco manifest and the ABI handshake, nothing else.
//


#include "erp/Abi.h"
#include "erp/Plugin.h"
#include "plugin/ReminderPlugin.h"
#include <Poco/ClassLibrary.h>


using reminders::ReminderPlugin;


POCO_BEGIN_MANIFEST(erp::Plugin)
POCO_EXPORT_CLASS(ReminderPlugin)
POCO_END_MANIFEST


ERP_PLUGIN_INFO("reminders", REMINDERS_VERSION, ReminderPlugin)
