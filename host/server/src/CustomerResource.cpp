//
// CustomerResource.cpp
//


#include "CustomerResource.h"
#include "JsonInput.h"
#include "Sql.h"
#include "SqlConflict.h"
#include "erp/ApiError.h"
#include "erp/EmailAddress.h"
#include "erp/FieldChecks.h"
#include "erp/Instant.h"
#include "erp/QueryParameters.h"
#include "erp/Transaction.h"
#include <Poco/JSON/Array.h>
#include <Poco/Nullable.h>
#include <Poco/String.h>
#include <Poco/Tuple.h>
#include <sstream>
#include <vector>


using namespace Poco::Data::Keywords;


namespace host {


namespace {

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Nullable<std::string>, std::string, std::string, std::string>;

const char* const COLUMNS = "SELECT id, name, email, language, created_at, updated_at FROM customers ";

Poco::JSON::Object::Ptr toJson(const Row& row)
{
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("id", row.get<0>());
	item->set("name", row.get<1>());
	item->set("email", row.get<2>().isNull() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(row.get<2>().value()));
	item->set("language", row.get<3>());
	item->set("created_at", row.get<4>());
	item->set("updated_at", row.get<5>());
	return item;
}

std::optional<std::string> email(const JsonInput& input)
{
	std::optional<std::string> value = input.text("email", false, 254);
	if (value && !erp::EmailAddress::isValid(*value))
		throw erp::ApiError::invalid("email", "email is not a valid address: " + *value);
	return value;
}

std::optional<std::string> language(const JsonInput& input)
{
	std::optional<std::string> value = input.text("language", false, 8);
	if (value && *value != "el" && *value != "en")
		throw erp::ApiError::invalid("language", "language must be el or en");
	return value;
}

} // namespace


CustomerResource::CustomerResource(HostServices& services):
	_services(services)
{}


void CustomerResource::mount()
{
	const erp::Role role = erp::Role::ACCOUNTANT;
	_services.router.add("host", "POST", "/api/customers", role,
						 [this](const erp::HttpRequest& r) { return create(r); });
	_services.router.add("host", "GET", "/api/customers?limit&offset&q", role,
						 [this](const erp::HttpRequest& r) { return list(r); });
	_services.router.add("host", "GET", "/api/customers/{id}", role,
						 [this](const erp::HttpRequest& r) { return get(r); });
	_services.router.add("host", "PATCH", "/api/customers/{id}", role,
						 [this](const erp::HttpRequest& r) { return update(r); });
}


Poco::JSON::Object::Ptr CustomerResource::load(Poco::Data::Session& session, Poco::Int64 id,
											   const std::string& lockClause)
{
	std::vector<Row> rows;
	session << std::string(COLUMNS) + "WHERE id = ?" + lockClause, use(id), into(rows), now;
	return rows.empty() ? Poco::JSON::Object::Ptr() : toJson(rows.front());
}


Poco::JSON::Object::Ptr CustomerResource::record(Poco::Data::Session& session, Poco::Int64 id)
{
	Poco::JSON::Object::Ptr item = load(session, id);
	if (!item) throw erp::ApiError::notFound("customer " + std::to_string(id));
	_services.records.read(session, "customer", id, *item);
	return item;
}


erp::HttpResponse CustomerResource::create(const erp::HttpRequest& request)
{
	JsonInput input(JsonInput::parse(request.body));
	input.allowOnly({"name", "email", "language"}, _services.records);
	// Every field's error at once, so that a form marks all of them.
	erp::FieldChecks checks;
	const auto checkedName = checks.value([&] { return *input.text("name", true, 200); });
	const auto checkedEmail = checks.value([&] { return email(input); });
	const auto checkedLanguage = checks.value([&] { return language(input); });
	checks.throwIfAny();
	std::string name = *checkedName;
	Poco::Nullable<std::string> address;
	if (*checkedEmail) address = **checkedEmail;
	std::string lang = checkedLanguage->value_or("el");

	Poco::Data::Session session = _services.database.session();
	const Poco::Int64 id = SqlConflict::retry([&] {
		erp::Transaction tx(session, _services.database.dialect());
		_services.records.validate(session, "customer", 0, input.object());
		std::string at = erp::Instant::now();
		session << "INSERT INTO customers (name, email, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
			use(name), use(address), use(lang), use(at), use(at), now;
		Poco::Int64 created = Sql::lastInsertId(session, _services.database.dialect());
		Poco::JSON::Object::Ptr row = load(session, created);
		_services.audit.append(session, {request.user, "customer.create", "customer", std::to_string(created),
										 erp::AuditEntry::json(*row)});
		_services.records.write(session, "customer", created, input.object(), request.user);
		tx.commit();
		return created;
	});
	return erp::HttpResponse::json(201, record(session, id));
}


erp::HttpResponse CustomerResource::list(const erp::HttpRequest& request)
{
	int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 500));
	int offset = static_cast<int>(erp::QueryParameters::integer(request.query, "offset", 0, 0, 1 << 30));
	std::string search;
	if (auto it = request.query.find("q"); it != request.query.end()) search = Sql::containing(Poco::trim(it->second));
	Poco::Data::Session session = _services.database.session();
	std::vector<Row> rows;
	session << std::string(COLUMNS) + "WHERE (? = '' OR " + Sql::likeAnyCase("name", _services.database.dialect()) +
				   ") ORDER BY id LIMIT ? OFFSET ?",
		use(search), use(search), use(limit), use(offset), into(rows), now;
	Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
	for (const Row& row: rows)
	{
		Poco::JSON::Object::Ptr item = toJson(row);
		_services.records.read(session, "customer", row.get<0>(), *item);
		items->add(item);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items", items);
	body->set("limit", limit);
	body->set("offset", offset);
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse CustomerResource::get(const erp::HttpRequest& request)
{
	Poco::Data::Session session = _services.database.session();
	return erp::HttpResponse::json(200,
								   record(session, erp::QueryParameters::pathId(request.params, "id", "customer")));
}


erp::HttpResponse CustomerResource::update(const erp::HttpRequest& request)
{
	Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "customer");
	JsonInput input(JsonInput::parse(request.body));
	input.allowOnly({"name", "email", "language"}, _services.records);
	erp::FieldChecks checks;
	const auto checkedName = checks.value([&] {
		std::optional<std::string> value = input.text("name", false, 200);
		if (input.has("name") && !value) throw erp::ApiError::invalid("name", "name must not be empty");
		return value;
	});
	const auto checkedEmail = checks.value([&] { return email(input); });
	const auto checkedLanguage = checks.value([&] {
		std::optional<std::string> value = language(input);
		// Unlike the email, a language cannot be cleared.
		if (input.has("language") && !value) throw erp::ApiError::invalid("language", "language must be el or en");
		return value;
	});
	checks.throwIfAny();
	const std::optional<std::string> name = *checkedName;
	const std::optional<std::string> address = *checkedEmail;
	const std::optional<std::string> lang = *checkedLanguage;

	Poco::Data::Session session = _services.database.session();
	// The row is locked while it is read, compared and written: two
	// updates of different fields never undo each other.
	SqlConflict::retry([&] {
		erp::Transaction tx(session, _services.database.dialect());
		Poco::JSON::Object::Ptr before = load(session, id, Sql::forUpdate(_services.database.dialect()));
		if (!before) throw erp::ApiError::notFound("customer " + std::to_string(id));
		_services.records.validate(session, "customer", id, input.object());

		Poco::JSON::Object changes;
		std::string newName = name.value_or(before->getValue<std::string>("name"));
		Poco::Nullable<std::string> newEmail;
		if (input.has("email"))
		{
			if (address) newEmail = *address;
		}
		else if (!before->isNull("email"))
			newEmail = before->getValue<std::string>("email");
		std::string newLanguage = lang.value_or(before->getValue<std::string>("language"));
		auto note = [&](const std::string& field, const Poco::Dynamic::Var& oldValue,
						const Poco::Dynamic::Var& newValue) {
			if (oldValue.isEmpty() && newValue.isEmpty()) return;
			if (!oldValue.isEmpty() && !newValue.isEmpty() && oldValue.toString() == newValue.toString()) return;
			Poco::JSON::Object::Ptr change = new Poco::JSON::Object;
			change->set("old", oldValue);
			change->set("new", newValue);
			changes.set(field, change);
		};
		note("name", before->get("name"), newName);
		note("email", before->get("email"),
			 newEmail.isNull() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(newEmail.value()));
		note("language", before->get("language"), newLanguage);

		if (changes.size() > 0)
		{
			std::string at = erp::Instant::now();
			session << "UPDATE customers SET name = ?, email = ?, language = ?, updated_at = ? WHERE id = ?",
				use(newName), use(newEmail), use(newLanguage), use(at), use(id), now;
			_services.audit.append(session, {request.user, "customer.update", "customer", std::to_string(id),
											 erp::AuditEntry::json(changes)});
		}
		_services.records.write(session, "customer", id, input.object(), request.user);
		tx.commit();
	});
	return erp::HttpResponse::json(200, record(session, id));
}


} // namespace host
