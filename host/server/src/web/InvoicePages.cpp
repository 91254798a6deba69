//
// InvoicePages.cpp
//


#include "web/InvoicePages.h"
#include "erp/ApiError.h"
#include "web/ApiCall.h"
#include "web/DisplayFormat.h"
#include "web/FormData.h"
#include "web/FormErrors.h"
#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <algorithm>


namespace host {


const int InvoicePages::PAGE_SIZE = 20;
const int InvoicePages::CUSTOMER_CHOICES = 50;


namespace {

const char* const STATUSES[] = {"issued", "partially_paid", "paid"};
const std::vector<std::string> INVOICE_FIELDS = {"number",   "customer_id", "issue_date", "due_date",
												 "currency", "total",       "paid"};
const std::vector<std::string> PAYMENT_FIELDS = {"amount", "paid_on", "reference"};

std::string query(const WebRequest& request, const std::string& name, std::size_t maxLength = 200)
{
	auto it = request.query.find(name);
	return it == request.query.end() ? std::string() : it->second.substr(0, maxLength);
}

std::string field(const std::map<std::string, std::string>& fields, const std::string& name)
{
	auto it = fields.find(name);
	return it == fields.end() ? std::string() : it->second;
}

bool isDigits(const std::string& text)
{
	return !text.empty() && text.size() <= 18 &&
		   std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string upper(std::string text)
{
	std::transform(text.begin(), text.end(), text.begin(), ::toupper);
	return text;
}

std::string encoded(const std::string& text)
{
	std::string out;
	Poco::URI::encode(text, "&=+?#/;", out);
	return out;
}

// An amount as typed: "1234,50" (a decimal comma and no point) is read as
// "1234.50"; anything else goes to the API as typed, which decides.
std::string amountText(const std::string& typed)
{
	std::string text = Poco::trim(typed);
	if (text.find(',') != std::string::npos && text.find('.') == std::string::npos)
		std::replace(text.begin(), text.end(), ',', '.');
	return text;
}

} // namespace


InvoicePages::InvoicePages(InvoiceResource& invoices, CustomerResource& customers, const erp::Clock& clock,
						   const PageRenderer& pages, const MessageCatalog& messages, const RecordFieldsForm& extra,
						   const ListExtras& rows):
	_invoices(invoices),
	_customers(customers),
	_clock(clock),
	_pages(pages),
	_messages(messages),
	_extra(extra),
	_rows(rows)
{}


InvoicePages::Extras InvoicePages::extras(const SignedIn& who, const Fields& values,
										  const std::multimap<std::string, std::string>* posted) const
{
	const std::vector<RecordFieldsForm::Field> fields = _extra.fields("invoice", who);
	Extras result;
	if (fields.empty()) return result;
	RecordFieldsForm::Values context{{"invoice.paid", field(values, "paid") == "yes" ? "1" : "0"}};
	const std::string customer = field(values, "customer_id");
	if (isDigits(customer))
	{
		erp::HttpRequest api = ApiCall::request(who, "GET", "/api/customers/" + customer);
		api.params["id"] = customer;
		try
		{
			for (const auto& [name, value]:
				 RecordFieldsForm::context("customer", *ApiCall::object(_customers.get(api))))
				context[name] = value;
		}
		catch (const erp::ApiError&)
		{
			// No such customer: its fields are unknown (the API refuses the choice).
		}
	}
	result.shown = RecordFieldsForm::visible(fields, context);
	result.values = RecordFieldsForm::fromRecord(result.shown, nullptr);
	for (const auto& [name, value]: _extra.presets("invoice", result.shown, context))
		result.values[name] = value;
	// What the user set stays, as long as the customer it was set for does.
	if (posted)
	{
		auto shownFor = posted->find("extras_customer");
		if (shownFor != posted->end() && shownFor->second == customer)
			for (const auto& [name, value]: RecordFieldsForm::fromForm(result.shown, *posted))
				result.values[name] = value;
	}
	return result;
}


WebResponse InvoicePages::list(const WebRequest& request, const SignedIn& who) const
{
	int page = 1;
	if (auto it = request.query.find("page"); it != request.query.end())
		if (!Poco::NumberParser::tryParse(it->second, page) || page < 1 || page > 1000000) page = 1;
	std::string status = query(request, "status");
	if (std::find(std::begin(STATUSES), std::end(STATUSES), status) == std::end(STATUSES)) status.clear();
	const std::string customer = Poco::trim(query(request, "customer"));
	std::string customerId = query(request, "customer_id");
	if (!isDigits(customerId) || customerId[0] == '0') customerId.clear();
	const bool overdue = query(request, "overdue") == "1";

	erp::HttpRequest api = ApiCall::request(who, "GET", "/api/invoices");
	// One more than a page: whether a next page exists.
	api.query["limit"] = std::to_string(PAGE_SIZE + 1);
	api.query["offset"] = std::to_string((page - 1) * PAGE_SIZE);
	api.query["order"] = "newest"; // what was just issued on the first page
	if (!status.empty()) api.query["status"] = status;
	if (!customer.empty()) api.query["customer_name"] = customer;
	if (!customerId.empty()) api.query["customer_id"] = customerId;
	if (overdue) api.query["overdue"] = "true";
	Poco::JSON::Array::Ptr items = ApiCall::object(_invoices.list(api))->getArray("items");

	std::string filters;
	if (!status.empty()) filters += "&status=" + status;
	if (!customer.empty()) filters += "&customer=" + encoded(customer);
	if (!customerId.empty()) filters += "&customer_id=" + customerId;
	if (overdue) filters += "&overdue=1";
	const std::string language = who.language;
	const std::string today = _clock.today();
	// The plugins' toggles and views for the rows shown: one state call each.
	std::vector<std::string> ids;
	for (std::size_t i = 0; i < std::min<std::size_t>(items->size(), PAGE_SIZE); ++i)
		ids.push_back(ApiCall::text(items->getObject(static_cast<unsigned>(i)), "id"));
	const ListExtras::Snapshot extras = _rows.prepare("invoice", ids, who);
	const std::string back = "/invoices?page=" + std::to_string(page) + filters;
	WebResponse response;
	response.body = _pages.render(
		"invoices.tpl", who.frame(_messages.text(language, "invoices.title"), "invoices"),
		[&](ctemplate::TemplateDictionary& dict) {
			dict.SetValue("CUSTOMER", customer);
			dict.SetValue("CUSTOMER_ID", customerId);
			if (!customerId.empty()) dict.ShowSection("BY_CUSTOMER_ID");
			if (overdue) dict.ShowSection("OVERDUE_CHECKED");
			for (const char* value: STATUSES)
			{
				ctemplate::TemplateDictionary* option = dict.AddSectionDictionary("STATUS_OPTION");
				option->SetValue("VALUE", value);
				option->SetValue("LABEL", _messages.text(language, std::string("invoice.status.") + value));
				if (status == value) option->ShowSection("SELECTED");
			}
			dict.SetIntValue("PAGE", page);
			if (request.query.count("saved")) dict.ShowSection("SAVED");
			if (request.query.count("refused")) dict.ShowSection("REFUSED");
			const std::size_t shown = std::min<std::size_t>(items->size(), PAGE_SIZE);
			dict.ShowSection(shown == 0 ? "EMPTY" : "TABLE");
			for (std::size_t i = 0; i < shown; ++i)
			{
				Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
				const std::string currency = ApiCall::text(item, "currency");
				const std::string state = ApiCall::text(item, "status");
				ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("ROW");
				row->SetValue("ID", ApiCall::text(item, "id"));
				row->SetValue("NUMBER", ApiCall::text(item, "number"));
				row->SetValue("CUSTOMER_ID", ApiCall::text(item, "customer_id"));
				row->SetValue("CUSTOMER_NAME", ApiCall::text(item, "customer_name"));
				row->SetValue("ISSUE_DATE", DisplayFormat::date(ApiCall::text(item, "issue_date"), language));
				const std::string due = ApiCall::text(item, "due_date");
				if (due.empty())
					row->ShowSection("NO_DUE_DATE");
				else
					row->SetValue("DUE_DATE", DisplayFormat::date(due, language));
				row->SetValue("TOTAL", DisplayFormat::money(ApiCall::text(item, "total"), currency, language));
				row->SetValue("OUTSTANDING",
							  DisplayFormat::money(ApiCall::text(item, "outstanding"), currency, language));
				row->SetValue("STATUS", state);
				row->SetValue("STATUS_LABEL", _messages.text(language, "invoice.status." + state));
				if (!due.empty() && due < today && (state == "issued" || state == "partially_paid"))
					row->ShowSection("OVERDUE");
				_rows.fillRow(*row, "invoice", ApiCall::text(item, "id"), extras, who, back);
				const std::string refused = _rows.refusal(request, who, ApiCall::text(item, "id"));
				if (!refused.empty()) row->SetValueAndShowSection("REFUSED_TEXT", refused, "ROW_REFUSED");
			}
			if (page > 1)
				dict.SetValueAndShowSection("PREV_URL", "/invoices?page=" + std::to_string(page - 1) + filters, "PREV");
			if (items->size() > static_cast<std::size_t>(PAGE_SIZE))
				dict.SetValueAndShowSection("NEXT_URL", "/invoices?page=" + std::to_string(page + 1) + filters, "NEXT");
			if (page > 1 || items->size() > static_cast<std::size_t>(PAGE_SIZE)) dict.ShowSection("PAGER");
		});
	return response;
}


Poco::JSON::Array::Ptr InvoicePages::customerChoices(const SignedIn& who, const std::string& search,
													 const std::string& selected) const
{
	erp::HttpRequest api = ApiCall::request(who, "GET", "/api/customers");
	api.query["limit"] = std::to_string(CUSTOMER_CHOICES);
	if (!search.empty()) api.query["q"] = search;
	Poco::JSON::Array::Ptr choices = ApiCall::object(_customers.list(api))->getArray("items");
	if (!isDigits(selected)) return choices;
	for (std::size_t i = 0; i < choices->size(); ++i)
		if (ApiCall::text(choices->getObject(static_cast<unsigned>(i)), "id") == selected) return choices;
	// The chosen customer stays a choice whatever the search.
	erp::HttpRequest one = ApiCall::request(who, "GET", "/api/customers/" + selected);
	one.params["id"] = selected;
	try
	{
		Poco::JSON::Array::Ptr withSelected = new Poco::JSON::Array;
		withSelected->add(ApiCall::object(_customers.get(one)));
		for (std::size_t i = 0; i < choices->size(); ++i)
			withSelected->add(choices->get(static_cast<unsigned>(i)));
		return withSelected;
	}
	catch (const erp::ApiError&)
	{
		return choices; // no such customer: the API will say so
	}
}


WebResponse InvoicePages::form(const WebRequest& request, const SignedIn& who) const
{
	Fields values{{"issue_date", _clock.today()}, {"currency", "EUR"}, {"paid", "no"}};
	// The search sends the customer chosen so far: it stays a choice.
	if (const std::string chosen = query(request, "customer_id"); isDigits(chosen)) values["customer_id"] = chosen;
	return formPage(who, values, Poco::trim(query(request, "customer_q")), FormErrors(), 200,
					extras(who, values, nullptr));
}


WebResponse InvoicePages::create(const WebRequest& request, const SignedIn& who) const
{
	const Fields fields = FormData::parse(request.body);
	const std::multimap<std::string, std::string> posted = FormData::parseAll(request.body);
	Fields values;
	for (const std::string& name: INVOICE_FIELDS)
		values[name] = Poco::trim(field(fields, name));
	values["total"] = amountText(values["total"]);
	values["currency"] = Poco::toUpper(values["currency"]);
	const Extras extra = extras(who, values, &posted);
	if (fields.count("refresh"))
		return formPage(who, values, Poco::trim(field(fields, "customer_q")), FormErrors(), 200, extra);

	// The form as the API's JSON body: the API decides what is valid.
	Poco::JSON::Object body;
	for (const char* name: {"number", "issue_date", "due_date", "currency", "total"})
		if (!values[name].empty()) body.set(name, values[name]);
	const std::string& customer = values["customer_id"];
	if (isDigits(customer))
		body.set("customer_id", Poco::NumberParser::parse64(customer));
	else if (!customer.empty())
		body.set("customer_id", customer); // refused by the API, beside the field
	body.set("paid", values["paid"] == "yes");
	// The plugins' fields the form showed, and only those (a hidden one
	// takes what the plugin decides without it).
	RecordFieldsForm::Values shownValues;
	for (const auto& shown: extra.shown)
		if (posted.count(shown.formName())) shownValues[shown.formName()] = extra.values.at(shown.formName());
	RecordFieldsForm::addTo(body, extra.shown, shownValues);
	erp::HttpRequest api = ApiCall::request(who, "POST", "/api/invoices");
	api.body = erp::AuditEntry::json(body);
	try
	{
		_invoices.create(api);
	}
	catch (const erp::ApiError& error)
	{
		const std::string search = Poco::trim(field(fields, "customer_q"));
		if (error.field().find('.') != std::string::npos) // a plugin's field: beside it, in the plugin's words
			return formPage(who, values, search, FormErrors(), 422, extra, error.field(),
							_extra.refusal(error, who.language));
		const FormErrors errors(error, INVOICE_FIELDS, [](const erp::ApiError& each, bool own) {
			if (each.code() == "duplicate_number") return std::string("invoice.error.duplicate_number");
			return own ? "invoice.error." + each.field() : std::string("form.error");
		});
		return formPage(who, values, search, errors, 422, extra);
	}
	return WebResponse::redirect("/invoices?saved=1");
}


WebResponse InvoicePages::formPage(const SignedIn& who, const Fields& values, const std::string& search,
								   const FormErrors& errors, int status, const Extras& extra,
								   const std::string& extraField, const PluginUi::Refusal& extraError) const
{
	const std::string language = who.language;
	const std::string title = _messages.text(language, "invoice.new");
	auto value = [&](const std::string& name) { return field(values, name); };
	Poco::JSON::Array::Ptr choices = customerChoices(who, search, value("customer_id"));
	WebResponse response;
	response.status = status;
	response.body =
		_pages.render("invoice_form.tpl", who.frame(title, "invoices"), [&](ctemplate::TemplateDictionary& form) {
			form.SetValue("HEADING", title);
			for (const std::string& name: INVOICE_FIELDS)
				form.SetValue(upper(name), value(name));
			form.SetValue("CUSTOMER_Q", search);
			form.ShowSection(value("paid") == "yes" ? "PAID_YES" : "PAID_NO");
			if (!isDigits(value("customer_id"))) form.ShowSection("NO_CUSTOMER");
			for (std::size_t i = 0; i < choices->size(); ++i)
			{
				Poco::JSON::Object::Ptr customer = choices->getObject(static_cast<unsigned>(i));
				ctemplate::TemplateDictionary* option = form.AddSectionDictionary("CUSTOMER_OPTION");
				const std::string id = ApiCall::text(customer, "id");
				option->SetValue("ID", id);
				option->SetValue("NAME", ApiCall::text(customer, "name"));
				if (id == value("customer_id")) option->ShowSection("SELECTED");
			}
			form.ShowSection(choices->size() == 0 ? "NO_CHOICES" : "SOME_CHOICES");
			errors.describe(form, INVOICE_FIELDS);
			form.SetValue("EXTRAS_CUSTOMER", value("customer_id"));
			_extra.fill(form, extra.shown, extra.values, language, extraField, extraError);
			if (!extraField.empty()) form.ShowSection("HAS_ERROR");
			errors.show(form, _messages.all(language));
		});
	return response;
}


WebResponse InvoicePages::detail(const WebRequest& request, const SignedIn& who, const std::string& id) const
{
	Fields values{{"paid_on", _clock.today()}};
	return detailPage(who, id, values, FormErrors(), 200, request.query.count("paid") > 0);
}


WebResponse InvoicePages::pay(const WebRequest& request, const SignedIn& who, const std::string& id) const
{
	const Fields fields = FormData::parse(request.body);
	Fields values;
	for (const std::string& name: PAYMENT_FIELDS)
		values[name] = Poco::trim(field(fields, name));
	values["amount"] = amountText(values["amount"]);

	Poco::JSON::Object body;
	for (const std::string& name: PAYMENT_FIELDS)
		if (!values[name].empty()) body.set(name, values[name]);
	erp::HttpRequest api = ApiCall::request(who, "POST", "/api/invoices/" + id + "/payments");
	api.params["id"] = id;
	api.body = erp::AuditEntry::json(body);
	try
	{
		_invoices.pay(api);
	}
	catch (const erp::ApiError& error)
	{
		if (error.status() == 404) throw;
		const FormErrors errors(error, PAYMENT_FIELDS, [](const erp::ApiError& each, bool own) {
			if (each.code() == "overpayment") return std::string("payment.error.overpayment");
			return "payment.error." + (own ? each.field() : each.code());
		});
		return detailPage(who, id, values, errors, 422, false);
	}
	return WebResponse::redirect("/invoices/" + id + "?paid=1");
}


WebResponse InvoicePages::detailPage(const SignedIn& who, const std::string& id, const Fields& values,
									 const FormErrors& errors, int status, bool paid) const
{
	erp::HttpRequest api = ApiCall::request(who, "GET", "/api/invoices/" + id);
	api.params["id"] = id;
	// An unknown id: ApiError 404, answered by the caller.
	Poco::JSON::Object::Ptr invoice = ApiCall::object(_invoices.get(api));
	const std::string customerId = ApiCall::text(invoice, "customer_id");
	erp::HttpRequest customerApi = ApiCall::request(who, "GET", "/api/customers/" + customerId);
	customerApi.params["id"] = customerId;
	const std::string customerName = ApiCall::text(ApiCall::object(_customers.get(customerApi)), "name");

	const std::string language = who.language;
	const std::string currency = ApiCall::text(invoice, "currency");
	const std::string state = ApiCall::text(invoice, "status");
	const std::string number = ApiCall::text(invoice, "number");
	auto money = [&](const std::string& decimal) { return DisplayFormat::money(decimal, currency, language); };
	const std::string title = _messages.text(language, "invoice.title") + " " + number;
	WebResponse response;
	response.status = status;
	response.body =
		_pages.render("invoice.tpl", who.frame(title, "invoices"), [&](ctemplate::TemplateDictionary& page) {
			page.SetValue("ID", id);
			page.SetValue("NUMBER", number);
			page.SetValue("CUSTOMER_ID", customerId);
			page.SetValue("CUSTOMER_NAME", customerName);
			page.SetValue("ISSUE_DATE", DisplayFormat::date(ApiCall::text(invoice, "issue_date"), language));
			const std::string due = ApiCall::text(invoice, "due_date");
			if (due.empty())
				page.ShowSection("NO_DUE_DATE");
			else
				page.SetValue("DUE_DATE", DisplayFormat::date(due, language));
			page.SetValue("CURRENCY", currency);
			page.SetValue("TOTAL", money(ApiCall::text(invoice, "total")));
			page.SetValue("PAID", money(ApiCall::text(invoice, "paid")));
			page.SetValue("OUTSTANDING", money(ApiCall::text(invoice, "outstanding")));
			page.SetValue("STATUS", state);
			page.SetValue("STATUS_LABEL", _messages.text(language, "invoice.status." + state));
			page.SetValue("CREATED_BY", ApiCall::text(invoice, "created_by"));
			if (paid) page.ShowSection("PAID_NOTICE");
			Poco::JSON::Array::Ptr payments = invoice->getArray("payments");
			page.ShowSection(payments.isNull() || payments->size() == 0 ? "NO_PAYMENTS" : "PAYMENTS");
			for (std::size_t i = 0; !payments.isNull() && i < payments->size(); ++i)
			{
				Poco::JSON::Object::Ptr payment = payments->getObject(static_cast<unsigned>(i));
				ctemplate::TemplateDictionary* row = page.AddSectionDictionary("PAYMENT");
				row->SetValue("PAID_ON", DisplayFormat::date(ApiCall::text(payment, "paid_on"), language));
				row->SetValue("AMOUNT", money(ApiCall::text(payment, "amount")));
				const std::string reference = ApiCall::text(payment, "reference");
				if (reference.empty())
					row->ShowSection("NO_REFERENCE");
				else
					row->SetValue("REFERENCE", reference);
				row->SetValue("BY", ApiCall::text(payment, "created_by"));
			}
			if (state != "issued" && state != "partially_paid") return;
			ctemplate::TemplateDictionary* form = page.AddSectionDictionary("PAY");
			form->SetValue("AMOUNT", field(values, "amount"));
			form->SetValue("PAID_ON", field(values, "paid_on"));
			form->SetValue("REFERENCE", field(values, "reference"));
			form->SetValue("OUTSTANDING", money(ApiCall::text(invoice, "outstanding")));
			errors.describe(*form, PAYMENT_FIELDS);
			errors.show(*form, _messages.all(language));
		});
	return response;
}


} // namespace host
