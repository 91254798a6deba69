//
// InvoiceCreatedHook.h
//


#ifndef Reminders_InvoiceCreatedHook_INCLUDED
#define Reminders_InvoiceCreatedHook_INCLUDED


#include "erp/Events.h"
#include "plugin/ReminderFields.h"
#include "plugin/store/ReminderFieldStore.h"
#include <Poco/Logger.h>


namespace reminders {


class InvoiceCreatedHook
/// invoice.created: while the master switch is on, an invoice created
/// without an explicit "with reminder" choice takes its customer's
/// default («Προεπιλογή υπενθύμισης»), provided the customer's reminders
/// are on and the invoice is still owed. While the switch is off nothing
/// is written: the invoice stays unflagged, and the bulk-enable page
/// offers it once the switch is turned on. An explicit choice in the
/// request was already stored by ReminderFields and is left alone.
///
/// The switch, the customer's fields and that choice are read in one
/// statement in the host's transaction (ReminderFieldStore::creationFacts):
/// no cache, so a switch turned off on any instance holds for the very
/// next invoice. It hands what it read and decided over to the answer's
/// section in the same transaction (ReminderFields::handOver).
{
public:
	InvoiceCreatedHook(const ReminderFieldStore& store, ReminderFields& fields, Poco::Logger& logger);

	void operator()(const erp::InvoiceCreated& event);
	/// Runs in the host's transaction. It throws only on a defect (e.g. a
	/// database error); the host then rolls this hook's writes back to its
	/// savepoint, logs and audits the failure, and the invoice stands.

	static InvoiceView view(const erp::InvoiceCreated& event, const CreationFacts& facts, bool withReminder);
	/// What the created invoice's section is worded from: the host's
	/// figures from the event, the rest from the facts the hook read, with
	/// the flag as it now stands.

private:
	const ReminderFieldStore& _store;
	ReminderFields& _fields;
	Poco::Logger& _logger;
};


} // namespace reminders


#endif // Reminders_InvoiceCreatedHook_INCLUDED
