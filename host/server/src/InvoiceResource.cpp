//
// InvoiceResource.cpp
//


#include "InvoiceResource.h"
#include "CustomerResource.h"
#include "JsonInput.h"
#include "Sql.h"
#include "SqlConflict.h"
#include "erp/ApiError.h"
#include "erp/FieldChecks.h"
#include "erp/Instant.h"
#include "erp/Money.h"
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

using Row = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, std::string, Poco::Nullable<std::string>, std::string,
						Poco::Int64, Poco::Int64, std::string, std::string, std::string>;

const char* const COLUMNS = "SELECT id, number, customer_id, issue_date, due_date, currency, total_minor, paid_minor, "
							"status, created_by, created_at FROM invoices ";

// The list's rows: an invoice and its customer's name.
using ListRow = Poco::Tuple<Poco::Int64, std::string, Poco::Int64, std::string, Poco::Nullable<std::string>,
							std::string, Poco::Int64, Poco::Int64, std::string, std::string, std::string, std::string>;

const char* const LIST_COLUMNS =
	"SELECT i.id, i.number, i.customer_id, i.issue_date, i.due_date, i.currency, i.total_minor, i.paid_minor, "
	"i.status, i.created_by, i.created_at, c.name FROM invoices i JOIN customers c ON c.id = i.customer_id ";

Poco::JSON::Object::Ptr toJson(const Row& row)
{
	const std::string& currency = row.get<5>();
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("id", row.get<0>());
	item->set("number", row.get<1>());
	item->set("customer_id", row.get<2>());
	item->set("issue_date", row.get<3>());
	item->set("due_date", row.get<4>().isNull() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(row.get<4>().value()));
	item->set("currency", currency);
	item->set("total", erp::Money::format(row.get<6>(), currency));
	item->set("paid", erp::Money::format(row.get<7>(), currency));
	item->set("outstanding", erp::Money::format(row.get<6>() - row.get<7>(), currency));
	item->set("status", row.get<8>());
	item->set("created_by", row.get<9>());
	item->set("created_at", row.get<10>());
	return item;
}

std::vector<Row> select(Poco::Data::Session& session, Poco::Int64 id, const std::string& lockClause = "")
{
	std::vector<Row> rows;
	session << std::string(COLUMNS) + "WHERE id = ?" + lockClause, use(id), into(rows), now;
	return rows;
}

erp::ApiError duplicateNumber(const std::string& number)
{
	return erp::ApiError(409, "duplicate_number", "an invoice numbered " + number + " exists", "number");
}

Poco::Int64 amount(const erp::JsonBody& input, const std::string& field, const std::string& currency)
{
	std::optional<std::string> text = input.text(field, true, 32);
	std::optional<Poco::Int64> minor = erp::Money::parse(*text, currency);
	// A well-written decimal that parse() refuses overflows 64 bits: say
	// what is wrong with it (its size, or its sign), not how to write one.
	if (!minor && erp::Money::isDecimal(*text, currency))
		throw erp::ApiError::invalid(
			field, text->front() == '-' ? field + " must be above zero"
										: field + " is too large: it must be at most " +
											  erp::Money::format(erp::Money::MAX_AMOUNT, currency) + " " + currency);
	if (!minor)
		throw erp::ApiError::invalid(field, field + " must be a decimal string with at most " +
												std::to_string(erp::Money::exponent(currency)) + " decimals for " +
												currency);
	if (*minor <= 0) throw erp::ApiError::invalid(field, field + " must be above zero");
	// The bound that keeps every sum of amounts inside 64 bits (Money.h).
	if (*minor > erp::Money::MAX_AMOUNT)
		throw erp::ApiError::invalid(field, field + " is too large: it must be at most " +
												erp::Money::format(erp::Money::MAX_AMOUNT, currency) + " " + currency);
	return *minor;
}

// Dates an accountant would enter (docs/accountant-guide.md, "Dates").
const char* const EARLIEST_DATE = "1900-01-01";
const int ISSUE_YEARS_AHEAD = 1;      // an invoice issued at most a year from today
const int DUE_YEARS_AFTER_ISSUE = 10; // payment terms of at most ten years
const int PAYMENT_DAYS_AHEAD = 1;     // a payment dated at most tomorrow (time zones, late evenings)

} // namespace


