//
// InvoiceFlagRule.cpp
//


#include "plugin/core/InvoiceFlagRule.h"


namespace reminders {


InvoiceFlagRule::Verdict InvoiceFlagRule::check(bool withReminder, bool customerEnabled,
												const std::string& invoiceStatus)
{
	if (!withReminder) return Verdict::ALLOWED;
	if (invoiceStatus == "paid") return Verdict::INVOICE_PAID;
	if (invoiceStatus == "void") return Verdict::INVOICE_VOID;
	if (!customerEnabled) return Verdict::CUSTOMER_OFF;
	return Verdict::ALLOWED;
}


std::string InvoiceFlagRule::explain(Verdict verdict)
{
	switch (verdict)
	{
	case Verdict::INVOICE_PAID:
		return "a paid invoice cannot be put with reminder";
	case Verdict::INVOICE_VOID:
		return "a void invoice cannot be put with reminder";
	case Verdict::CUSTOMER_OFF:
		return "the customer's reminders are turned off";
	case Verdict::ALLOWED:
		break;
	}
	return "allowed";
}


} // namespace reminders
