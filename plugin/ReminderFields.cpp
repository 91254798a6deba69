//
// ReminderFields.cpp
//


#include "plugin/ReminderFields.h"
#include "erp/ApiError.h"
#include "erp/JsonBody.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/InvoiceFlagRule.h"
#include "plugin/core/PauseDateRule.h"
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

// The pause date as the section gives it: a date, or "" or null to lift the pause.
std::string pauseDate(const Poco::JSON::Object& values)
{
	if (!values.isNull("paused_until") && !values.get("paused_until").isString())
		throw erp::ApiError::invalid("paused_until", "paused_until must be a date written YYYY-MM-DD, or null");
	return erp::JsonBody(Poco::JSON::Object::Ptr(new Poco::JSON::Object(values)))
		.date("paused_until", false)
		.value_or(std::string());
}

std::string disputeNote(const Poco::JSON::Object& values)
{
	return erp::JsonBody(Poco::JSON::Object::Ptr(new Poco::JSON::Object(values)))
		.text("dispute_note", false, ReminderFields::NOTE_LENGTH)
		.value_or(std::string());
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
	fields.push_back(
		{"customer",
		 "paused_until",
		 "string",
		 "",
		 {{"el", "Παύση υπενθυμίσεων έως"}, {"en", "Pause reminders until"}},
		 {{"el",
		   "Υπόσχεση πληρωμής: καμία υπενθύμιση έως και αυτή την ημερομηνία (ΕΕΕΕ-ΜΜ-ΗΗ), από σήμερα έως δύο χρόνια "
		   "μπροστά. Κενό: χωρίς παύση."},
		  {"en", "A promise to pay: no reminder up to and including this date (YYYY-MM-DD), from today to two years "
				 "ahead. Empty: no pause."}},
		 ""});
	return fields;
}


void ReminderFields::validate(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
							  const Poco::JSON::Object& values, const Poco::JSON::Object& request)
{
	if (entity == "customer")
	{
		onlyKeys(values, {"enabled", "default", "paused_until"});
		if (values.has("enabled")) flag(values, "enabled");
		if (values.has("default")) flag(values, "default");
		if (values.has("paused_until"))
		{
			// A new pause ends from today to two years ahead (PauseDateRule);
			// the date the customer already has may be sent back unchanged (a
			// form saved for another field), and null or "" lifts the pause.
			const std::string until = pauseDate(values);
			if (!until.empty() && until != _store.customer(transaction, id).pausedUntil)
			{
				const CalendarDate today = ZonedClock::today(_settings.load(transaction), _clock);
				const PauseDateRule::Verdict verdict = PauseDateRule::check(*CalendarDate::parse(until), today);
				if (verdict != PauseDateRule::Verdict::ALLOWED)
					throw erp::ApiError::invalid("paused_until", PauseDateRule::explain(verdict, today));
			}
		}
		return;
	}
	onlyKeys(values, {"with_reminder", "disputed", "dispute_note"});
	if (values.has("disputed")) flag(values, "disputed");
	if (values.has("dispute_note")) disputeNote(values);
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
	dropHandOver(transaction);
	if (entity == "customer")
	{
		const CustomerFields before = _store.customer(transaction, id);
		CustomerFields after = before;
		if (values.has("enabled")) after.enabled = flag(values, "enabled");
		if (values.has("default")) after.defaultOn = flag(values, "default");
		if (values.has("paused_until")) after.pausedUntil = pauseDate(values);
		if (after.enabled == before.enabled && after.defaultOn == before.defaultOn &&
			after.pausedUntil == before.pausedUntil)
			return;
		_store.saveCustomer(transaction, id, after, actor);
		auto date = [](const std::string& day) { return day.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(day); };
		Poco::JSON::Object details;
		details.set("enabled", after.enabled);
		details.set("default", after.defaultOn);
		details.set("paused_until", date(after.pausedUntil));
		details.set("was_enabled", before.enabled);
		details.set("was_default", before.defaultOn);
		details.set("was_paused_until", date(before.pausedUntil));
		_audit.append(transaction, {actor, "reminders.customer.update", "customer", std::to_string(id),
									erp::AuditEntry::json(details)});
		return;
	}
	if (!values.has("with_reminder") && !values.has("disputed") && !values.has("dispute_note")) return;
	std::optional<InvoiceFacts> invoice = _store.invoice(transaction, id);
	if (!invoice) throw erp::ApiError::notFound("invoice " + std::to_string(id));
	if (values.has("with_reminder"))
		setInvoiceFlag(transaction, *invoice, flag(values, "with_reminder"), actor, "request");
	setDispute(transaction, *invoice, values, actor);
}


