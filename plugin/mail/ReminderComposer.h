//
// ReminderComposer.h
//


#ifndef Reminders_ReminderComposer_INCLUDED
#define Reminders_ReminderComposer_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include "plugin/core/ReminderSettings.h"
#include "plugin/mail/ComposedMessage.h"
#include "plugin/mail/TemplateSet.h"
#include <string>


namespace reminders {


class ReminderComposer
/// Writes a customer's weekly reminder from its plan: the templates of
/// the plan's language, amounts and dates formatted for that language,
/// and a pay-now link per invoice when a URL pattern is configured
/// ({id}, {number}, {amount}, {currency} are replaced, URL-encoded).
/// Counted nouns get the form LocaleFormat::plural chooses (the templates
/// hold both forms, see templates/README.md). Thread-safe.
{
public:
	ReminderComposer(const TemplateSet& templates, const ReminderSettings& settings, const std::string& payUrlPattern,
					 const std::string& hostTimeZone = "");
	/// hostTimeZone: the host's business zone (erp::Clock::timeZone()),
	/// used for the Date header when the settings name no zone; when both
	/// are empty the Date header is in UTC.

	ComposedMessage reminder(const CustomerPlan& plan, const std::string& messageId) const;
	/// Requires plan.outcome == SEND. The message's timeZone is the
	/// business's zone; the caller sets its date (the instant).

	static std::string payUrl(const std::string& pattern, const OpenInvoice& invoice, Poco::Int64 outstandingMinor);

private:
	const TemplateSet& _templates;
	ReminderSettings _settings;
	std::string _payUrlPattern;
	std::string _hostTimeZone;
};


} // namespace reminders


#endif // Reminders_ReminderComposer_INCLUDED
