//
// ReminderComposer.cpp
//


#include "plugin/mail/ReminderComposer.h"
#include "erp/Money.h"
#include "plugin/core/LocaleFormat.h"
#include "plugin/mail/HeaderEncoding.h"
#include <Poco/String.h>
#include <Poco/URI.h>


namespace reminders {


namespace {

std::string encoded(const std::string& value)
{
	std::string out;
	Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", out);
	return out;
}

// NAME, the count as the language writes it, and the section NAME_ONE or
// NAME_OTHER that holds the noun in the form the count needs.
void setCount(ctemplate::TemplateDictionary& dictionary, const std::string& name, long count,
			  const std::string& language)
{
	dictionary.SetValue(name, LocaleFormat::number(count, language));
	dictionary.ShowSection(name +
						   (LocaleFormat::plural(count, language) == LocaleFormat::Plural::ONE ? "_ONE" : "_OTHER"));
}

} // namespace


ReminderComposer::ReminderComposer(const TemplateSet& templates, const ReminderSettings& settings,
								   const std::string& payUrlPattern, const std::string& hostTimeZone):
	_templates(templates),
	_settings(settings),
	_payUrlPattern(payUrlPattern),
	_hostTimeZone(hostTimeZone)
{}


std::string ReminderComposer::payUrl(const std::string& pattern, const OpenInvoice& invoice,
									 Poco::Int64 outstandingMinor)
{
	std::string url = pattern;
	Poco::replaceInPlace(url, std::string("{id}"), std::to_string(invoice.id));
	Poco::replaceInPlace(url, std::string("{number}"), encoded(invoice.number));
	Poco::replaceInPlace(url, std::string("{amount}"), erp::Money::format(outstandingMinor, invoice.currency));
	Poco::replaceInPlace(url, std::string("{currency}"), encoded(invoice.currency));
	return url;
}


ComposedMessage ReminderComposer::reminder(const CustomerPlan& plan, const std::string& messageId) const
{
	const std::string& language = plan.language;
	const std::string business = _settings.fromName.empty() ? _settings.fromAddress : _settings.fromName;
	ctemplate::TemplateDictionary dictionary("reminder");
	dictionary.SetValue("BUSINESS_NAME", HeaderEncoding::sanitize(business));
	dictionary.SetValue("CUSTOMER_NAME", HeaderEncoding::sanitize(plan.customer.name));
	setCount(dictionary, "INVOICE_COUNT", static_cast<long>(plan.invoices.size()), language);
	for (const DueInvoice& line: plan.invoices)
	{
		ctemplate::TemplateDictionary* row = dictionary.AddSectionDictionary("INVOICES");
		row->SetValue("NUMBER", HeaderEncoding::sanitize(line.invoice.number));
		// "Reminder no. N": this one counts too.
		row->SetValue("REMINDER_NUMBER", LocaleFormat::number(line.invoice.earlierReminders + 1L, language));
		row->SetValue("ISSUE_DATE", LocaleFormat::date(line.invoice.issueDate, language));
		if (line.basisIsIssueDate)
			row->ShowSection("BASIS_ISSUE");
		else
		{
			row->ShowSection("BASIS_DUE");
			row->SetValue("DUE_DATE", LocaleFormat::date(line.basis, language));
		}
		row->SetValue("TOTAL", LocaleFormat::money(line.invoice.totalMinor, line.invoice.currency, language));
		row->SetValue("PAID", LocaleFormat::money(line.invoice.paidMinor, line.invoice.currency, language));
		row->SetValue("OUTSTANDING", LocaleFormat::money(line.outstandingMinor, line.invoice.currency, language));
		setCount(*row, "DAYS_OVERDUE", line.daysOverdue, language);
		// line.finalReminder is for the owner's report only: the customer is
		// never told that the reminders about an invoice stop.
		if (!_payUrlPattern.empty())
			row->AddSectionDictionary("PAY")->SetValue("PAY_URL",
													   payUrl(_payUrlPattern, line.invoice, line.outstandingMinor));
	}
	for (const auto& [currency, minor]: plan.totals)
		dictionary.AddSectionDictionary("TOTALS")->SetValue("AMOUNT", LocaleFormat::money(minor, currency, language));

	ComposedMessage message = _templates.compose(language, "reminder", dictionary);
	message.fromAddress = _settings.fromAddress;
	message.fromName = _settings.fromName;
	message.replyTo = _settings.replyTo;
	message.to = plan.customer.email;
	message.toName = plan.customer.name;
	message.messageId = messageId;
	message.timeZone = _settings.timeZone.empty() ? _hostTimeZone : _settings.timeZone;
	return message;
}


} // namespace reminders