InvoiceResource::InvoiceResource(HostServices& services):
	_services(services)
{}


void InvoiceResource::mount()
{
	const erp::Role role = erp::Role::ACCOUNTANT;
	_services.router.add("host", "POST", "/api/invoices", role,
						 [this](const erp::HttpRequest& r) { return create(r); });
	_services.router.add("host", "GET", "/api/invoices?limit&offset&customer_id&status&customer_name&overdue&order",
						 role, [this](const erp::HttpRequest& r) { return list(r); });
	_services.router.add("host", "GET", "/api/invoices/{id}", role,
						 [this](const erp::HttpRequest& r) { return get(r); });
	_services.router.add("host", "POST", "/api/invoices/{id}/payments", role,
						 [this](const erp::HttpRequest& r) { return pay(r); });
}


std::string InvoiceResource::statusFor(Poco::Int64 totalMinor, Poco::Int64 paidMinor)
{
	if (paidMinor >= totalMinor) return "paid";
	return paidMinor > 0 ? "partially_paid" : "issued";
}


Poco::JSON::Object::Ptr InvoiceResource::record(Poco::Data::Session& session, Poco::Int64 id, bool withPayments)
{
	std::vector<Row> rows = select(session, id);
	if (rows.empty()) throw erp::ApiError::notFound("invoice " + std::to_string(id));
	Poco::JSON::Object::Ptr item = toJson(rows.front());
	if (withPayments)
	{
		const std::string& currency = rows.front().get<5>();
		std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, Poco::Nullable<std::string>, std::string>>
			payments;
		session
			<< "SELECT id, amount_minor, paid_on, reference, created_by FROM payments WHERE invoice_id = ? ORDER BY id",
			use(id), into(payments), now;
		Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
		for (const auto& row: payments)
		{
			Poco::JSON::Object::Ptr payment = new Poco::JSON::Object;
			payment->set("id", row.get<0>());
			payment->set("amount", erp::Money::format(row.get<1>(), currency));
			payment->set("paid_on", row.get<2>());
			payment->set("reference",
						 row.get<3>().isNull() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(row.get<3>().value()));
			payment->set("created_by", row.get<4>());
			list->add(payment);
		}
		item->set("payments", list);
	}
	_services.records.read(session, "invoice", id, *item);
	return item;
}


Poco::Int64 InvoiceResource::insertPayment(Poco::Data::Session& session, Poco::Int64 invoiceId, Poco::Int64 amountMinor,
										   const std::string& paidOn, const std::string& reference,
										   const std::string& actor)
{
	std::string at = erp::Instant::now();
	Poco::Nullable<std::string> ref;
	if (!reference.empty()) ref = reference;
	session << "INSERT INTO payments (invoice_id, amount_minor, paid_on, reference, created_by, created_at) "
			   "VALUES (?, ?, ?, ?, ?, ?)",
		use(invoiceId), use(amountMinor), useRef(paidOn), use(ref), useRef(actor), use(at), now;
	return Sql::lastInsertId(session, _services.database.dialect());
}


