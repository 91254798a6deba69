//
// PluginRoutes.h
//


#ifndef Host_PluginRoutes_INCLUDED
#define Host_PluginRoutes_INCLUDED


#include "Router.h"
#include "erp/Http.h"
#include <string>


namespace host {


class PluginRoutes: public erp::HttpRoutes
/// erp::HttpRoutes for one plugin: patterns are mounted under
/// /api/plugins/<id>/.
{
public:
	PluginRoutes(Router& router, const std::string& owner, bool queryDeclared):
		_router(router),
		_owner(owner),
		_queryDeclared(queryDeclared)
	{}

	void route(const std::string& method, const std::string& pattern, erp::Role minimum, Handler handler) override
	{
		std::string relative = pattern;
		while (!relative.empty() && relative.front() == '/')
			relative.erase(0, 1);
		_router.add(_owner, method, "/api/plugins/" + _owner + "/" + relative, minimum, std::move(handler),
					_queryDeclared);
	}

	void removeAll() override
	{
		_router.removeAll(_owner);
	}

private:
	Router& _router;
	std::string _owner;
	bool _queryDeclared; /// the plugin asks for ABI 1.5 or later: its patterns say which parameters they take
};


} // namespace host


#endif // Host_PluginRoutes_INCLUDED
