//
// RunReport.cpp
//


#include "plugin/RunReport.h"
#include "erp/ApiError.h"
#include "erp/Instant.h"
#include "erp/Money.h"
#include "plugin/PlanJson.h"
#include "plugin/core/AgeBand.h"
#include "plugin/core/LocaleFormat.h"
#include "plugin/core/StateWords.h"
#include "plugin/mail/HeaderEncoding.h"
#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/Transport.h"
#include <Poco/JSON/Array.h>
#include <Poco/String.h>
#include <map>


namespace reminders {


namespace {

// A state or reason as the owner reads it.
bool reminded(const MessageRecord& message)
{
	return message.state != "skipped" && message.state != "cancelled";
}

// The order in which the owner reads the states: what reached a server,
// what did not, what is still open.
const char* const STATE_ORDER[] = {"accepted", "spooled",  "rejected", "failed",  "credentials_refused",
								   "unknown",  "deferred", "pending",  "sending", "cancelled",
								   "skipped"};

bool credentialsRefused(const MessageRecord& message)
{
	return message.state == "failed" && CredentialsRefused::describes(message.replyText);
}

// The state under which the owner's email counts and lists a message.
std::string shownState(const MessageRecord& message)
{
	return credentialsRefused(message) ? "credentials_refused" : message.state;
}

// The line that opens the report when the server refused the credentials
// (WeeklyRun stopped sending), or "" when it did not.
std::string alertOf(const std::vector<MessageRecord>& messages, const std::vector<ReportRecord>& reports,
					const std::string& language)
{
	std::string reply;
	int unsent = 0, sent = 0;
	for (const MessageRecord& message: messages)
	{
		if (credentialsRefused(message))
		{
			if (reply.empty()) reply = message.replyText.substr(CredentialsRefused::PREFIX.size());
			++unsent;
		}
		sent += message.state == "accepted" || message.state == "spooled" || message.state == "unknown";
	}
	const bool el = language == "el";
	std::string tail;
	if (unsent && !sent)
		tail = el ? "δεν στάλθηκε καμία υπενθύμιση" : "no reminder was sent";
	else if (unsent)
		tail = el ? std::to_string(unsent) + (unsent == 1 ? " υπενθύμιση δεν στάλθηκε" : " υπενθυμίσεις δεν στάλθηκαν")
				  : std::to_string(unsent) + (unsent == 1 ? " reminder was not sent" : " reminders were not sent");
	else
		for (const ReportRecord& report: reports)
			if (report.state == "failed" && CredentialsRefused::describes(report.replyText))
			{
				reply = report.replyText.substr(CredentialsRefused::PREFIX.size());
				tail = el ? "η αναφορά δεν στάλθηκε" : "the owner's report was not sent";
			}
	if (tail.empty()) return "";
	return (el ? "Ο διακομιστής αλληλογραφίας απέρριψε τα διαπιστευτήρια των υπενθυμίσεων: " + reply + "· "
			   : "The mail server refused the reminders' credentials: " + reply + "; ") +
		   tail;
}

std::string notSentReason(const MessageRecord& message, const std::string& language)
{
	if (message.state == "skipped")
	{
		std::string reason = StateWords::label(message.skipReason, language);
		if (message.skipReason == "invalid_email" && !message.customerEmail.empty())
			reason += ": \"" + HeaderEncoding::sanitize(message.customerEmail) + "\"";
		return reason;
	}
	return StateWords::label(message.state, language);
}

} // namespace


RunReport RunReport::load(Poco::Data::Session& session, const RunStore& store, Poco::Int64 runId)
{
	RunReport report;
	std::optional<RunRecord> run = store.run(session, runId);
	if (!run) throw erp::ApiError::notFound("run " + std::to_string(runId));
	report._run = *run;
	report._messages = store.messages(session, runId);
	report._listed = store.listedInvoices(session, runId);
	report._reports = store.reports(session, runId);
	report.loadBounces(session);
	report._pauses = store.heldPauses(session, runId);
	return report;
}


std::string RunReport::reportState(const RunRecord& run, const std::vector<ReportRecord>& reports)
{
	// Runs from before reports were outbox rows kept the state on the run.
	std::string state = run.reportState;
	for (const ReportRecord& report: reports) // first before final
		if (report.state != "superseded") state = report.state;
	return state;
}


std::string RunReport::reply(int code, const std::string& text)
{
	if (!code) return text;
	const std::string prefix = std::to_string(code);
	if (text.compare(0, prefix.size(), prefix) == 0 &&
		(text.size() == prefix.size() || text[prefix.size()] == ' ' || text[prefix.size()] == '-'))
		return text;
	return text.empty() ? prefix : prefix + " " + text;
}


const RunRecord& RunReport::run() const
{
	return _run;
}


Poco::JSON::Object::Ptr RunReport::toJson() const
{
	std::map<Poco::Int64, std::vector<const ListedInvoice*>> byMessage;
	for (const ListedInvoice& listed: _listed)
		byMessage[listed.messageId].push_back(&listed);

	Poco::JSON::Array::Ptr remindedList = new Poco::JSON::Array;
	Poco::JSON::Array::Ptr notReminded = new Poco::JSON::Array;
	Poco::JSON::Array::Ptr stopped = new Poco::JSON::Array;
	std::map<std::string, int> states;
	std::map<std::string, Poco::Int64> totals;
	int invoices = 0;
	for (const MessageRecord& message: _messages)
	{
		++states[message.state];
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("customer_id", message.customerId);
		item->set("customer", message.customerName);
		item->set("state", message.state);
		std::map<std::string, Poco::Int64> customerTotals;
		Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
		for (const ListedInvoice* listed: byMessage[message.id])
		{
			customerTotals[listed->currency] =
				erp::Money::add(customerTotals[listed->currency], listed->outstandingMinor);
			Poco::JSON::Object::Ptr invoice = new Poco::JSON::Object;
			invoice->set("invoice_id", listed->invoiceId);
			invoice->set("number", listed->number);
			invoice->set("currency", listed->currency);
			invoice->set("outstanding", erp::Money::format(listed->outstandingMinor, listed->currency));
			invoice->set("days_overdue", listed->daysOverdue);
			invoice->set("age_band", AgeBand::code(AgeBand::of(listed->daysOverdue)));
			invoice->set("final_reminder", listed->finalReminder);
			list->add(invoice);
			if (reminded(message) && listed->finalReminder)
			{
				Poco::JSON::Object::Ptr last = new Poco::JSON::Object(*invoice);
				last->set("customer", message.customerName);
				stopped->add(last);
			}
		}
		item->set("invoices", list);
		item->set("totals", PlanJson::totals(customerTotals));
		if (reminded(message))
		{
			invoices += static_cast<int>(list->size());
			for (const auto& [currency, minor]: customerTotals)
				totals[currency] = erp::Money::add(totals[currency], minor);
			item->set("recipient", message.recipient);
			item->set("attempts", message.attempts);
			item->set("reply_code", message.replyCode ? Poco::Dynamic::Var(message.replyCode) : Poco::Dynamic::Var());
			item->set("reply_text",
					  message.replyText.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(message.replyText));
			item->set("message_id",
					  message.messageId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(message.messageId));
			item->set("updated_at", message.updatedAt);
			remindedList->add(item);
		}
		else
		{
			item->set("reason", message.state == "skipped" ? message.skipReason : message.replyText);
			if (message.state == "skipped" && message.skipReason == "invalid_email")
				item->set("email", message.customerEmail);
			if (message.state == "skipped" && message.skipReason == "paused" && _pauses.count(message.customerId))
				item->set("paused_until", _pauses.at(message.customerId));
			if (message.state == "skipped" && message.skipReason == "address_bounced")
			{
				item->set("email", message.customerEmail);
				const auto found = _suppressing.find(Poco::toLower(message.customerEmail));
				if (found != _suppressing.end())
				{
					item->set("bounced_on", found->second.receivedAt.substr(0, 10));
					item->set("bounce_status", found->second.status);
					item->set("bounce_diagnostic", found->second.diagnostic);
					item->set("bounce_permanent", found->second.permanent);
				}
			}
			notReminded->add(item);
		}
	}
	Poco::JSON::Object::Ptr counts = new Poco::JSON::Object;
	for (const auto& [state, count]: states)
		counts->set(state, count);
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("id", _run.id);
	body->set("iso_week", _run.isoWeek);
	body->set("sequence", _run.sequence);
	body->set("business_date", _run.businessDate);
	body->set("state", _run.state);
	body->set("started_by", _run.startedBy);
	body->set("started_at", _run.startedAt);
	body->set("finished_at", _run.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(_run.finishedAt));
	const std::string state = reportState(_run, _reports);
	Poco::JSON::Array::Ptr reports = new Poco::JSON::Array;
	for (const ReportRecord& report: _reports)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("kind", report.kind);
		item->set("recipient", report.recipient);
		item->set("state", report.state);
		item->set("attempts", report.attempts);
		item->set("reply_code", report.replyCode ? Poco::Dynamic::Var(report.replyCode) : Poco::Dynamic::Var());
		item->set("reply_text", report.replyText.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(report.replyText));
		item->set("next_attempt_at",
				  report.nextAttemptAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(report.nextAttemptAt));
		item->set("updated_at", report.updatedAt);
		reports->add(item);
	}
	body->set("report", state.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(state));
	// First among the keys: what stopped the run, when something did.
	const std::string alert = alertOf(_messages, _reports, "en");
	if (alert.empty())
		body->set("alert", Poco::Dynamic::Var());
	else
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("reason", "credentials_refused");
		item->set("message", alert);
		body->set("alert", item);
	}
	body->set("reports", reports);
	body->set("counts", counts);
	body->set("invoices", invoices);
	body->set("totals", PlanJson::totals(totals));
	body->set("reminded", remindedList);
	body->set("not_reminded", notReminded);
	body->set("final_reminders", stopped);
	body->set("bounces", bouncesJson());
	body->set("age_bands", ageBandsJson());
	body->set("note", "accepted means the mail server the message was handed to (the business's relay or the "
					  "recipient's) took it; nobody can tell whether it then reached the inbox");
	return body;
}


