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


InvoiceFlagRule::Effect InvoiceFlagRule::effect(bool featureOn, bool withReminder, bool customerEnabled,
												const std::string& invoiceStatus, long long outstandingMinor,
												bool remindersEnded)
{
	const char* because = nullptr;
	if (!featureOn)
		because = "feature_off";
	else if (invoiceStatus == "paid" || (invoiceStatus != "void" && outstandingMinor <= 0))
		because = "paid";
	else if (invoiceStatus == "void")
		because = "void";
	else if (!customerEnabled)
		because = "customer_off";
	else if (!withReminder)
		because = "not_flagged";
	else if (remindersEnded)
		because = "reminders_ended";
	return because ? Effect{false, because} : Effect{true, ""};
}


} // namespace reminders
