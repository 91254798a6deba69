//
// ReminderRoutes.cpp
//


#include "plugin/ReminderRoutes.h"
#include "erp/ApiError.h"
#include "erp/Transaction.h"
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>


namespace reminders {


ReminderRoutes::ReminderRoutes(erp::Database& database, const ReminderFieldStore& store, ReminderFields& fields):
	_database(database),
	_store(store),
	_fields(fields)
{}


void ReminderRoutes::mount(erp::HttpRoutes& routes)
{
	using erp::Role;
	routes.route("PUT", "invoices/{id}", Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& request) { return setInvoiceFlag(request); });

	const struct
	{
		const char* method;
		const char* pattern;
		Role role;
	} pending[] = {
		{"GET", "settings", Role::ACCOUNTANT},
		{"PUT", "settings", Role::ADMIN},
		{"GET", "outstanding", Role::ACCOUNTANT},
		{"POST", "bulk-enable", Role::ACCOUNTANT},
		{"GET", "invoices/{id}/history", Role::ACCOUNTANT},
		{"GET", "preview", Role::ACCOUNTANT},
		{"POST", "runs", Role::ADMIN},
		{"GET", "runs", Role::ACCOUNTANT},
		{"GET", "runs/{id}", Role::ACCOUNTANT},
	};
	for (const auto& route: pending)
	{
		const std::string name = std::string(route.method) + " " + route.pattern;
		routes.route(route.method, route.pattern, route.role, [name](const erp::HttpRequest&) {
			return erp::HttpResponse::error(501, "not_implemented", name + " is not implemented yet");
		});
	}
}


erp::HttpResponse ReminderRoutes::setInvoiceFlag(const erp::HttpRequest& request)
{
	Poco::Int64 id = 0;
	auto param = request.params.find("id");
	if (param == request.params.end() || !Poco::NumberParser::tryParse64(param->second, id) || id <= 0)
		throw erp::ApiError(404, "not_found", "no such invoice");

	Poco::JSON::Object::Ptr body;
	try
	{
		Poco::JSON::Parser parser;
		body = parser.parse(request.body).extract<Poco::JSON::Object::Ptr>();
	}
	catch (Poco::Exception&)
	{
		throw erp::ApiError(400, "invalid_json", "the body must be a JSON object such as {\"with_reminder\": true}");
	}
	for (const auto& [key, value]: *body)
		if (key != "with_reminder") throw erp::ApiError::invalid(key, "unknown field " + key);
	if (!body->has("with_reminder") || !body->get("with_reminder").isBoolean())
		throw erp::ApiError::invalid("with_reminder", "with_reminder must be true or false");
	const bool withReminder = body->getValue<bool>("with_reminder");

	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	std::optional<InvoiceFacts> invoice = _store.invoice(session, id);
	if (!invoice) throw erp::ApiError::notFound("invoice " + std::to_string(id));
	_fields.setInvoiceFlag(session, *invoice, withReminder, request.user, "toggle");
	tx.commit();

	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("invoice_id", id);
	answer->set("with_reminder", withReminder);
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