ComposedMessage RunReport::email(const TemplateSet& templates, const ReminderSettings& settings,
								 const std::string& kind) const
{
	const std::string language = settings.fallbackLanguage;
	std::map<Poco::Int64, std::vector<const ListedInvoice*>> byMessage;
	for (const ListedInvoice& listed: _listed)
		byMessage[listed.messageId].push_back(&listed);
	ctemplate::TemplateDictionary dictionary("report");
	dictionary.SetValue("DATE", LocaleFormat::date(*CalendarDate::parse(_run.businessDate), language));
	dictionary.SetValue("WEEK", _run.isoWeek);
	dictionary.ShowSection(kind == "first" ? "FIRST" : "FINAL");
	const std::string alert = alertOf(_messages, _reports, language);
	if (!alert.empty()) dictionary.AddSectionDictionary("ALERT")->SetValue("MESSAGE", alert);
	std::map<std::string, Poco::Int64> totals;
	std::map<std::string, int> states;
	int sent = 0, invoices = 0;
	ctemplate::TemplateDictionary* notSent = nullptr; // the NOT_SENT_ANY section, made on first use
	ctemplate::TemplateDictionary* stoppedAny = nullptr;
	for (const MessageRecord& message: _messages)
	{
		++states[shownState(message)];
		std::map<std::string, Poco::Int64> customerTotals;
		for (const ListedInvoice* listed: byMessage[message.id])
			customerTotals[listed->currency] =
				erp::Money::add(customerTotals[listed->currency], listed->outstandingMinor);
		ctemplate::TemplateDictionary* row = nullptr;
		if (reminded(message))
		{
			++sent;
			invoices += static_cast<int>(byMessage[message.id].size());
			row = dictionary.AddSectionDictionary("SENT");
			row->SetValue("RECIPIENT", message.recipient);
			row->SetValue("STATE", StateWords::label(shownState(message), language));
			if (credentialsRefused(message))
				row->AddSectionDictionary("REPLY")->SetValue(
					"REPLY", message.replyText.substr(CredentialsRefused::PREFIX.size()));
			else if (!message.replyText.empty() && message.state != "spooled")
				row->AddSectionDictionary("REPLY")->SetValue("REPLY", reply(message.replyCode, message.replyText));
			row->SetIntValue("INVOICES", static_cast<long>(byMessage[message.id].size()));
			for (const auto& [currency, minor]: customerTotals)
				totals[currency] = erp::Money::add(totals[currency], minor);
			for (const ListedInvoice* listed: byMessage[message.id])
				if (listed->finalReminder)
				{
					if (!stoppedAny) stoppedAny = dictionary.AddSectionDictionary("STOPPED_ANY");
					ctemplate::TemplateDictionary* last = stoppedAny->AddSectionDictionary("STOPPED");
					last->SetValue("NUMBER", HeaderEncoding::sanitize(listed->number));
					last->SetValue("CUSTOMER_NAME", HeaderEncoding::sanitize(message.customerName));
					last->SetValue("OUTSTANDING",
								   LocaleFormat::money(listed->outstandingMinor, listed->currency, language));
				}
		}
		else
		{
			if (!notSent) notSent = dictionary.AddSectionDictionary("NOT_SENT_ANY");
			row = notSent->AddSectionDictionary("NOT_SENT");
			row->SetValue("REASON", message.state == "skipped" && message.skipReason == "address_bounced"
										? bouncedReason(message, language)
									: message.state == "skipped" && message.skipReason == "paused"
										? pausedReason(message, language)
										: notSentReason(message, language));
		}
		row->SetValue("CUSTOMER_NAME", HeaderEncoding::sanitize(message.customerName));
		for (const auto& [currency, minor]: customerTotals)
			row->AddSectionDictionary("CUSTOMER_TOTALS")
				->SetValue("AMOUNT", LocaleFormat::money(minor, currency, language));
	}
	for (const char* state: STATE_ORDER)
		if (states.count(state))
		{
			ctemplate::TemplateDictionary* count = dictionary.AddSectionDictionary("COUNT");
			count->SetValue("LABEL", StateWords::label(state, language));
			count->SetIntValue("N", states[state]);
		}
	bouncesSection(dictionary, language);
	if (states.count("deferred")) dictionary.ShowSection("RETRIES_PENDING");
	dictionary.SetIntValue("SENT_COUNT", sent);
	dictionary.SetIntValue("INVOICE_COUNT", invoices);
	for (const auto& [currency, minor]: totals)
		dictionary.AddSectionDictionary("TOTALS")->SetValue("AMOUNT", LocaleFormat::money(minor, currency, language));
	fillAgeBands(dictionary, language);

	ComposedMessage message = templates.compose(language, "report", dictionary);
	message.fromAddress = settings.fromAddress;
	message.fromName = settings.fromName;
	message.to = settings.ownerEmail;
	message.messageId =
		MimeBuilder::newMessageId(settings.fromAddress, "report." + std::to_string(_run.id) + "." + kind);
	return message;
}


