//
// InvoiceFlagResource.cpp
//


#include "plugin/InvoiceFlagResource.h"
#include "erp/JsonBody.h"
#include "erp/QueryParameters.h"
#include "erp/Transaction.h"


namespace reminders {


InvoiceFlagResource::InvoiceFlagResource(erp::Database& database, const ReminderFieldStore& store,
										 ReminderFields& fields):
	_database(database),
	_store(store),
	_fields(fields)
{}


void InvoiceFlagResource::mount(erp::HttpRoutes& routes)
{
	routes.route("PUT", "invoices/{id}", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return put(r); });
}


erp::HttpResponse InvoiceFlagResource::put(const erp::HttpRequest& request)
{
	const Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "invoice");
	const erp::JsonBody body(request.body);
	body.allowOnly([](const std::string& field) {
		return field == "with_reminder" || field == "disputed" || field == "dispute_note";
	});
	const std::optional<bool> withReminder = body.boolean("with_reminder");
	const std::optional<bool> disputed = body.boolean("disputed");
	if (!withReminder && !disputed && !body.object().has("dispute_note"))
		throw erp::ApiError::invalid("with_reminder", "with_reminder must be true or false");

	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	std::optional<InvoiceFacts> invoice = _store.invoice(session, id);
	if (!invoice) throw erp::ApiError::notFound("invoice " + std::to_string(id));
	if (disputed || body.object().has("dispute_note"))
		_fields.validate(session, "invoice", id, body.object(), body.object()); // nothing is stored when refused
	if (withReminder) _fields.setInvoiceFlag(session, *invoice, *withReminder, request.user, "toggle");
	_fields.setDispute(session, *invoice, body.object(), request.user);
	tx.commit();

	Poco::JSON::Object::Ptr answer = _fields.invoiceSection(session, id);
	answer->set("invoice_id", id);
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
