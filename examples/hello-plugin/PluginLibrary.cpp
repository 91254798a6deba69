//
// PluginLibrary.cpp
//
// The entry file: the Poco manifest and the ABI handshake, nothing else.
//


#include "HelloPlugin.h"
#include <Poco/ClassLibrary.h>


ERP_PLUGIN_INFO("hello", HELLO_VERSION, HelloPlugin)


POCO_BEGIN_MANIFEST(erp::Plugin)
POCO_EXPORT_CLASS(HelloPlugin)
POCO_END_MANIFEST
