//
// HelloPlugin.h
//
// The smallest useful plugin: one API route and one task.
//


#ifndef Hello_HelloPlugin_INCLUDED
#define Hello_HelloPlugin_INCLUDED


#include "erp/Plugin.h"


class HelloPlugin: public erp::Plugin
/// Answers GET /api/plugins/hello/greeting (accountants and administrators)
/// with a greeting for the caller and the host's contract version, and
/// registers the task "hello.greet", run only on demand
/// (erp-host --run-task=hello.greet), which says hello for the business day.
{
public:
	void start(erp::Host& host) override;
	/// Registers the route and the task.

	void stop() override;
	/// Removes what start() registered.

private:
	erp::Host* _pHost = nullptr;
};


#endif // Hello_HelloPlugin_INCLUDED
