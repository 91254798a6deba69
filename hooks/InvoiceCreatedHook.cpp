//
// InvoiceCreatedHook.cpp
//


#include "hooks/InvoiceCreatedHook.h"


namespace reminders {


InvoiceCreatedHook::InvoiceCreatedHook(const ReminderFieldStore& store, const SettingsStore& settings,
									   ReminderFields& fields, Poco::Logger& logger):
	_store(store),
	_settings(settings),
	_fields(fields),
	_logger(logger)
{}


void InvoiceCreatedHook::operator()(const erp::InvoiceCreated& event)
{
	Poco::Data::Session& tx = *event.transaction;
	if (_store.invoiceFlag(tx, event.invoiceId)) return;
	if (!_settings.enabled(tx))
	{
		_logger.debug("invoice %s: reminders are off, left unflagged", event.number);
		return;
	}
	const CustomerFields customer = _store.customer(tx, event.customerId);
	const bool owed = event.status != "paid" && event.status != "void";
	const bool withReminder = customer.enabled && customer.defaultOn && owed;
	_fields.setInvoiceFlag(tx, InvoiceFacts{event.invoiceId, event.customerId, event.number, event.status},
						   withReminder, event.actor, "customer_default");
	_logger.debug("invoice %s: with_reminder=%b from the customer's default", event.number, withReminder);
}


} // namespace reminders
