//
// PaymentRecordedHook.cpp
//


#include "hooks/PaymentRecordedHook.h"
#include "erp/Money.h"
#include <Poco/JSON/Object.h>
#include <sstream>


namespace reminders {


PaymentRecordedHook::PaymentRecordedHook(const ReminderFieldStore& store, erp::AuditLog& audit):
	_store(store),
	_audit(audit)
{}


void PaymentRecordedHook::operator()(const erp::PaymentRecorded& event)
{
	if (event.invoiceStatus != "paid") return;
	Poco::Data::Session& tx = *event.transaction;
	if (!_store.invoiceFlag(tx, event.invoiceId).value_or(false)) return;
	Poco::JSON::Object details;
	details.set("payment_id", event.paymentId);
	details.set("paid", erp::Money::format(event.invoicePaidMinor, event.currency));
	details.set("currency", event.currency);
	details.set("reason", "paid_in_full");
	_audit.append(tx, {event.actor, "reminders.invoice.settled", "invoice", std::to_string(event.invoiceId),
					   erp::AuditEntry::json(details)});
}


} // namespace reminders
