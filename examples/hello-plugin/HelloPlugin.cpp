//
// HelloPlugin.cpp
//


#include "HelloPlugin.h"
#include "erp/Host.h"
#include <Poco/JSON/Object.h>


void HelloPlugin::start(erp::Host& host)
{
	_pHost = &host;
	const unsigned hostMinor = host.abiMinor();
	host.http().route("GET", "greeting", erp::Role::ACCOUNTANT, [hostMinor](const erp::HttpRequest& request) {
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("greeting", "Hello, " + request.user + "!");
		body->set("plugin", "hello");
		body->set("host_abi", std::to_string(ERP_ABI_MAJOR) + "." + std::to_string(hostMinor));
		return erp::HttpResponse::json(200, body);
	});
	// nextRun answers "never": the task runs only when an operator asks.
	host.scheduler().registerTask(
		"hello.greet", [](const Poco::Timestamp&) { return std::optional<Poco::Timestamp>(); },
		[](const erp::TaskRun& run) {
			return erp::TaskResult{true, "hello, business day " + run.today};
		});
	host.logger().information("hello: started");
}


void HelloPlugin::stop()
{
	if (!_pHost) return;
	_pHost->scheduler().unregisterTask("hello.greet");
	_pHost->http().removeAll();
	_pHost = nullptr;
}
