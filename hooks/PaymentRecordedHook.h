//
// PaymentRecordedHook.h
//


#ifndef Reminders_PaymentRecordedHook_INCLUDED
#define Reminders_PaymentRecordedHook_INCLUDED


#include "erp/AuditLog.h"
#include "erp/Events.h"
#include "plugin/store/ReminderFieldStore.h"


namespace reminders {


class PaymentRecordedHook
/// payment.recorded: an invoice paid in full leaves the reminders at
/// once. Its flag is kept (so the history still shows it was reminded);
/// planning only ever takes invoices still owed. The departure is
/// audited ("reminders.invoice.settled"). A partial payment changes
/// nothing here: the outstanding amount is read from the host's data
/// whenever a reminder is planned or sent.
{
public:
	PaymentRecordedHook(const ReminderFieldStore& store, erp::AuditLog& audit);

	void operator()(const erp::PaymentRecorded& event);

private:
	const ReminderFieldStore& _store;
	erp::AuditLog& _audit;
};


} // namespace reminders


#endif // Reminders_PaymentRecordedHook_INCLUDED