void RunReport::loadBounces(Poco::Data::Session& session)
{
	const BounceStore bounces;
	const std::optional<Poco::Timestamp> started = erp::Instant::parse(_run.startedAt);
	if (started)
	{
		const Poco::Timestamp weekBefore = *started - Poco::Timespan(7, 0, 0, 0, 0);
		_bounces = bounces.bounced(session, erp::Instant::format(weekBefore), erp::Instant::format(*started));
	}
	for (const MessageRecord& message: _messages)
		if (message.state == "skipped" && message.skipReason == "address_bounced" && !message.customerEmail.empty())
			if (std::optional<BounceRecord> bounce = bounces.suppressing(session, message.customerEmail))
				_suppressing[Poco::toLower(message.customerEmail)] = *bounce;
}


std::string RunReport::pausedReason(const MessageRecord& message, const std::string& language) const
{
	const auto found = _pauses.find(message.customerId);
	const std::optional<CalendarDate> until =
		found == _pauses.end() ? std::nullopt : CalendarDate::parse(found->second);
	// The pause as it is now: lifted since the plan, the plain reason.
	if (!until) return StateWords::label("paused", language);
	const std::string day = LocaleFormat::date(*until, language);
	return language == "el" ? "σε παύση έως και " + day + " (υπόσχεση πληρωμής)"
							: "paused until " + day + " inclusive (a promise to pay)";
}