erp::HttpResponse InvoiceResource::create(const erp::HttpRequest& request)
{
	JsonInput input(JsonInput::parse(request.body));
	input.allowOnly({"number", "customer_id", "issue_date", "due_date", "currency", "total", "paid"},
					_services.records);
	// Every field's error at once, so that a form marks all of them; a
	// check that compares two fields runs when both are well formed.
	erp::FieldChecks checks;
	const auto checkedNumber = checks.value([&] { return *input.text("number", true, 64); });
	const auto checkedCustomer = checks.value([&] { return *input.id("customer_id", true); });
	const std::string today = _services.clock.today();
	const auto checkedIssue = checks.value([&] {
		return *input.date("issue_date", true, EARLIEST_DATE, erp::JsonBody::addYears(today, ISSUE_YEARS_AHEAD));
	});
	const auto checkedDue = checks.value([&] {
		std::optional<std::string> due = input.date("due_date", false);
		if (due && checkedIssue && *due < *checkedIssue)
			throw erp::ApiError::invalid("due_date", "due_date must not be before issue_date");
		if (due && checkedIssue && *due > erp::JsonBody::addYears(*checkedIssue, DUE_YEARS_AFTER_ISSUE))
			throw erp::ApiError::invalid("due_date", "due_date must be at most " +
														 std::to_string(DUE_YEARS_AFTER_ISSUE) +
														 " years after issue_date");
		return due;
	});
	const auto checkedCurrency = checks.value([&] {
		std::string code = *input.text("currency", true, 3);
		if (!erp::Money::isCurrencyCode(code))
			throw erp::ApiError::invalid("currency", "currency must be an ISO 4217 code such as EUR");
		return code;
	});
	// The total's decimals depend on its currency: without one, only
	// whether it is a number above zero (CLF has the most decimals, four).
	const auto checkedTotal = checks.value([&] {
		if (checkedCurrency) return amount(input, "total", *checkedCurrency);
		const std::optional<Poco::Int64> minor = erp::Money::parse(*input.text("total", true, 32), "CLF");
		if (!minor || *minor <= 0) throw erp::ApiError::invalid("total", "total must be a decimal number above zero");
		return Poco::Int64(0);
	});
	const auto checkedPaid = checks.value([&] {
		const bool paid = input.boolean("paid").value_or(false);
		// Paid at issue is a payment dated the issue date: not in the future.
		if (paid && checkedIssue && *checkedIssue > erp::JsonBody::addDays(today, PAYMENT_DAYS_AHEAD))
			throw erp::ApiError::invalid("paid", "an invoice issued after tomorrow cannot be paid at issue");
		return paid;
	});
	checks.throwIfAny();
	std::string number = *checkedNumber;
	Poco::Int64 customerId = *checkedCustomer;
	std::string issueDate = *checkedIssue;
	const std::optional<std::string> dueDate = *checkedDue;
	std::string currency = *checkedCurrency;
	Poco::Int64 totalMinor = *checkedTotal;
	const bool paid = *checkedPaid;
	Poco::Int64 paidMinor = paid ? totalMinor : 0;
	std::string status = statusFor(totalMinor, paidMinor);
	Poco::Nullable<std::string> due;
	if (dueDate) due = *dueDate;

	Poco::Data::Session session = _services.database.session();
	Poco::JSON::Object::Ptr created;
	SqlConflict::retry([&] {
		erp::Transaction tx(session, _services.database.dialect());
		if (!CustomerResource::load(session, customerId))
			throw erp::ApiError::invalid("customer_id", "no customer with id " + std::to_string(customerId));
		int taken = 0;
		session << "SELECT COUNT(*) FROM invoices WHERE number = ?", use(number), into(taken), now;
		if (taken) throw duplicateNumber(number);
		_services.records.validate(session, "invoice", 0, input.object());

		std::string at = erp::Instant::now();
		try
		{
			session << "INSERT INTO invoices (number, customer_id, issue_date, due_date, currency, total_minor, "
					   "paid_minor, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				use(number), use(customerId), use(issueDate), use(due), use(currency), use(totalMinor), use(paidMinor),
				use(status), useRef(request.user), use(at), now;
		}
		catch (Poco::Exception& exc)
		{
			// The same number created at the same moment by another request:
			// the count above did not see it yet, the unique key did.
			if (SqlConflict::duplicateKey(exc)) throw duplicateNumber(number);
			throw;
		}
		Poco::Int64 id = Sql::lastInsertId(session, _services.database.dialect());
		Poco::Int64 paymentId = 0;
		if (paid) paymentId = insertPayment(session, id, totalMinor, issueDate, "paid at issue", request.user);
		_services.audit.append(session, {request.user, "invoice.create", "invoice", std::to_string(id),
										 erp::AuditEntry::json(*toJson(select(session, id).front()))});
		_services.records.write(session, "invoice", id, input.object(), request.user);

		erp::InvoiceCreated event;
		event.invoiceId = id;
		event.customerId = customerId;
		event.number = number;
		event.issueDate = issueDate;
		event.dueDate = dueDate.value_or("");
		event.currency = currency;
		event.totalMinor = totalMinor;
		event.paidMinor = paidMinor;
		event.status = status;
		event.actor = request.user;
		event.transaction = &session;
		event.extensions = JsonInput::parse(request.body);
		_services.events.publish(event);
		if (paid)
		{
			erp::PaymentRecorded payment;
			payment.paymentId = paymentId;
			payment.invoiceId = id;
			payment.customerId = customerId;
			payment.currency = currency;
			payment.amountMinor = totalMinor;
			payment.paidOn = issueDate;
			payment.invoiceTotalMinor = totalMinor;
			payment.invoicePaidMinor = paidMinor;
			payment.invoiceStatus = status;
			payment.actor = request.user;
			payment.transaction = &session;
			_services.events.publish(payment);
		}
		// The answer is the invoice as this transaction commits it, read
		// before the commit: the plugins' sections come from the same
		// transaction as their hooks (the reminders plugin takes its
		// section from what its invoice.created hook just decided instead
		// of reading it again), never from a later state of another
		// request's making.
		created = record(session, id, true);
		tx.commit();
		return id;
	});
	return erp::HttpResponse::json(201, created);
}


