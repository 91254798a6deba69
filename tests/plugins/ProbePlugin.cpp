//
// ProbePlugin.cpp
//
// A small plugin for the loader and event tests, built several times with
// PROBE_ID and PROBE_MODE:
//   0 well-behaved: audits every invoice.created ("probe.seen") and serves GET ping
//   1 start() registers a route and a hook, then throws
//   2 its invoice.created hook writes an audit entry, then throws
//   3 its handshake claims host ABI major 99
//


#include "erp/Host.h"
#include "erp/Plugin.h"
#include <Poco/ClassLibrary.h>
#include <stdexcept>


class ProbePlugin: public erp::Plugin
{
public:
	void start(erp::Host& host) override
	{
		_host = &host;
		_subscription = host.events().onInvoiceCreated([&host](const erp::InvoiceCreated& event) {
			const std::string action = PROBE_MODE == 2 ? "probe.before-throw" : "probe.seen";
			host.audit().append(*event.transaction, {"probe", action, "invoice", std::to_string(event.invoiceId), ""});
			if (PROBE_MODE == 2) throw std::runtime_error("probe hook failure");
		});
		host.http().route("GET", "ping", erp::Role::ACCOUNTANT, [](const erp::HttpRequest&) {
			Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
			body->set("id", PROBE_ID);
			return erp::HttpResponse::json(200, body);
		});
		if (PROBE_MODE == 1) throw std::runtime_error("probe start failure");
	}

	void stop() override
	{
		if (!_host) return;
		// Mode 1 leaves its registrations behind on purpose: the host must
		// release them itself.
		if (PROBE_MODE != 1)
		{
			_host->events().unsubscribe(_subscription);
			_host->http().removeAll();
		}
		_host = nullptr;
	}

private:
	erp::Host* _host = nullptr;
	erp::Events::SubscriptionId _subscription = 0;
};


POCO_BEGIN_MANIFEST(erp::Plugin)
POCO_EXPORT_CLASS(ProbePlugin)
POCO_END_MANIFEST


#if PROBE_MODE == 3
extern "C" ERP_API const ErpPluginInfo* erp_plugin_info()
{
	static const ErpPluginInfo info = {99, 0, POCO_VERSION, PROBE_ID, "1.0.0", "ProbePlugin"};
	return &info;
}
#else
ERP_PLUGIN_INFO(PROBE_ID, "1.0.0", ProbePlugin)
#endif