void ReminderFields::setDispute(Poco::Data::Session& transaction, const InvoiceFacts& invoice,
								const Poco::JSON::Object& values, const std::string& actor)
{
	dropHandOver(transaction);
	const InvoiceDispute before = _store.dispute(transaction, invoice.id);
	InvoiceDispute after = before;
	if (values.has("disputed")) after.disputed = flag(values, "disputed");
	if (values.has("dispute_note")) after.note = disputeNote(values);
	if (after.disputed == before.disputed && after.note == before.note) return;
	_store.saveDispute(transaction, invoice.id, after, actor);
	auto note = [](const std::string& text) { return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text); };
	Poco::JSON::Object details;
	details.set("number", invoice.number);
	details.set("disputed", after.disputed);
	details.set("note", note(after.note));
	details.set("was_disputed", before.disputed);
	details.set("was_note", note(before.note));
	_audit.append(transaction, {actor, "reminders.invoice.dispute", "invoice", std::to_string(invoice.id),
								erp::AuditEntry::json(details)});
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
	dropHandOver(transaction);
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
		dropHandOver(session);
		const CustomerFields fields = _store.customer(session, id);
		section->set("enabled", fields.enabled);
		section->set("default", fields.defaultOn);
		section->set("paused_until",
					 fields.pausedUntil.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(fields.pausedUntil));
	}
	else
	{
		// The answer to POST /api/invoices: the host reads the section in
		// the creating transaction, right after the invoice.created hook
		// handed over what it read and decided in it. Nothing on the
		// plugin's tables can change in between (the host writes none of
		// them; SQLite's write lock, MySQL's REPEATABLE READ snapshot keep
		// other connections' commits out), so it is what invoiceView()
		// would read: taken once, for the same invoice on the same
		// connection.
		std::optional<InvoiceView> view = takeHandOver(session);
		if (view && view->invoice.id == id) return wordSection(*view);
		section = invoiceSection(session, id);
	}
	return section;
}


Poco::JSON::Object::Ptr ReminderFields::invoiceSection(Poco::Data::Session& session, Poco::Int64 id) const
{
	Poco::JSON::Object::Ptr section = new Poco::JSON::Object;
	// One statement, the dispute included: every invoice the API answers
	// (each one created too) reads it.
	const std::optional<InvoiceView> view = _store.invoiceView(session, id);
	if (!view)
	{
		section->set("with_reminder", false);
		section->set("disputed", false);
		return section;
	}
	return wordSection(*view);
}


Poco::JSON::Object::Ptr ReminderFields::wordSection(const InvoiceView& found) const
{
	Poco::JSON::Object::Ptr section = new Poco::JSON::Object;
	const InvoiceView* view = &found;
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
	const InvoiceDispute& dispute = view->dispute;
	// A disputed invoice stays out while the dispute lasts, whatever else holds.
	const bool effective = effect.effective && !dispute.disputed;
	const std::string because = effect.effective && dispute.disputed ? "disputed" : effect.because;
	section->set("with_reminder", invoice->withReminder);
	section->set("effective", effective);
	section->set("because", because.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(because));
	section->set("disputed", dispute.disputed);
	section->set("dispute_note", dispute.note.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(dispute.note));
	return section;
}


void ReminderFields::handOver(Poco::Data::Session& transaction, const InvoiceView& view)
{
	std::lock_guard<std::mutex> lock(_handOverMutex);
	_handedOver[transaction.impl()] = view;
}


std::optional<InvoiceView> ReminderFields::takeHandOver(Poco::Data::Session& session)
{
	std::lock_guard<std::mutex> lock(_handOverMutex);
	if (_handedOver.empty()) return std::nullopt;
	auto it = _handedOver.find(session.impl());
	if (it == _handedOver.end()) return std::nullopt;
	std::optional<InvoiceView> view(std::move(it->second));
	_handedOver.erase(it);
	return view;
}


void ReminderFields::dropHandOver(Poco::Data::Session& session)
{
	std::lock_guard<std::mutex> lock(_handOverMutex);
	if (!_handedOver.empty()) _handedOver.erase(session.impl());
}


} // namespace reminders
