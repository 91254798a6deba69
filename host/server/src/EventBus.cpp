//
// EventBus.cpp
//


#include "EventBus.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <algorithm>
#include <mutex>
#include <sstream>


using namespace Poco::Data::Keywords;


namespace host {


EventBus::EventBus(AuditService& audit, Poco::Logger& logger):
	_audit(audit),
	_logger(logger)
{}


erp::Events::SubscriptionId EventBus::add(Subscription subscription)
{
	subscription.id = _nextId++;
	std::unique_lock<std::shared_mutex> lock(_mutex);
	_subscriptions.push_back(std::move(subscription));
	return _subscriptions.back().id;
}


erp::Events::SubscriptionId EventBus::subscribe(const std::string& owner, erp::Events::InvoiceCreatedHandler handler)
{
	if (!handler) throw Poco::InvalidArgumentException("empty invoice.created handler");
	Subscription subscription;
	subscription.owner = owner;
	subscription.event = erp::Events::INVOICE_CREATED;
	subscription.invoiceCreated = std::move(handler);
	return add(std::move(subscription));
}


erp::Events::SubscriptionId EventBus::subscribe(const std::string& owner, erp::Events::PaymentRecordedHandler handler)
{
	if (!handler) throw Poco::InvalidArgumentException("empty payment.recorded handler");
	Subscription subscription;
	subscription.owner = owner;
	subscription.event = erp::Events::PAYMENT_RECORDED;
	subscription.paymentRecorded = std::move(handler);
	return add(std::move(subscription));
}


void EventBus::unsubscribe(const std::string& owner, erp::Events::SubscriptionId id)
{
	std::unique_lock<std::shared_mutex> lock(_mutex);
	_subscriptions.erase(std::remove_if(_subscriptions.begin(), _subscriptions.end(),
										[&](const Subscription& s) { return s.id == id && s.owner == owner; }),
						 _subscriptions.end());
}


int EventBus::unsubscribeAll(const std::string& owner)
{
	std::unique_lock<std::shared_mutex> lock(_mutex);
	const auto before = _subscriptions.size();
	_subscriptions.erase(std::remove_if(_subscriptions.begin(), _subscriptions.end(),
										[&](const Subscription& s) { return s.owner == owner; }),
						 _subscriptions.end());
	return static_cast<int>(before - _subscriptions.size());
}


std::vector<std::string> EventBus::subscriptions(const std::string& owner) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	std::vector<std::string> events;
	for (const Subscription& s: _subscriptions)
		if (s.owner == owner) events.push_back(s.event);
	return events;
}


void EventBus::publish(const erp::InvoiceCreated& event)
{
	if (!event.transaction) throw Poco::InvalidArgumentException("invoice.created published without a transaction");
	dispatch(erp::Events::INVOICE_CREATED, *event.transaction, "invoice", event.invoiceId,
			 [&](const Subscription& s) { s.invoiceCreated(event); });
}


void EventBus::publish(const erp::PaymentRecorded& event)
{
	if (!event.transaction) throw Poco::InvalidArgumentException("payment.recorded published without a transaction");
	dispatch(erp::Events::PAYMENT_RECORDED, *event.transaction, "invoice", event.invoiceId,
			 [&](const Subscription& s) { s.paymentRecorded(event); });
}


void EventBus::dispatch(const std::string& event, Poco::Data::Session& transaction, const std::string& entity,
						Poco::Int64 entityId, const std::function<void(const Subscription&)>& call)
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const Subscription& subscription: _subscriptions)
	{
		if (subscription.event != event) continue;
		const std::string savepoint = "hook_" + std::to_string(++_savepoint);
		transaction << "SAVEPOINT " + savepoint, now;
		std::string error;
		try
		{
			call(subscription);
		}
		catch (Poco::Exception& exc)
		{
			error = exc.displayText();
		}
		catch (std::exception& exc)
		{
			error = exc.what();
		}
		catch (...)
		{
			error = "unknown exception";
		}
		if (error.empty())
		{
			transaction << "RELEASE SAVEPOINT " + savepoint, now;
			continue;
		}
		transaction << "ROLLBACK TO SAVEPOINT " + savepoint, now;
		transaction << "RELEASE SAVEPOINT " + savepoint, now;
		_logger.error("%s handler of %s failed on %s %s: %s", event, subscription.owner, entity,
					  std::to_string(entityId), error);
		Poco::JSON::Object details;
		details.set("event", event);
		details.set("subscriber", subscription.owner);
		details.set("error", error);
		_audit.append(transaction,
					  {"system", "host.hook.failed", entity, std::to_string(entityId), erp::AuditEntry::json(details)});
	}
}


} // namespace host