std::string RunReport::bouncedReason(const MessageRecord& message, const std::string& language) const
{
	const bool el = language == "el";
	const auto found = _suppressing.find(Poco::toLower(message.customerEmail));
	if (found == _suppressing.end()) return StateWords::label("address_bounced", language);
	const BounceRecord& bounce = found->second;
	const std::string day = CalendarDate::parse(bounce.receivedAt.substr(0, 10))
								? LocaleFormat::date(*CalendarDate::parse(bounce.receivedAt.substr(0, 10)), language)
								: bounce.receivedAt;
	std::string text = (el ? "η διεύθυνση " : "the address ") + HeaderEncoding::sanitize(message.customerEmail) +
					   (bounce.permanent ? (el ? " επιστράφηκε οριστικά στις " : " bounced for good on ")
										 : (el ? " επιστρεφόταν επανειλημμένα, τελευταία στις "
											   : " bounced again and again, last on ")) +
					   day;
	const std::string why = Poco::trim(bounce.status + " " + bounce.diagnostic);
	if (!why.empty()) text += " (" + HeaderEncoding::sanitize(why.substr(0, 300)) + ")";
	return text;
}


Poco::JSON::Array::Ptr RunReport::bouncesJson() const
{
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	for (const ListedBounce& listed: _bounces)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("customer_id", listed.customerId ? Poco::Dynamic::Var(listed.customerId) : Poco::Dynamic::Var());
		item->set("customer", listed.customerId ? Poco::Dynamic::Var(listed.customerName) : Poco::Dynamic::Var());
		item->set("address", listed.bounce.recipient);
		item->set("received_at", listed.bounce.receivedAt);
		item->set("status",
				  listed.bounce.status.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(listed.bounce.status));
		item->set("diagnostic", listed.bounce.diagnostic);
		item->set("permanent", listed.bounce.permanent);
		item->set("suppressed", listed.suppressedNow);
		list->add(item);
	}
	return list;
}


