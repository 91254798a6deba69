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
};


} // namespace reminders


#endif // Reminders_InvoiceFlagRule_INCLUDED
