//
// WrongBasePlugin.cpp
//
// A library with a valid handshake whose Poco manifest exports a class of
// another base: the host must refuse it.
//


#include "erp/Abi.h"
#include <Poco/ClassLibrary.h>


class NotAnErpPlugin
{
public:
	virtual ~NotAnErpPlugin() = default;
	virtual int answer() const
	{
		return 42;
	}
};


class WrongBasePlugin: public NotAnErpPlugin
{};


POCO_BEGIN_MANIFEST(NotAnErpPlugin)
POCO_EXPORT_CLASS(WrongBasePlugin)
POCO_END_MANIFEST


ERP_PLUGIN_INFO("wrong-base", "1.0.0", WrongBasePlugin)
