//
// PlanningStore.cpp
//


#include "plugin/store/PlanningStore.h"
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>


using namespace Poco::Data::Keywords;


namespace reminders {


namespace {

// customer id, name, email, language, enabled, default_on,
// invoice id, number, issue date, due date, currency, total, paid, status, flag
// and when the customer's address last bounced for good (unlifted);
// the customer's pause date, the invoice's dispute and its note, and how
// many earlier reminders listed the invoice and were delivered
using Row =
	Poco::Tuple<Poco::Int64, std::string, Poco::Nullable<std::string>, std::string, int, int, Poco::Int64, std::string,
				std::string, Poco::Nullable<std::string>, std::string, Poco::Int64, Poco::Int64, std::string, int,
				Poco::Nullable<std::string>, Poco::Nullable<std::string>, int, Poco::Nullable<std::string>, int>;

const char* const SELECT =
	"SELECT c.id, c.name, c.email, c.language, COALESCE(rc.enabled, 1), "
	"COALESCE(rc.default_on, 1), i.id, i.number, i.issue_date, i.due_date, i.currency, "
	"i.total_minor, i.paid_minor, i.status, COALESCE(r.with_reminder, 0), "
	"(SELECT MAX(b.received_at) FROM reminder_bounces b WHERE b.recipient = LOWER(c.email) "
	"AND b.suppresses = 1 AND b.lifted_at IS NULL), "
	"rc.paused_until, COALESCE(r.disputed, 0), r.dispute_note, "
	"(SELECT COUNT(*) FROM reminder_message_invoices mi JOIN reminder_messages m "
	"ON m.id = mi.message_id WHERE mi.invoice_id = i.id AND m.state IN ('accepted', 'spooled')) ";

CustomerContact contactOf(const Row& row)
{
	CustomerContact customer;
	customer.id = row.get<0>();
	customer.name = row.get<1>();
	customer.email = row.get<2>().isNull() ? std::string() : row.get<2>().value();
	customer.language = row.get<3>();
	customer.remindersEnabled = row.get<4>() != 0;
	customer.bouncedOn = row.get<15>().isNull() ? std::string() : row.get<15>().value();
	if (!row.get<16>().isNull()) customer.pausedUntil = CalendarDate::parse(row.get<16>().value());
	return customer;
}

OpenInvoice invoiceOf(const Row& row)
{
	OpenInvoice invoice;
	invoice.customerId = row.get<0>();
	invoice.id = row.get<6>();
	invoice.number = row.get<7>();
	invoice.issueDate = CalendarDate::parse(row.get<8>()).value_or(CalendarDate());
	if (!row.get<9>().isNull()) invoice.dueDate = CalendarDate::parse(row.get<9>().value());
	invoice.currency = row.get<10>();
	invoice.totalMinor = row.get<11>();
	invoice.paidMinor = row.get<12>();
	invoice.status = row.get<13>();
	invoice.withReminder = row.get<14>() != 0;
	invoice.disputed = row.get<17>() != 0;
	invoice.disputeNote = row.get<18>().isNull() ? std::string() : row.get<18>().value();
	invoice.earlierReminders = row.get<19>();
	return invoice;
}

// Runs the statement batch by batch and hands each customer's rows over
// once all of them are read (rows arrive ordered by customer).
void stream(Poco::Data::Statement& statement, std::vector<Row>& rows,
			const std::function<bool(const Row& first, std::vector<OpenInvoice>&)>& emit)
{
	std::vector<OpenInvoice> invoices;
	Row current;
	bool have = false;
	while (!statement.done())
	{
		rows.clear();
		statement.execute();
		for (const Row& row: rows)
		{
			if (have && row.get<0>() != current.get<0>())
			{
				if (!emit(current, invoices)) return;
				invoices.clear();
			}
			current = row;
			have = true;
			invoices.push_back(invoiceOf(row));
		}
	}
	if (have) emit(current, invoices);
}

} // namespace


void PlanningStore::forEachCandidate(Poco::Data::Session& session, const CalendarDate& earliestBasis,
									 const CalendarDate& latestBasis, const Visitor& visit, bool withCustomersOff) const
{
	candidates(session, {}, earliestBasis, latestBasis, visit, withCustomersOff);
}


std::optional<std::pair<CustomerContact, std::vector<OpenInvoice>>> PlanningStore::candidatesOf(
	Poco::Data::Session& session, Poco::Int64 customerId, const CalendarDate& earliestBasis,
	const CalendarDate& latestBasis) const
{
	std::optional<std::pair<CustomerContact, std::vector<OpenInvoice>>> found;
	candidates(
		session, {customerId}, earliestBasis, latestBasis,
		[&](const CustomerContact& customer, const std::vector<OpenInvoice>& invoices) {
			found = std::make_pair(customer, invoices);
			return false;
		},
		false);
	return found;
}


PlanningStore::Candidates PlanningStore::candidatesOf(Poco::Data::Session& session,
													  const std::vector<Poco::Int64>& customerIds,
													  const CalendarDate& earliestBasis,
													  const CalendarDate& latestBasis) const
{
	Candidates found;
	if (customerIds.empty()) return found;
	candidates(
		session, customerIds, earliestBasis, latestBasis,
		[&](const CustomerContact& customer, const std::vector<OpenInvoice>& invoices) {
			found.emplace(customer.id, std::make_pair(customer, invoices));
			return true;
		},
		false);
	return found;
}


PlanningStore::PlanningStore(const std::string& dialect):
	_dialect(dialect)
{}


std::string PlanningStore::candidatesQuery(const std::vector<Poco::Int64>& customerIds, bool withCustomersOff,
										   bool sqlite)
{
	// Given customers (the re-check before a batch's sends) and the whole
	// day alike go through the host's index of open invoices by customer,
	// whose condition the WHERE below repeats word for word; on SQLite it
	// holds every invoice column read here, so the invoices' own pages are
	// never read. Without statistics (a database never ANALYZEd) SQLite
	// would rather start from the flagged invoices, every one of them: the
	// index is named, and "+" keeps the flag's index out of the plan.
	std::string customerClause = "AND i.customer_id > ? ";
	if (!customerIds.empty())
	{
		customerClause += "AND i.customer_id IN (";
		for (std::size_t i = 0; i < customerIds.size(); ++i)
			customerClause += (i ? "," : "") + std::to_string(customerIds[i]);
		customerClause += ") ";
	}
	// The basis is the due date, else the issue date, written as two ranges
	// (not COALESCE), so that MariaDB may also use the host's (status,
	// due_date) index for the whole day and sort the few rows left.
	return std::string(SELECT) +
		   (sqlite ? "FROM invoices i INDEXED BY invoices_customer_open "
					 "JOIN reminder_invoices r ON r.invoice_id = i.id AND +r.with_reminder = 1 "
				   : "FROM invoices i "
					 "JOIN reminder_invoices r ON r.invoice_id = i.id AND r.with_reminder = 1 ") +
		   "JOIN customers c ON c.id = i.customer_id "
		   "LEFT JOIN reminder_customers rc ON rc.customer_id = i.customer_id "
		   "WHERE i.status IN ('issued', 'partially_paid') " +
		   std::string(withCustomersOff ? "" : "AND COALESCE(rc.enabled, 1) = 1 ") + customerClause +
		   "AND ((i.due_date BETWEEN ? AND ?) OR (i.due_date IS NULL AND i.issue_date BETWEEN ? AND ?)) "
		   "ORDER BY i.customer_id, i.id";
}


void PlanningStore::candidates(Poco::Data::Session& session, const std::vector<Poco::Int64>& customerIds,
							   const CalendarDate& earliestBasis, const CalendarDate& latestBasis, const Visitor& visit,
							   bool withCustomersOff) const
{
	std::string from = earliestBasis.toString();
	std::string to = latestBasis.toString();
	Poco::Int64 after = 0;
	std::vector<Row> rows;
	Poco::Data::Statement statement(session);
	const std::string sql = candidatesQuery(customerIds, withCustomersOff, _dialect != "mysql");
	statement << sql, use(after), use(from), use(to), use(from), use(to), into(rows), limit(BATCH);
	stream(statement, rows,
		   [&](const Row& first, std::vector<OpenInvoice>& invoices) { return visit(contactOf(first), invoices); });
}


void PlanningStore::forEachOutstanding(
	Poco::Data::Session& session, Poco::Int64 afterCustomerId, int customers,
	const std::function<void(const CustomerContact&, bool, const std::vector<OpenInvoice>&)>& visit) const
{
	// The page's customers first, so that a page never splits a customer.
	std::vector<Poco::Int64> ids;
	session << "SELECT DISTINCT customer_id FROM invoices WHERE status IN ('issued', 'partially_paid') "
			   "AND customer_id > ? ORDER BY customer_id LIMIT ?",
		use(afterCustomerId), use(customers), into(ids), now;
	if (ids.empty()) return;
	Poco::Int64 first = ids.front(), last = ids.back();
	std::vector<Row> rows;
	Poco::Data::Statement statement(session);
	statement << std::string(SELECT) +
					 "FROM invoices i "
					 "JOIN customers c ON c.id = i.customer_id "
					 "LEFT JOIN reminder_invoices r ON r.invoice_id = i.id "
					 "LEFT JOIN reminder_customers rc ON rc.customer_id = i.customer_id "
					 "WHERE i.status IN ('issued', 'partially_paid') AND i.customer_id BETWEEN ? AND ? "
					 "ORDER BY i.customer_id, i.id",
		use(first), use(last), into(rows), limit(BATCH);
	stream(statement, rows, [&](const Row& row, std::vector<OpenInvoice>& invoices) {
		visit(contactOf(row), row.get<5>() != 0, invoices);
		return true;
	});
}


int PlanningStore::countUnflaggedOutstanding(Poco::Data::Session& session) const
{
	int count = 0;
	session << "SELECT COUNT(*) FROM invoices i "
			   "LEFT JOIN reminder_invoices r ON r.invoice_id = i.id "
			   "LEFT JOIN reminder_customers rc ON rc.customer_id = i.customer_id "
			   "WHERE i.status IN ('issued', 'partially_paid') AND i.total_minor > i.paid_minor "
			   "AND COALESCE(r.with_reminder, 0) = 0 AND COALESCE(rc.enabled, 1) = 1",
		into(count), now;
	return count;
}


} // namespace reminders
