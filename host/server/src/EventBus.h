//
// EventBus.h
//


#ifndef Host_EventBus_INCLUDED
#define Host_EventBus_INCLUDED


#include "AuditService.h"
#include "erp/Events.h"
#include <Poco/Logger.h>
#include <atomic>
#include <functional>
#include <shared_mutex>
#include <string>
#include <vector>


namespace host {


class EventBus
/// Dispatches the host's events to subscribers, each tagged with its
/// owner (a plugin id) so that a plugin's leftovers can be removed.
///
/// Each handler runs inside a savepoint of the event's transaction; one
/// that throws is rolled back to its savepoint, logged and audited
/// (action "host.hook.failed", in the same transaction), and the next
/// subscriber runs. The change that raised the event stands.
///
/// Thread-safe. Handlers must not subscribe or unsubscribe.
{
public:
	EventBus(AuditService& audit, Poco::Logger& logger);

	erp::Events::SubscriptionId subscribe(const std::string& owner, erp::Events::InvoiceCreatedHandler handler);
	erp::Events::SubscriptionId subscribe(const std::string& owner, erp::Events::PaymentRecordedHandler handler);
	void unsubscribe(const std::string& owner, erp::Events::SubscriptionId id);
	/// Removes one subscription of that owner; waits for running dispatches.

	int unsubscribeAll(const std::string& owner);
	/// Removes every subscription of the owner; returns how many there were.

	std::vector<std::string> subscriptions(const std::string& owner) const;
	/// The event names the owner subscribes to, in order.

	void publish(const erp::InvoiceCreated& event);
	void publish(const erp::PaymentRecorded& event);
	/// Requires event.transaction: an open transaction.

private:
	struct Subscription
	{
		erp::Events::SubscriptionId id;
		std::string owner;
		std::string event;
		erp::Events::InvoiceCreatedHandler invoiceCreated;
		erp::Events::PaymentRecordedHandler paymentRecorded;
	};

	erp::Events::SubscriptionId add(Subscription subscription);
	void dispatch(const std::string& event, Poco::Data::Session& transaction, const std::string& entity,
				  Poco::Int64 entityId, const std::function<void(const Subscription&)>& call);

	AuditService& _audit;
	Poco::Logger& _logger;
	mutable std::shared_mutex _mutex;
	std::vector<Subscription> _subscriptions;
	std::atomic<erp::Events::SubscriptionId> _nextId{1};
	std::atomic<unsigned> _savepoint{0};
};


} // namespace host


#endif // Host_EventBus_INCLUDED
