//
// InvoiceFlagRule.h
//


#ifndef Reminders_InvoiceFlagRule_INCLUDED
#define Reminders_InvoiceFlagRule_INCLUDED


#include <string>


namespace reminders {


class InvoiceFlagRule
/// Whether an invoice may be put "with reminder": only an invoice that is
/// still owed (not paid, not void) of a customer whose reminders are on.
/// Turning the flag off is always allowed. Pure and thread-safe.
{
public:
	enum class Verdict
	{
		ALLOWED,
		INVOICE_PAID,
		INVOICE_VOID,
		CUSTOMER_OFF
	};

	static Verdict check(bool withReminder, bool customerEnabled, const std::string& invoiceStatus);

	static std::string explain(Verdict verdict);
	/// One sentence for the API's error message.

	struct Effect
	{
		bool effective = false; /// the invoice is in the weekly reminders (now or once it is due)
		std::string because;    /// why not; empty when effective
	};

	static Effect effect(bool featureOn, bool withReminder, bool customerEnabled, const std::string& invoiceStatus,
						 long long outstandingMinor, bool remindersEnded);
	/// Whether a flag takes effect, and the first reason it does not, in
	/// this order: "feature_off" (the master switch is off), "paid" (paid
	/// in full, or nothing left to pay), "void", "customer_off" (the
	/// customer's reminders are off), "not_flagged", "reminders_ended" (its
	/// stop-after-months window is over).
};


} // namespace reminders


#endif // Reminders_InvoiceFlagRule_INCLUDED