std::vector<RunReport::Band> RunReport::ageBands() const
{
	std::map<Poco::Int64, const MessageRecord*> messages;
	for (const MessageRecord& message: _messages)
		messages[message.id] = &message;
	std::vector<Band> bands(AgeBand::COUNT);
	for (const ListedInvoice& listed: _listed)
	{
		auto found = messages.find(listed.messageId);
		if (found == messages.end() || !reminded(*found->second)) continue;
		Band& band = bands[static_cast<std::size_t>(AgeBand::of(listed.daysOverdue))];
		++band.invoices;
		band.totals[listed.currency] = erp::Money::add(band.totals[listed.currency], listed.outstandingMinor);
	}
	return bands;
}


Poco::JSON::Array::Ptr RunReport::ageBandsJson() const
{
	Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
	const std::vector<Band> bands = ageBands();
	for (std::size_t i = 0; i < bands.size(); ++i)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("band", AgeBand::code(static_cast<int>(i)));
		item->set("invoices", bands[i].invoices);
		item->set("totals", PlanJson::totals(bands[i].totals));
		list->add(item);
	}
	return list;
}


void RunReport::bouncesSection(ctemplate::TemplateDictionary& dictionary, const std::string& language) const
{
	if (_bounces.empty()) return;
	const bool el = language == "el";
	ctemplate::TemplateDictionary* any = dictionary.AddSectionDictionary("BOUNCES_ANY");
	for (const ListedBounce& listed: _bounces)
	{
		ctemplate::TemplateDictionary* row = any->AddSectionDictionary("BOUNCE");
		row->SetValue("CUSTOMER_NAME", listed.customerId ? HeaderEncoding::sanitize(listed.customerName)
														 : std::string(el ? "η αναφορά προς εσάς" : "your report"));
		row->SetValue("ADDRESS", HeaderEncoding::sanitize(listed.bounce.recipient));
		const std::optional<CalendarDate> day = CalendarDate::parse(listed.bounce.receivedAt.substr(0, 10));
		row->SetValue("DATE", day ? LocaleFormat::date(*day, language) : listed.bounce.receivedAt);
		row->SetValue("KIND", listed.bounce.permanent ? (el ? "οριστική επιστροφή" : "hard bounce")
													  : (el ? "προσωρινή επιστροφή" : "soft bounce"));
		row->SetValue("STATUS", listed.bounce.status.empty() ? std::string("-") : listed.bounce.status);
		row->SetValue("DIAGNOSTIC", HeaderEncoding::sanitize(listed.bounce.diagnostic.substr(0, 300)));
		if (listed.suppressedNow) row->ShowSection("SUPPRESSED");
	}
}


void RunReport::fillAgeBands(ctemplate::TemplateDictionary& dictionary, const std::string& language) const
{
	const std::vector<Band> bands = ageBands();
	ctemplate::TemplateDictionary* any = nullptr; // the AGE_BANDS_ANY section, made on first use
	for (std::size_t i = 0; i < bands.size(); ++i)
	{
		if (bands[i].invoices == 0) continue;
		if (!any) any = dictionary.AddSectionDictionary("AGE_BANDS_ANY");
		ctemplate::TemplateDictionary* row = any->AddSectionDictionary("AGE_BAND");
		row->SetValue("BAND", AgeBand::label(static_cast<int>(i), language));
		row->SetValue("INVOICES", LocaleFormat::number(bands[i].invoices, language));
		row->ShowSection(LocaleFormat::plural(bands[i].invoices, language) == LocaleFormat::Plural::ONE
							 ? "INVOICES_ONE"
							 : "INVOICES_OTHER");
		for (const auto& [currency, minor]: bands[i].totals)
			row->AddSectionDictionary("BAND_TOTALS")
				->SetValue("AMOUNT", LocaleFormat::money(minor, currency, language));
	}
}


} // namespace reminders
