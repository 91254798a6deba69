//
// ScreenViewResource.cpp
//


#include "plugin/ScreenViewResource.h"
#include "erp/ApiError.h"
#include "erp/Money.h"
#include "erp/QueryParameters.h"
#include "plugin/core/CalendarDate.h"
#include "plugin/core/LocaleFormat.h"
#include "plugin/core/StateWords.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <algorithm>
#include <cmath>
#include <map>


namespace reminders {


namespace {

const std::size_t MAX_IDS = 200;

Poco::JSON::Object::Ptr parse(const erp::HttpResponse& response)
{
	return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
}

std::string text(const Poco::JSON::Object& object, const std::string& key)
{
	return object.has(key) && !object.isNull(key) ? object.getValue<std::string>(key) : std::string();
}

Poco::JSON::Object::Ptr words(const std::string& el, const std::string& en)
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	object->set("el", el);
	object->set("en", en);
	return object;
}

// The invoice's amounts and dates in words, added to its JSON.
void describeInvoice(Poco::JSON::Object& invoice, const std::string& language)
{
	const std::string currency = text(invoice, "currency");
	invoice.set("outstanding_text", ScreenViewResource::moneyText(text(invoice, "outstanding"), currency, language));
	invoice.set("total_text", ScreenViewResource::moneyText(text(invoice, "total"), currency, language));
	invoice.set("issue_date_text", ScreenViewResource::dateText(text(invoice, "issue_date"), language));
	const std::string due = text(invoice, "due_date");
	if (!due.empty()) invoice.set("due_date_text", ScreenViewResource::dateText(due, language));
}

} // namespace


ScreenViewResource::ScreenViewResource(erp::Database& database, ReminderFieldStore& store,
									   BulkEnableResource& bulkEnable, PreviewResource& preview, RunsResource& runs):
	_database(database),
	_store(store),
	_bulkEnable(bulkEnable),
	_preview(preview),
	_runs(runs)
{}


void ScreenViewResource::mount(erp::HttpRoutes& routes)
{
	routes.route("GET", "ui/flags?ids&language", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return flags(r); });
	routes.route("GET", "ui/disputes?ids&language", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return disputes(r); });
	routes.route("GET", "ui/bulk-enable?after&language", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return bulkEnable(r); });
	routes.route("GET", "ui/overview?date&language", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return overview(r); });
}


std::string ScreenViewResource::language(const erp::HttpRequest& request)
{
	auto it = request.query.find("language");
	return it != request.query.end() && it->second == "en" ? "en" : "el";
}


std::string ScreenViewResource::moneyText(const std::string& amount, const std::string& currency,
										  const std::string& language)
{
	const std::optional<Poco::Int64> minor = erp::Money::parse(amount, currency);
	return minor ? LocaleFormat::money(*minor, currency, language) : amount;
}


std::string ScreenViewResource::totalsText(const Poco::JSON::Object& totals, const std::string& language)
{
	std::string result;
	for (const auto& [currency, amount]: totals)
	{
		if (!result.empty()) result += " + ";
		result += moneyText(amount.convert<std::string>(), currency, language);
	}
	return result.empty() ? LocaleFormat::money(0, "EUR", language) : result;
}


std::string ScreenViewResource::dateText(const std::string& isoDate, const std::string& language)
{
	const std::optional<CalendarDate> day = CalendarDate::parse(isoDate);
	return day ? LocaleFormat::date(*day, language) : isoDate;
}


std::string ScreenViewResource::stateText(const std::string& state, const std::string& language)
{
	return StateWords::label(state, language);
}


std::vector<Poco::Int64> ScreenViewResource::ids(const erp::HttpRequest& request)
{
	auto it = request.query.find("ids");
	if (it == request.query.end()) throw erp::ApiError::invalid("ids", "ids is required: invoice ids, comma-separated");
	std::vector<Poco::Int64> ids;
	Poco::StringTokenizer parts(it->second, ",",
								Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const std::string& part: parts)
	{
		Poco::Int64 id = 0;
		if (!Poco::NumberParser::tryParse64(part, id) || id <= 0)
			throw erp::ApiError::invalid("ids", "ids must be positive invoice ids, comma-separated");
		ids.push_back(id);
	}
	if (ids.size() > MAX_IDS)
		throw erp::ApiError::invalid("ids", "at most " + std::to_string(MAX_IDS) + " ids at once");
	return ids;
}


