//
// ReminderFields.cpp
//


#include "plugin/ReminderFields.h"
#include "erp/ApiError.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/InvoiceFlagRule.h"
#include "plugin/core/ReminderPlanner.h"
#include <sstream>


namespace reminders {


namespace {

bool flag(const Poco::JSON::Object& values, const std::string& key)
{
	const Poco::Dynamic::Var value = values.get(key);
	if (!value.isBoolean()) throw erp::ApiError::invalid(key, key + " must be true or false");
	return value.extract<bool>();
}

void onlyKeys(const Poco::JSON::Object& values, std::initializer_list<const char*> keys)
{
	for (const auto& [name, value]: values)
	{
		bool known = false;
		for (const char* key: keys)
			known = known || name == key;
		if (!known) throw erp::ApiError::invalid(name, "unknown field " + name);
	}
}

void refuse(InvoiceFlagRule::Verdict verdict)
{
	if (verdict != InvoiceFlagRule::Verdict::ALLOWED)
		throw erp::ApiError(400, "reminder_not_allowed", InvoiceFlagRule::explain(verdict), "with_reminder");
}

} // namespace


ReminderFields::ReminderFields(const ReminderFieldStore& store, const SettingsStore& settings, erp::AuditLog& audit,
							   const erp::Clock& clock):
	_store(store),
	_settings(settings),
	_audit(audit),
	_clock(clock)
{}


std::vector<erp::FieldSpec> ReminderFields::specs()
{
	std::vector<erp::FieldSpec> fields;
	fields.push_back({"customer",
					  "enabled",
					  "bool",
					  "true",
					  {{"el", "Ενεργοποίηση υπενθυμίσεων"}, {"en", "Reminders enabled"}},
					  {{"el", "Όταν είναι ανενεργό, ο πελάτης δεν λαμβάνει υπενθυμίσεις."},
					   {"en", "When off, this customer receives no reminder email."}},
					  ""});
	fields.push_back({"customer",
					  "default",
					  "bool",
					  "true",
					  {{"el", "Προεπιλογή υπενθύμισης"}, {"en", "Reminder by default"}},
					  {{"el", "Τα νέα τιμολόγια του πελάτη ξεκινούν με υπενθύμιση."},
					   {"en", "New invoices for this customer start with a payment reminder."}},
					  ""});
	fields.push_back({"invoice",
					  "with_reminder",
					  "bool",
					  "false",
					  {{"el", "Με υπενθύμιση οφειλής"}, {"en", "With payment reminder"}},
					  {{"el", "Το τιμολόγιο περιλαμβάνεται στην εβδομαδιαία υπενθύμιση όσο παραμένει απλήρωτο."},
					   {"en", "The invoice is listed in the weekly reminder while it stays unpaid."}},
					  "!invoice.paid && customer.reminders.enabled"});
	return fields;
}


void ReminderFields::validate(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
							  const Poco::JSON::Object& values, const Poco::JSON::Object& request)
{
	if (entity == "customer")
	{
		onlyKeys(values, {"enabled", "default"});
		if (values.has("enabled")) flag(values, "enabled");
		if (values.has("default")) flag(values, "default");
		return;
	}
	onlyKeys(values, {"with_reminder"});
	if (!values.has("with_reminder")) return;
	const bool withReminder = flag(values, "with_reminder");
	std::string status;
	Poco::Int64 customerId = 0;
	if (id > 0)
	{
		std::optional<InvoiceFacts> invoice = _store.invoice(transaction, id);
		if (!invoice) throw erp::ApiError::notFound("invoice " + std::to_string(id));
		status = invoice->status;
		customerId = invoice->customerId;
	}
	else
	{
		const bool paid = request.has("paid") && request.get("paid").isBoolean() && request.getValue<bool>("paid");
		status = paid ? "paid" : "issued";
		if (request.has("customer_id") && request.get("customer_id").isInteger())
			customerId = request.getValue<Poco::Int64>("customer_id");
	}
	refuse(InvoiceFlagRule::check(withReminder, _store.customer(transaction, customerId).enabled, status));
}


void ReminderFields::write(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
						   const Poco::JSON::Object& values, const std::string& actor)
{
	if (entity == "customer")
	{
		const CustomerFields before = _store.customer(transaction, id);
		CustomerFields after = before;
		if (values.has("enabled")) after.enabled = flag(values, "enabled");
		if (values.has("default")) after.defaultOn = flag(values, "default");
		if (after.enabled == before.enabled && after.defaultOn == before.defaultOn) return;
		_store.saveCustomer(transaction, id, after, actor);
		Poco::JSON::Object details;
		details.set("enabled", after.enabled);
		details.set("default", after.defaultOn);
		details.set("was_enabled", before.enabled);
		details.set("was_default", before.defaultOn);
		_audit.append(transaction, {actor, "reminders.customer.update", "customer", std::to_string(id),
									erp::AuditEntry::json(details)});
		return;
	}
	if (!values.has("with_reminder")) return;
	std::optional<InvoiceFacts> invoice = _store.invoice(transaction, id);
	if (!invoice) throw erp::ApiError::notFound("invoice " + std::to_string(id));
	setInvoiceFlag(transaction, *invoice, flag(values, "with_reminder"), actor, "request");
}


void ReminderFields::setInvoiceFlag(Poco::Data::Session& transaction, const InvoiceFacts& invoice, bool withReminder,
									const std::string& actor, const std::string& source)
{
	setInvoiceFlag(transaction, invoice, withReminder, actor, source, _store.customer(transaction, invoice.customerId),
				   _store.invoiceFlag(transaction, invoice.id));
}


void ReminderFields::setInvoiceFlag(Poco::Data::Session& transaction, const InvoiceFacts& invoice, bool withReminder,
									const std::string& actor, const std::string& source, const CustomerFields& customer,
									std::optional<bool> before)
{
	refuse(InvoiceFlagRule::check(withReminder, customer.enabled, invoice.status));
	if (before && *before == withReminder) return;
	_store.saveInvoiceFlag(transaction, invoice.id, withReminder, actor);
	Poco::JSON::Object details;
	details.set("number", invoice.number);
	details.set("with_reminder", withReminder);
	details.set("was", before ? Poco::Dynamic::Var(*before) : Poco::Dynamic::Var());
	details.set("source", source);
	_audit.append(transaction, {actor, "reminders.invoice.flag", "invoice", std::to_string(invoice.id),
								erp::AuditEntry::json(details)});
}


Poco::JSON::Object::Ptr ReminderFields::read(Poco::Data::Session& session, const std::string& entity, Poco::Int64 id)
{
	Poco::JSON::Object::Ptr section = new Poco::JSON::Object;
	if (entity == "customer")
	{
		const CustomerFields fields = _store.customer(session, id);
		section->set("enabled", fields.enabled);
		section->set("default", fields.defaultOn);
	}
	else
		section = invoiceSection(session, id);
	return section;
}


Poco::JSON::Object::Ptr ReminderFields::invoiceSection(Poco::Data::Session& session, Poco::Int64 id) const
{
	Poco::JSON::Object::Ptr section = new Poco::JSON::Object;
	// One statement: every invoice the API answers (each one created
	// too) reads it.
	const std::optional<InvoiceView> view = _store.invoiceView(session, id);
	if (!view)
	{
		section->set("with_reminder", false);
		return section;
	}
	const OpenInvoice* invoice = &view->invoice;
	ReminderSettings settings; // the defaults, as SettingsStore::load() answers before the first save
	if (view->settingsSaved)
	{
		settings.enabled = view->switchOn;
		settings.daysAfterDue = view->daysAfterDue;
		settings.stopAfterMonths = view->stopAfterMonths;
		settings.timeZone = view->timeZone;
	}
	const CalendarDate today = ZonedClock::today(settings, _clock);
	const bool ended = ReminderPlanner(settings, today).windowEnd(*invoice) <= today;
	const InvoiceFlagRule::Effect effect =
		InvoiceFlagRule::effect(settings.enabled, invoice->withReminder, view->customerEnabled, invoice->status,
								invoice->totalMinor - invoice->paidMinor, ended);
	section->set("with_reminder", invoice->withReminder);
	section->set("effective", effect.effective);
	section->set("because", effect.because.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(effect.because));
	return section;
}


} // namespace reminders
