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
	_fields.dropHandOver(tx);
	// One statement, in the host's transaction: what the switch, the
	// customer and an explicit choice say right now, on any instance.
	const CreationFacts facts = _store.creationFacts(tx, event.invoiceId, event.customerId);
	// An explicit choice in the request stands (ReminderFields stored it).
	bool stored = facts.storedFlag;
	if (!facts.invoiceFlag && !facts.switchOn)
		_logger.debug("invoice %s: reminders are off, left unflagged", event.number);
	else if (!facts.invoiceFlag)
	{
		const bool owed = event.status != "paid" && event.status != "void";
		const bool withReminder = facts.customer.enabled && facts.customer.defaultOn && owed;
		_fields.setInvoiceFlag(tx, InvoiceFacts{event.invoiceId, event.customerId, event.number, event.status},
							   withReminder, event.actor, "customer_default", facts.customer, std::nullopt);
		_logger.debug("invoice %s: with_reminder=%b from the customer's default", event.number, withReminder);
		stored = withReminder;
	}
	// Last, once everything above held: what the answer's section is
	// worded from, as invoiceView() would read it now in this transaction.
	_fields.handOver(tx, view(event, facts, stored));
}


InvoiceView InvoiceCreatedHook::view(const erp::InvoiceCreated& event, const CreationFacts& facts, bool withReminder)
{
	InvoiceView view;
	OpenInvoice& invoice = view.invoice;
	invoice.id = event.invoiceId;
	invoice.customerId = event.customerId;
	invoice.number = event.number;
	invoice.issueDate = CalendarDate::parse(event.issueDate).value_or(CalendarDate());
	if (!event.dueDate.empty()) invoice.dueDate = CalendarDate::parse(event.dueDate);
	invoice.currency = event.currency;
	invoice.totalMinor = event.totalMinor;
	invoice.paidMinor = event.paidMinor;
	invoice.status = event.status;
	invoice.withReminder = withReminder;
	invoice.disputed = facts.dispute.disputed;
	view.settingsSaved = facts.settingsSaved;
	view.switchOn = facts.switchOn;
	view.daysAfterDue = facts.daysAfterDue;
	view.stopAfterMonths = facts.stopAfterMonths;
	view.timeZone = facts.timeZone;
	view.customerEnabled = facts.customer.enabled;
	view.dispute = facts.dispute;
	return view;
}


} // namespace reminders
