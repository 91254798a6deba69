//
// ReminderFieldStore.cpp
//


#include "plugin/store/ReminderFieldStore.h"
#include "erp/Instant.h"
#include <Poco/Nullable.h>
#include <Poco/Timestamp.h>
#include <Poco/Tuple.h>
#include <vector>


using namespace Poco::Data::Keywords;


namespace reminders {


ReminderFieldStore::ReminderFieldStore(const std::string& dialect):
	_dialect(dialect)
{}


CustomerFields ReminderFieldStore::customer(Poco::Data::Session& session, Poco::Int64 customerId) const
{
	std::vector<Poco::Tuple<int, int, Poco::Nullable<std::string>>> rows;
	session << "SELECT enabled, default_on, paused_until FROM reminder_customers WHERE customer_id = ?",
		use(customerId), into(rows), now;
	CustomerFields fields;
	if (!rows.empty())
	{
		fields.enabled = rows.front().get<0>() != 0;
		fields.defaultOn = rows.front().get<1>() != 0;
		if (!rows.front().get<2>().isNull()) fields.pausedUntil = rows.front().get<2>().value();
	}
	return fields;
}


void ReminderFieldStore::saveCustomer(Poco::Data::Session& session, Poco::Int64 customerId,
									  const CustomerFields& fields, const std::string& actor) const
{
	int enabled = fields.enabled ? 1 : 0;
	int defaultOn = fields.defaultOn ? 1 : 0;
	Poco::Nullable<std::string> pausedUntil;
	if (!fields.pausedUntil.empty()) pausedUntil = fields.pausedUntil;
	std::string at = erp::Instant::now();
	const std::string sql =
		_dialect == "mysql"
			? "INSERT INTO reminder_customers (customer_id, enabled, default_on, paused_until, updated_at, updated_by) "
			  "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), "
			  "default_on = VALUES(default_on), paused_until = VALUES(paused_until), updated_at = VALUES(updated_at), "
			  "updated_by = VALUES(updated_by)"
			: "INSERT INTO reminder_customers (customer_id, enabled, default_on, paused_until, updated_at, updated_by) "
			  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET enabled = excluded.enabled, "
			  "default_on = excluded.default_on, paused_until = excluded.paused_until, "
			  "updated_at = excluded.updated_at, updated_by = excluded.updated_by";
	session << sql, use(customerId), use(enabled), use(defaultOn), use(pausedUntil), use(at), useRef(actor), now;
}


CreationFacts ReminderFieldStore::creationFacts(Poco::Data::Session& session, Poco::Int64 invoiceId,
												Poco::Int64 customerId) const
{
	// One round trip instead of four: each statement costs invoice creation
	// more than its SQL does (Poco's SQLite connector prepares it anew on
	// every execute; bench/hooks.sh measures the rate). It also reads what
	// the created invoice's section is worded from (the window's settings,
	// the flag and dispute as stored), so that the answer need not read it
	// again (ReminderFields::handOver). Keep it short: SQLite's parse of the
	// text is most of its cost (a version packing the yes/no columns into
	// one with CASE expressions cost more, not less; docs/performance.md).
	using Maybe = Poco::Nullable<int>;
	std::vector<Poco::Tuple<Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Poco::Nullable<std::string>, Maybe,
							Poco::Nullable<std::string>>>
		rows;
	session << "SELECT s.enabled, c.enabled, c.default_on, CASE WHEN i.flag_chosen = 1 THEN i.with_reminder END, "
			   "i.with_reminder, s.days_after_due, s.stop_after_months, s.time_zone, i.disputed, i.dispute_note "
			   "FROM (SELECT 1 AS one) k "
			   "LEFT JOIN reminder_settings s ON s.id = 1 "
			   "LEFT JOIN reminder_customers c ON c.customer_id = ? "
			   "LEFT JOIN reminder_invoices i ON i.invoice_id = ?",
		use(customerId), use(invoiceId), into(rows), now;
	CreationFacts facts;
	if (rows.empty()) return facts;
	const auto& row = rows.front();
	facts.switchOn = !row.get<0>().isNull() && row.get<0>().value() != 0;
	if (!row.get<1>().isNull()) facts.customer.enabled = row.get<1>().value() != 0;
	if (!row.get<2>().isNull()) facts.customer.defaultOn = row.get<2>().value() != 0;
	if (!row.get<3>().isNull()) facts.invoiceFlag = row.get<3>().value() != 0;
	facts.storedFlag = !row.get<4>().isNull() && row.get<4>().value() != 0;
	facts.settingsSaved = !row.get<5>().isNull();
	facts.daysAfterDue = row.get<5>().isNull() ? 0 : row.get<5>().value();
	facts.stopAfterMonths = row.get<6>().isNull() ? 0 : row.get<6>().value();
	facts.timeZone = row.get<7>().isNull() ? std::string() : row.get<7>().value();
	facts.dispute.disputed = !row.get<8>().isNull() && row.get<8>().value() != 0;
	if (!row.get<9>().isNull()) facts.dispute.note = row.get<9>().value();
	return facts;
}


std::optional<InvoiceView> ReminderFieldStore::invoiceView(Poco::Data::Session& session, Poco::Int64 invoiceId) const
{
	using Maybe = Poco::Nullable<int>;
	std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, Poco::Nullable<std::string>,
							std::string, Poco::Int64, Poco::Int64, std::string, int, Maybe, Maybe, Maybe,
							Poco::Nullable<std::string>, Maybe, int, Poco::Nullable<std::string>>>
		rows;
	session << "SELECT i.id, i.customer_id, i.number, i.issue_date, i.due_date, i.currency, i.total_minor, "
			   "i.paid_minor, i.status, COALESCE(r.with_reminder, 0), s.enabled, s.days_after_due, "
			   "s.stop_after_months, s.time_zone, c.enabled, COALESCE(r.disputed, 0), r.dispute_note "
			   "FROM invoices i "
			   "LEFT JOIN reminder_invoices r ON r.invoice_id = i.id "
			   "LEFT JOIN reminder_settings s ON s.id = 1 "
			   "LEFT JOIN reminder_customers c ON c.customer_id = i.customer_id WHERE i.id = ?",
		use(invoiceId), into(rows), now;
	if (rows.empty()) return std::nullopt;
	const auto& row = rows.front();
	InvoiceView view;
	OpenInvoice& invoice = view.invoice;
	invoice.id = row.get<0>();
	invoice.customerId = row.get<1>();
	invoice.number = row.get<2>();
	invoice.issueDate = CalendarDate::parse(row.get<3>()).value_or(CalendarDate());
	if (!row.get<4>().isNull()) invoice.dueDate = CalendarDate::parse(row.get<4>().value());
	invoice.currency = row.get<5>();
	invoice.totalMinor = row.get<6>();
	invoice.paidMinor = row.get<7>();
	invoice.status = row.get<8>();
	invoice.withReminder = row.get<9>() != 0;
	view.settingsSaved = !row.get<11>().isNull();
	view.switchOn = !row.get<10>().isNull() && row.get<10>().value() != 0;
	view.daysAfterDue = row.get<11>().isNull() ? 0 : row.get<11>().value();
	view.stopAfterMonths = row.get<12>().isNull() ? 0 : row.get<12>().value();
	view.timeZone = row.get<13>().isNull() ? std::string() : row.get<13>().value();
	view.customerEnabled = row.get<14>().isNull() || row.get<14>().value() != 0;
	view.dispute.disputed = row.get<15>() != 0;
	if (!row.get<16>().isNull()) view.dispute.note = row.get<16>().value();
	invoice.disputed = view.dispute.disputed;
	return view;
}


std::optional<bool> ReminderFieldStore::invoiceFlag(Poco::Data::Session& session, Poco::Int64 invoiceId) const
{
	std::vector<int> rows;
	session << "SELECT with_reminder FROM reminder_invoices WHERE invoice_id = ?", use(invoiceId), into(rows), now;
	if (rows.empty()) return std::nullopt;
	return rows.front() != 0;
}


void ReminderFieldStore::saveInvoiceFlag(Poco::Data::Session& session, Poco::Int64 invoiceId, bool withReminder,
										 const std::string& actor) const
{
	int flag = withReminder ? 1 : 0;
	std::string at = erp::Instant::now();
	const std::string sql =
		_dialect == "mysql"
			? "INSERT INTO reminder_invoices (invoice_id, with_reminder, flag_chosen, updated_at, updated_by) "
			  "VALUES (?, ?, 1, ?, ?) ON DUPLICATE KEY UPDATE with_reminder = VALUES(with_reminder), flag_chosen = 1, "
			  "updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)"
			: "INSERT INTO reminder_invoices (invoice_id, with_reminder, flag_chosen, updated_at, updated_by) "
			  "VALUES (?, ?, 1, ?, ?) ON CONFLICT (invoice_id) DO UPDATE SET with_reminder = excluded.with_reminder, "
			  "flag_chosen = 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by";
	session << sql, use(invoiceId), use(flag), use(at), useRef(actor), now;
}


InvoiceDispute ReminderFieldStore::dispute(Poco::Data::Session& session, Poco::Int64 invoiceId) const
{
	std::vector<Poco::Tuple<int, Poco::Nullable<std::string>>> rows;
	session << "SELECT disputed, dispute_note FROM reminder_invoices WHERE invoice_id = ?", use(invoiceId), into(rows),
		now;
	InvoiceDispute dispute;
	if (!rows.empty())
	{
		dispute.disputed = rows.front().get<0>() != 0;
		if (!rows.front().get<1>().isNull()) dispute.note = rows.front().get<1>().value();
	}
	return dispute;
}


void ReminderFieldStore::saveDispute(Poco::Data::Session& session, Poco::Int64 invoiceId, const InvoiceDispute& dispute,
									 const std::string& actor) const
{
	int disputed = dispute.disputed ? 1 : 0;
	Poco::Nullable<std::string> note;
	if (!dispute.note.empty()) note = dispute.note;
	std::string at = erp::Instant::now();
	const std::string sql =
		_dialect == "mysql"
			? "INSERT INTO reminder_invoices (invoice_id, with_reminder, flag_chosen, disputed, dispute_note, "
			  "updated_at, updated_by) "
			  "VALUES (?, 0, 0, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE disputed = VALUES(disputed), "
			  "dispute_note = VALUES(dispute_note), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)"
			: "INSERT INTO reminder_invoices (invoice_id, with_reminder, flag_chosen, disputed, dispute_note, "
			  "updated_at, updated_by) "
			  "VALUES (?, 0, 0, ?, ?, ?, ?) ON CONFLICT (invoice_id) DO UPDATE SET disputed = excluded.disputed, "
			  "dispute_note = excluded.dispute_note, updated_at = excluded.updated_at, updated_by = "
			  "excluded.updated_by";
	session << sql, use(invoiceId), use(disputed), use(note), use(at), useRef(actor), now;
}


std::optional<InvoiceFacts> ReminderFieldStore::invoice(Poco::Data::Session& session, Poco::Int64 invoiceId) const
{
	std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string>> rows;
	session << "SELECT id, customer_id, number, status FROM invoices WHERE id = ?", use(invoiceId), into(rows), now;
	if (rows.empty()) return std::nullopt;
	const auto& row = rows.front();
	return InvoiceFacts{row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>()};
}


std::optional<OpenInvoice> ReminderFieldStore::openInvoice(Poco::Data::Session& session, Poco::Int64 invoiceId) const
{
	std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, Poco::Nullable<std::string>,
							std::string, Poco::Int64, Poco::Int64, std::string, int, int>>
		rows;
	session << "SELECT i.id, i.customer_id, i.number, i.issue_date, i.due_date, i.currency, i.total_minor, "
			   "i.paid_minor, i.status, COALESCE(r.with_reminder, 0), COALESCE(r.disputed, 0) FROM invoices i "
			   "LEFT JOIN reminder_invoices r ON r.invoice_id = i.id WHERE i.id = ?",
		use(invoiceId), into(rows), now;
	if (rows.empty()) return std::nullopt;
	const auto& row = rows.front();
	OpenInvoice invoice;
	invoice.id = row.get<0>();
	invoice.customerId = row.get<1>();
	invoice.number = row.get<2>();
	invoice.issueDate = CalendarDate::parse(row.get<3>()).value_or(CalendarDate());
	if (!row.get<4>().isNull()) invoice.dueDate = CalendarDate::parse(row.get<4>().value());
	invoice.currency = row.get<5>();
	invoice.totalMinor = row.get<6>();
	invoice.paidMinor = row.get<7>();
	invoice.status = row.get<8>();
	invoice.withReminder = row.get<9>() != 0;
	invoice.disputed = row.get<10>() != 0;
	return invoice;
}


} // namespace reminders