erp::HttpResponse ScreenViewResource::disputes(const erp::HttpRequest& request)
{
	Poco::JSON::Object::Ptr states = new Poco::JSON::Object;
	Poco::Data::Session session = _database.session();
	for (Poco::Int64 id: ids(request))
	{
		const std::optional<InvoiceFacts> invoice = _store.invoice(session, id);
		if (!invoice) continue;
		const InvoiceDispute dispute = _store.dispute(session, id);
		Poco::JSON::Object::Ptr state = new Poco::JSON::Object;
		state->set("on", dispute.disputed);
		// A dispute can always be cleared; a settled invoice has nothing left to dispute.
		const bool settled = invoice->status == "paid" || invoice->status == "void";
		state->set("available", dispute.disputed || !settled);
		if (dispute.disputed)
		{
			// Beside the invoice's status in the list, whoever looks.
			state->set("badge", words("Αμφισβητούμενο", "Disputed"));
			state->set(
				"title",
				words("Αμφισβητούμενο: εκτός υπενθυμίσεων" + (dispute.note.empty() ? "" : " · " + dispute.note),
					  "Disputed: left out of the reminders" + (dispute.note.empty() ? "" : " · " + dispute.note)));
		}
		else if (settled)
			state->set("title", words("Εξοφλημένο: τίποτα προς αμφισβήτηση", "Paid: nothing to dispute"));
		else
			state->set("title", words("Δεν αμφισβητείται", "Not disputed"));
		states->set(std::to_string(id), state);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("states", states);
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse ScreenViewResource::flags(const erp::HttpRequest& request)
{
	const std::vector<Poco::Int64> ids = ScreenViewResource::ids(request);

	Poco::JSON::Object::Ptr states = new Poco::JSON::Object;
	Poco::Data::Session session = _database.session();
	for (Poco::Int64 id: ids)
	{
		const std::optional<InvoiceFacts> invoice = _store.invoice(session, id);
		if (!invoice) continue;
		const bool on = _store.invoiceFlag(session, id).value_or(false);
		const bool customerOn = _store.customer(session, invoice->customerId).enabled;
		Poco::JSON::Object::Ptr state = new Poco::JSON::Object;
		state->set("on", on);
		if (invoice->status == "paid" || invoice->status == "void")
		{
			state->set("available", false);
			state->set("title", words("Εξοφλημένο: δεν χρειάζεται υπενθύμιση", "Paid: no reminder needed"));
		}
		else if (on && _store.dispute(session, id).disputed)
		{
			// The mark stays (it takes effect again when the dispute ends).
			state->set("available", true);
			state->set("title", words("Με υπενθύμιση, αλλά αμφισβητείται: εκτός υπενθυμίσεων όσο αμφισβητείται",
									  "With reminder, but disputed: left out while the dispute lasts"));
		}
		else if (!customerOn)
		{
			state->set("available", true);
			state->set("title", on ? words("Με υπενθύμιση, αλλά οι υπενθυμίσεις του πελάτη είναι απενεργοποιημένες",
										   "With reminder, but the customer's reminders are off")
								   : words("Χωρίς υπενθύμιση· οι υπενθυμίσεις του πελάτη είναι απενεργοποιημένες",
										   "Without reminder; the customer's reminders are off"));
		}
		else
		{
			state->set("available", true);
			state->set(
				"title",
				on ? words("Περιλαμβάνεται στην εβδομαδιαία υπενθύμιση", "Included in the weekly reminder")
				   : words("Δεν περιλαμβάνεται στην εβδομαδιαία υπενθύμιση", "Not included in the weekly reminder"));
		}
		states->set(std::to_string(id), state);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("states", states);
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse ScreenViewResource::bulkEnable(const erp::HttpRequest& request)
{
	const std::string lang = language(request);
	erp::HttpRequest inner = request;
	inner.query["limit"] = "50";
	Poco::JSON::Object::Ptr view = parse(_bulkEnable.outstanding(inner));
	Poco::JSON::Array::Ptr customers = view->getArray("customers");
	std::map<std::string, Poco::Int64> pageTotals;
	int invoiceCount = 0;
	for (std::size_t i = 0; i < customers->size(); ++i)
	{
		Poco::JSON::Object::Ptr customer = customers->getObject(static_cast<unsigned>(i));
		Poco::JSON::Array::Ptr invoices = customer->getArray("invoices");
		std::map<std::string, Poco::Int64> totals;
		const bool defaultOn = customer->getObject("reminders")->getValue<bool>("default");
		// A customer whose reminders are off: nothing of theirs can be
		// marked here (the action refuses it); the page says where to
		// switch them on instead of ticking what would be refused.
		const bool customerOn = customer->getObject("reminders")->getValue<bool>("enabled");
		customer->set("off", !customerOn);
		customer->set("all_ticked", customerOn && defaultOn);
		for (std::size_t j = 0; j < invoices->size(); ++j)
		{
			Poco::JSON::Object::Ptr invoice = invoices->getObject(static_cast<unsigned>(j));
			describeInvoice(*invoice, lang);
			// Ticked: an invoice already marked (and said so: the host
			// shows the page again after its action, without the action's
			// parameters), the others as the customer's default suggests.
			const bool marked = invoice->optValue<bool>("with_reminder", false);
			invoice->set("marked", marked);
			invoice->set("ticked", customerOn && (marked || defaultOn));
			invoice->set("blocked", !customerOn);
			invoice->set("customer_id", customer->get("id"));
			const std::string currency = text(*invoice, "currency");
			const Poco::Int64 minor = erp::Money::parse(text(*invoice, "outstanding"), currency).value_or(0);
			totals[currency] = erp::Money::add(totals[currency], minor);
			pageTotals[currency] = erp::Money::add(pageTotals[currency], minor);
			++invoiceCount;
		}
		std::string total;
		for (const auto& [currency, minor]: totals)
			total += (total.empty() ? "" : " + ") + LocaleFormat::money(minor, currency, lang);
		customer->set("total_text", total);
		customer->set("invoice_count_text", LocaleFormat::count(static_cast<long>(invoices->size()), lang,
																lang == "el" ? "τιμολόγιο" : "invoice",
																lang == "el" ? "τιμολόγια" : "invoices"));
	}
	std::string total;
	for (const auto& [currency, minor]: pageTotals)
		total += (total.empty() ? "" : " + ") + LocaleFormat::money(minor, currency, lang);
	view->set("page_total_text", total);
	view->set("invoice_count", invoiceCount);
	if (!view->isNull("next_after"))
		view->set("next_url", "?after=" + std::to_string(view->getValue<Poco::Int64>("next_after")));
	if (request.query.count("after")) view->set("first_url", "?");
	view->set("paged", view->has("next_url") || view->has("first_url"));
	return erp::HttpResponse::json(200, view);
}


// The run's report in words: who was sent a reminder and what became of
// it, who was not and why, and what became of the report to the business
// (the list of runs answers that last one as a state code only).
void ScreenViewResource::describeRun(const erp::HttpRequest& request, Poco::JSON::Object& run, const std::string& lang)
{
	erp::HttpRequest one = request;
	one.query.clear();
	one.params["id"] = std::to_string(run.getValue<Poco::Int64>("id"));
	Poco::JSON::Object::Ptr report = parse(_runs.get(one));
	Poco::JSON::Array::Ptr reminded = report->getArray("reminded");
	for (std::size_t i = 0; reminded && i < reminded->size(); ++i)
	{
		Poco::JSON::Object::Ptr item = reminded->getObject(static_cast<unsigned>(i));
		item->set("state_text", StateWords::label(text(*item, "state"), lang));
		item->set("totals_text", totalsText(*item->getObject("totals"), lang));
	}
	Poco::JSON::Array::Ptr notReminded = report->getArray("not_reminded");
	for (std::size_t i = 0; notReminded && i < notReminded->size(); ++i)
	{
		Poco::JSON::Object::Ptr item = notReminded->getObject(static_cast<unsigned>(i));
		const std::string reason = text(*item, "reason");
		item->set("reason_text", StateWords::label(reason.empty() ? text(*item, "state") : reason, lang));
		item->set("totals_text", totalsText(*item->getObject("totals"), lang));
	}
	run.set("reminded", reminded ? reminded : Poco::JSON::Array::Ptr(new Poco::JSON::Array));
	run.set("not_reminded", notReminded ? notReminded : Poco::JSON::Array::Ptr(new Poco::JSON::Array));
	run.set("progress_text", progressText(*report->getObject("progress"), text(run, "state"), lang));
	const std::string state = text(run, "report");
	run.set("report_state", state.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(state));
	run.set("report", Poco::Dynamic::Var());
	run.set("report_text", state.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(StateWords::label(state, lang)));
}


// How far a run has come, in words: "12 of 40 messages decided · 5.2/s ·
// about 3 min left" (the estimate only while it runs).
std::string ScreenViewResource::progressText(const Poco::JSON::Object& progress, const std::string& state,
											 const std::string& lang)
{
	const bool el = lang == "el";
	const long planned = progress.getValue<long>("planned");
	const long decided = progress.getValue<long>("decided");
	if (state == "running" && planned == 0) return el ? "σχεδιάζεται" : "being planned";
	std::string words = LocaleFormat::number(decided, lang) + (el ? " από " : " of ") +
						LocaleFormat::number(planned, lang) + (el ? " μηνύματα ολοκληρώθηκαν" : " messages decided");
	if (progress.isNull("rate")) return words;
	const double rate = progress.getValue<double>("rate");
	std::string perSecond = Poco::NumberFormatter::format(rate, 1);
	if (el) std::replace(perSecond.begin(), perSecond.end(), '.', ',');
	words += " · " + perSecond + (el ? "/δευτ." : "/s");
	if (state == "running" && !progress.isNull("estimated_end") && rate > 0)
	{
		const long minutes = std::max(1L, static_cast<long>(std::ceil((planned - decided) / rate / 60.0)));
		words += el ? " · περίπου " + LocaleFormat::number(minutes, lang) + " λεπτ. ακόμη"
					: " · about " + LocaleFormat::number(minutes, lang) + " min left";
	}
	return words;
}


erp::HttpResponse ScreenViewResource::overview(const erp::HttpRequest& request)
{
	const std::string lang = language(request);
	erp::HttpRequest inner = request;
	inner.query["limit"] = "100";
	Poco::JSON::Object::Ptr preview = parse(_preview.preview(inner));
	// What the next run would send: the preview of its day.
	if (!request.query.count("date") && text(*preview, "next_run_date") != text(*preview, "date"))
	{
		inner.query["date"] = text(*preview, "next_run_date");
		preview = parse(_preview.preview(inner));
	}
	preview->set("date_text", dateText(text(*preview, "date"), lang));
	// Reminders on, nobody to report to: say so before the Monday.
	preview->set("owner_missing",
				 preview->getValue<bool>("enabled") && !preview->optValue<bool>("owner_email_set", true));
	Poco::JSON::Object::Ptr summary = preview->getObject("summary");
	// Beside "customers to remind": what their reminders list (the API's
	// invoices and totals count those reported without an address too).
	summary->set("totals_text", totalsText(*summary->getObject("reminded_totals"), lang));
	for (const char* list: {"messages", "skipped"})
	{
		Poco::JSON::Array::Ptr items = preview->getArray(list);
		for (std::size_t i = 0; i < items->size(); ++i)
		{
			Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
			item->set("totals_text", totalsText(*item->getObject("totals"), lang));
			std::string reason = StateWords::label(text(*item, "reason"), lang);
			if (item->has("bounced_on"))
			{
				// A soft bounce suppresses only as the last of several in a row.
				const bool soft = item->has("bounce_permanent") && !item->getValue<bool>("bounce_permanent");
				const std::string why =
					Poco::trim(text(*item, "bounce_status") + " " + text(*item, "bounce_diagnostic")).substr(0, 300);
				reason = (lang == "el" ? "η διεύθυνση " : "the address ") + text(*item, "email") +
						 (soft ? (lang == "el" ? " επιστρεφόταν επανειλημμένα, τελευταία στις "
											   : " bounced again and again, last on ")
							   : (lang == "el" ? " επιστράφηκε οριστικά στις " : " bounced for good on ")) +
						 dateText(text(*item, "bounced_on"), lang) + (why.empty() ? "" : " (" + why + ")") +
						 (lang == "el" ? "· εκτός υπενθυμίσεων έως ότου αλλάξει ή αρθεί η επιστροφή"
									   : "; left out until it changes or the bounce is lifted");
			}
			if (item->has("paused_until"))
				reason = (lang == "el" ? "σε παύση έως και " : "paused until ") +
						 dateText(text(*item, "paused_until"), lang) +
						 (lang == "el" ? " (υπόσχεση πληρωμής)" : " inclusive (a promise to pay)");
			item->set("reason_text", reason);
			Poco::JSON::Array::Ptr invoices = item->getArray("invoices");
			for (std::size_t j = 0; j < invoices->size(); ++j)
				describeInvoice(*invoices->getObject(static_cast<unsigned>(j)), lang);
			if (item->has("this_week") && item->isObject("this_week"))
			{
				Poco::JSON::Object::Ptr week = item->getObject("this_week");
				week->set("state_text", StateWords::label(text(*week, "state"), lang));
			}
		}
	}
	erp::HttpRequest runsRequest = request;
	runsRequest.query.clear();
	runsRequest.query["limit"] = "10";
	Poco::JSON::Object::Ptr runs = parse(_runs.list(runsRequest));
	Poco::JSON::Array::Ptr items = runs->getArray("items");
	for (std::size_t i = 0; i < items->size(); ++i)
	{
		Poco::JSON::Object::Ptr run = items->getObject(static_cast<unsigned>(i));
		run->set("date_text", dateText(text(*run, "business_date"), lang));
		const std::string state = text(*run, "state");
		run->set("state_text", state == "done" ? (lang == "el" ? "ολοκληρώθηκε" : "finished")
							   : state == "waiting" ? (lang == "el" ? "αναμένει επαναλήψεις" : "waiting for retries")
													: (lang == "el" ? "σε εξέλιξη" : "running"));
		describeRun(runsRequest, *run, lang);
	}
	preview->set("runs", items);
	return erp::HttpResponse::json(200, preview);
}


} // namespace reminders
