//
// InvoiceCreatedHook.cpp
//


#include "hooks/InvoiceCreatedHook.h"


namespace reminders {


InvoiceCreatedHook::InvoiceCreatedHook(const ReminderFieldStore& store, ReminderFields& fields, Poco::Logger& logger):
	_store(store),
	_fields(fields),
	_logger(logger)
{}


void InvoiceCreatedHook::operator()(const erp::InvoiceCreated& event)
{
	Poco::Data::Session& tx = *event.transaction;
	// One statement, in the host's transaction: what the switch, the
	// customer and an explicit choice say right now, on any instance.
	const CreationFacts facts = _store.creationFacts(tx, event.invoiceId, event.customerId);
	if (facts.invoiceFlag) return;
	if (!facts.switchOn)
	{
		_logger.debug("invoice %s: reminders are off, left unflagged", event.number);
		return;
	}
	const bool owed = event.status != "paid" && event.status != "void";
	const bool withReminder = facts.customer.enabled && facts.customer.defaultOn && owed;
	_fields.setInvoiceFlag(tx, InvoiceFacts{event.invoiceId, event.customerId, event.number, event.status},
						   withReminder, event.actor, "customer_default", facts.customer, std::nullopt);
	_logger.debug("invoice %s: with_reminder=%b from the customer's default", event.number, withReminder);
}


} // namespace reminders
