//
// PluginEvents.h
//


#ifndef Host_PluginEvents_INCLUDED
#define Host_PluginEvents_INCLUDED


#include "EventBus.h"
#include "erp/Events.h"
#include <string>


namespace host {


class PluginEvents: public erp::Events
/// erp::Events for one plugin: its subscriptions carry its id.
{
public:
	PluginEvents(EventBus& bus, const std::string& owner):
		_bus(bus),
		_owner(owner)
	{}

	SubscriptionId onInvoiceCreated(InvoiceCreatedHandler handler) override
	{
		return _bus.subscribe(_owner, std::move(handler));
	}

	SubscriptionId onPaymentRecorded(PaymentRecordedHandler handler) override
	{
		return _bus.subscribe(_owner, std::move(handler));
	}

	void unsubscribe(SubscriptionId id) override
	{
		_bus.unsubscribe(_owner, id);
	}

private:
	EventBus& _bus;
	std::string _owner;
};


} // namespace host


#endif // Host_PluginEvents_INCLUDED
