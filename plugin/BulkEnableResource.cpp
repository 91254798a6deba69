//
// BulkEnableResource.cpp
//


#include "plugin/BulkEnableResource.h"
#include "erp/JsonBody.h"
#include "erp/QueryParameters.h"
#include "erp/Transaction.h"
#include "plugin/PlanJson.h"
#include <Poco/JSON/Array.h>
#include <set>


namespace reminders {


namespace {

std::string list(const std::vector<Poco::Int64>& ids)
{
	std::string text;
	for (std::size_t i = 0; i < ids.size() && i < 20; ++i)
		text += (i ? ", " : "") + std::to_string(ids[i]);
	if (ids.size() > 20) text += " and " + std::to_string(ids.size() - 20) + " more";
	return text;
}

} // namespace


BulkEnableResource::BulkEnableResource(erp::Host& host, const PlanningStore& planning, const ReminderFieldStore& fields,
									   ReminderFields& extension):
	_host(host),
	_planning(planning),
	_fields(fields),
	_extension(extension)
{}


void BulkEnableResource::mount(erp::HttpRoutes& routes)
{
	routes.route("GET", "outstanding?after&limit", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return outstanding(r); });
	routes.route("POST", "bulk-enable", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return enable(r); });
}


erp::HttpResponse BulkEnableResource::outstanding(const erp::HttpRequest& request)
{
	const Poco::Int64 after =
		erp::QueryParameters::integer(request.query, "after", 0, 0, std::numeric_limits<Poco::Int64>::max());
	const int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 1000));
	Poco::JSON::Array::Ptr customers = new Poco::JSON::Array;
	Poco::Int64 last = 0;
	int count = 0;
	Poco::Data::Session session = _host.database().session();
	_planning.forEachOutstanding(
		session, after, limit,
		[&](const CustomerContact& customer, bool defaultOn, const std::vector<OpenInvoice>& invoices) {
			Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
			item->set("id", customer.id);
			item->set("name", customer.name);
			item->set("email", customer.email.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(customer.email));
			Poco::JSON::Object::Ptr reminders = new Poco::JSON::Object;
			reminders->set("enabled", customer.remindersEnabled);
			reminders->set("default", defaultOn);
			item->set("reminders", reminders);
			Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
			for (const OpenInvoice& invoice: invoices)
				list->add(PlanJson::openInvoice(invoice));
			item->set("invoices", list);
			customers->add(item);
			last = customer.id;
			++count;
		});
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("customers", customers);
	body->set("next_after", count == limit ? Poco::Dynamic::Var(last) : Poco::Dynamic::Var());
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse BulkEnableResource::enable(const erp::HttpRequest& request)
{
	const erp::JsonBody body(request.body);
	body.allowOnly([](const std::string& field) { return field == "invoice_ids"; });
	const std::vector<Poco::Int64> requested = body.ids("invoice_ids", MAX_IDS);
	const std::set<Poco::Int64> ids(requested.begin(), requested.end());

	Poco::Data::Session session = _host.database().session();
	erp::Transaction tx(session, _host.database().dialect());
	std::vector<InvoiceFacts> invoices;
	std::vector<Poco::Int64> unknown, settled, customerOff;
	for (Poco::Int64 id: ids)
	{
		std::optional<InvoiceFacts> invoice = _fields.invoice(session, id);
		if (!invoice)
			unknown.push_back(id);
		else if (invoice->status != "issued" && invoice->status != "partially_paid")
			settled.push_back(id);
		else if (!_fields.customer(session, invoice->customerId).enabled)
			customerOff.push_back(id);
		else
			invoices.push_back(*invoice);
	}
	if (!unknown.empty())
		throw erp::ApiError(400, "unknown_invoices", "no invoices with ids " + list(unknown), "invoice_ids");
	if (!settled.empty())
		throw erp::ApiError(400, "not_outstanding", "invoices " + list(settled) + " are paid or void", "invoice_ids");
	if (!customerOff.empty())
		throw erp::ApiError(400, "customer_reminders_off",
							"invoices " + list(customerOff) + " belong to customers whose reminders are off",
							"invoice_ids");

	int changed = 0;
	for (const InvoiceFacts& invoice: invoices)
	{
		if (_fields.invoiceFlag(session, invoice.id).value_or(false)) continue;
		_extension.setInvoiceFlag(session, invoice, true, request.user, "bulk_enable");
		++changed;
	}
	tx.commit();
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("enabled", changed);
	answer->set("already_enabled", static_cast<int>(invoices.size()) - changed);
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