erp::HttpResponse InvoiceResource::list(const erp::HttpRequest& request)
{
	int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 100, 1, 500));
	int offset = static_cast<int>(erp::QueryParameters::integer(request.query, "offset", 0, 0, 1 << 30));
	Poco::Int64 customerId = 0;
	if (request.query.count("customer_id"))
		customerId =
			erp::QueryParameters::integer(request.query, "customer_id", 0, 1, std::numeric_limits<Poco::Int64>::max());
	std::string status;
	if (auto it = request.query.find("status"); it != request.query.end())
	{
		status = it->second;
		if (status != "issued" && status != "partially_paid" && status != "paid" && status != "void")
			throw erp::ApiError::invalid("status", "status must be issued, partially_paid, paid or void");
	}
	// Part of the customer's name, as GET /api/customers?q= matches it.
	std::string customerName;
	if (auto it = request.query.find("customer_name"); it != request.query.end())
	{
		if (it->second.size() > 200)
			throw erp::ApiError::invalid("customer_name", "customer_name must be at most 200 bytes");
		const std::string trimmed = Poco::trim(it->second);
		if (!trimmed.empty()) customerName = Sql::containing(trimmed);
	}
	// Overdue: due before today (the business's date) and not paid in full.
	int overdue = 0;
	if (auto it = request.query.find("overdue"); it != request.query.end())
	{
		if (it->second != "true" && it->second != "false")
			throw erp::ApiError::invalid("overdue", "overdue must be true or false");
		overdue = it->second == "true" ? 1 : 0;
	}
	// Oldest first unless asked (the order is a fixed text, never the input).
	bool newest = false;
	if (auto it = request.query.find("order"); it != request.query.end())
	{
		if (it->second != "newest" && it->second != "oldest")
			throw erp::ApiError::invalid("order", "order must be newest or oldest");
		newest = it->second == "newest";
	}
	const std::string today = _services.clock.today();
	Poco::Data::Session session = _services.database.session();
	std::vector<ListRow> rows;
	session << std::string(LIST_COLUMNS) +
				   "WHERE (? = 0 OR i.customer_id = ?) AND (? = '' OR i.status = ?) AND (? = '' OR " +
				   Sql::likeAnyCase("c.name", _services.database.dialect()) +
				   ") "
				   "AND (? = 0 OR (i.due_date IS NOT NULL AND i.due_date < ? AND i.status IN ('issued', "
				   "'partially_paid'))) ORDER BY i.id " +
				   (newest ? "DESC" : "ASC") + " LIMIT ? OFFSET ?",
		use(customerId), use(customerId), use(status), use(status), use(customerName), use(customerName), use(overdue),
		useRef(today), use(limit), use(offset), into(rows), now;
	Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
	for (const ListRow& listed: rows)
	{
		const Row row(listed.get<0>(), listed.get<1>(), listed.get<2>(), listed.get<3>(), listed.get<4>(),
					  listed.get<5>(), listed.get<6>(), listed.get<7>(), listed.get<8>(), listed.get<9>(),
					  listed.get<10>());
		Poco::JSON::Object::Ptr item = toJson(row);
		item->set("customer_name", listed.get<11>());
		_services.records.read(session, "invoice", row.get<0>(), *item);
		items->add(item);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items", items);
	body->set("limit", limit);
	body->set("offset", offset);
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse InvoiceResource::get(const erp::HttpRequest& request)
{
	Poco::Data::Session session = _services.database.session();
	return erp::HttpResponse::json(
		200, record(session, erp::QueryParameters::pathId(request.params, "id", "invoice"), true));
}


erp::HttpResponse InvoiceResource::pay(const erp::HttpRequest& request)
{
	Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "invoice");
	// A payment has no plugin sections.
	const erp::JsonBody input(request.body);
	input.allowOnly(
		[](const std::string& field) { return field == "amount" || field == "paid_on" || field == "reference"; });
	const std::string today = _services.clock.today();
	// Every field's error at once (the amount's needs the invoice's currency).
	erp::FieldChecks checks;
	const auto checkedPaidOn = checks.value([&] {
		return input.date("paid_on", false, EARLIEST_DATE, erp::JsonBody::addDays(today, PAYMENT_DAYS_AHEAD))
			.value_or(today);
	});
	const auto checkedReference = checks.value([&] { return input.text("reference", false, 200).value_or(""); });

	Poco::Data::Session session = _services.database.session();
	const Poco::Int64 paymentId = SqlConflict::retry([&] {
		erp::Transaction tx(session, _services.database.dialect());
		// The invoice stays locked from this read to the commit: a payment
		// running alongside waits, then sees this one's paid_minor.
		std::vector<Row> rows = select(session, id, Sql::forUpdate(_services.database.dialect()));
		if (rows.empty()) throw erp::ApiError::notFound("invoice " + std::to_string(id));
		const Row& invoice = rows.front();
		const std::string& currency = invoice.get<5>();
		const Poco::Int64 totalMinor = invoice.get<6>();
		const Poco::Int64 alreadyPaid = invoice.get<7>();
		const std::string& oldStatus = invoice.get<8>();
		if (oldStatus == "void") throw erp::ApiError(409, "invoice_void", "invoice " + invoice.get<1>() + " is void");
		if (oldStatus == "paid")
			throw erp::ApiError(409, "invoice_paid", "invoice " + invoice.get<1>() + " is already paid in full");
		erp::FieldChecks fields = checks;
		const auto checkedAmount = fields.value([&] {
			const Poco::Int64 minor = amount(input, "amount", currency);
			if (minor > totalMinor - alreadyPaid)
				throw erp::ApiError(400, "overpayment",
									"amount exceeds the outstanding " +
										erp::Money::format(totalMinor - alreadyPaid, currency) + " " + currency,
									"amount");
			return minor;
		});
		if (checkedPaidOn && *checkedPaidOn < invoice.get<3>())
			fields.refuse(erp::ApiError::invalid("paid_on", "paid_on must not be before the invoice's issue_date"));
		fields.throwIfAny();
		const Poco::Int64 amountMinor = *checkedAmount;
		const std::string& paidOn = *checkedPaidOn;
		const std::string& reference = *checkedReference;

		const Poco::Int64 payment = insertPayment(session, id, amountMinor, paidOn, reference, request.user);
		const Poco::Int64 paidMinor = alreadyPaid + amountMinor;
		std::string status = statusFor(totalMinor, paidMinor);
		session << "UPDATE invoices SET paid_minor = ?, status = ? WHERE id = ?", bind(paidMinor), use(status), use(id),
			now;

		Poco::JSON::Object details;
		details.set("payment_id", payment);
		details.set("amount", erp::Money::format(amountMinor, currency));
		details.set("currency", currency);
		details.set("paid_on", paidOn);
		details.set("outstanding", erp::Money::format(totalMinor - paidMinor, currency));
		details.set("status", status);
		_services.audit.append(
			session, {request.user, "invoice.payment", "invoice", std::to_string(id), erp::AuditEntry::json(details)});

		erp::PaymentRecorded event;
		event.paymentId = payment;
		event.invoiceId = id;
		event.customerId = invoice.get<2>();
		event.currency = currency;
		event.amountMinor = amountMinor;
		event.paidOn = paidOn;
		event.invoiceTotalMinor = totalMinor;
		event.invoicePaidMinor = paidMinor;
		event.invoiceStatus = status;
		event.actor = request.user;
		event.transaction = &session;
		_services.events.publish(event);
		tx.commit();
		return payment;
	});

	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("payment_id", paymentId);
	body->set("invoice", record(session, id, true));
	return erp::HttpResponse::json(201, body);
}


} // namespace host
