//
// GenerateData.cpp
//
// bench_generate DATABASE CUSTOMERS INVOICES [SEED]
//
// Writes a reference-host SQLite database (host schema and the reminders
// plugin's tables) with a seeded, repeatable business: invoices issued
// over the three years before 2026-11-30, most paid, some partly, the rest
// open; most flagged "with reminder"; a few customers without an email
// address or with their reminders off. Reminders are switched on.
//


#include "Migrator.h"
#include "SqlDatabase.h"
#include "erp/Transaction.h"
#include "plugin/core/CalendarDate.h"
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>
#include <chrono>
#include <iostream>
#include <random>
#include <vector>


using namespace Poco::Data::Keywords;
using reminders::CalendarDate;


int main(int argc, char** argv)
{
	if (argc < 4)
	{
		std::cerr << "usage: bench_generate DATABASE CUSTOMERS INVOICES [SEED]" << std::endl;
		return 2;
	}
	const std::string path = argv[1];
	const int customers = std::stoi(argv[2]);
	const int invoices = std::stoi(argv[3]);
	std::mt19937_64 random(argc > 4 ? std::stoull(argv[4]) : 1);
	const auto started = std::chrono::steady_clock::now();

	host::SqlDatabase database("sqlite", path, 2);
	host::Migrator migrator(database);
	migrator.apply("host", std::string(ERP_SOURCE_DIR) + "/host/server/sql/sqlite");
	migrator.apply("reminders", std::string(ERP_SOURCE_DIR) + "/sql/sqlite");
	Poco::Data::Session session = database.session();
	session << "PRAGMA synchronous=OFF", now;
	erp::Transaction tx(session, "sqlite");
	const std::string at = "2026-11-27T00:00:00.000Z";
	const std::string by = "bench";

	{
		std::vector<std::string> names, languages, stamps(customers, at);
		std::vector<Poco::Nullable<std::string>> emails;
		std::vector<Poco::Int64> ids, offIds;
		std::vector<int> offEnabled, offDefault;
		std::vector<std::string> offAt, offBy;
		std::uniform_real_distribution<double> unit(0, 1);
		for (int c = 1; c <= customers; ++c)
		{
			ids.push_back(c);
			names.push_back("Customer " + std::to_string(c));
			const double r = unit(random);
			if (r < 0.04)
				emails.emplace_back();
			else if (r < 0.045)
				emails.emplace_back("broken@@address");
			else
				emails.emplace_back("customer" + std::to_string(c) + "@example.com");
			languages.push_back(unit(random) < 0.7 ? "el" : "en");
			if (unit(random) < 0.05)
			{
				offIds.push_back(c);
				offEnabled.push_back(0);
				offDefault.push_back(1);
				offAt.push_back(at);
				offBy.push_back(by);
			}
		}
		session
			<< "INSERT INTO customers (id, name, email, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
			use(ids), use(names), use(emails), use(languages), use(stamps), use(stamps), now;
		session << "INSERT INTO reminder_customers (customer_id, enabled, default_on, updated_at, updated_by) "
				   "VALUES (?, ?, ?, ?, ?)",
			use(offIds), use(offEnabled), use(offDefault), use(offAt), use(offBy), now;
	}

	const CalendarDate today(2026, 11, 30);
	const int batch = 100000;
	std::uniform_int_distribution<int> customerOf(1, customers);
	std::uniform_int_distribution<int> age(0, 3 * 365);
	std::uniform_int_distribution<int> cents(1000, 500000);
	std::uniform_real_distribution<double> unit(0, 1);
	const char* const currencies[] = {"EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "GBP"};
	for (int first = 1; first <= invoices; first += batch)
	{
		std::vector<Poco::Int64> ids, customerIds, totals, paid;
		std::vector<std::string> numbers, issued, currency, status, stamps, creators;
		std::vector<Poco::Nullable<std::string>> due;
		std::vector<Poco::Int64> flagIds;
		std::vector<int> flags;
		std::vector<std::string> flagAt, flagBy;
		for (int i = first; i < first + batch && i <= invoices; ++i)
		{
			const CalendarDate issue = today.plusDays(-age(random));
			const Poco::Int64 total = cents(random);
			const double r = unit(random);
			const Poco::Int64 settled = r < 0.85 ? total : (r < 0.90 ? total / 3 : 0);
			ids.push_back(i);
			numbers.push_back("INV-" + std::to_string(i));
			customerIds.push_back(customerOf(random));
			issued.push_back(issue.toString());
			due.push_back(unit(random) < 0.9 ? Poco::Nullable<std::string>(issue.plusDays(30).toString())
											 : Poco::Nullable<std::string>());
			currency.push_back(currencies[i % 10]);
			totals.push_back(total);
			paid.push_back(settled);
			status.push_back(settled == total ? "paid" : (settled > 0 ? "partially_paid" : "issued"));
			stamps.push_back(at);
			creators.push_back(by);
			const double f = unit(random);
			if (f < 0.8)
			{
				flagIds.push_back(i);
				flags.push_back(f < 0.75 ? 1 : 0);
				flagAt.push_back(at);
				flagBy.push_back(by);
			}
		}
		session << "INSERT INTO invoices (id, number, customer_id, issue_date, due_date, currency, total_minor, "
				   "paid_minor, status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			use(ids), use(numbers), use(customerIds), use(issued), use(due), use(currency), use(totals), use(paid),
			use(status), use(creators), use(stamps), now;
		session
			<< "INSERT INTO reminder_invoices (invoice_id, with_reminder, updated_at, updated_by) VALUES (?, ?, ?, ?)",
			use(flagIds), use(flags), use(flagAt), use(flagBy), now;
	}
	session
		<< "INSERT OR REPLACE INTO reminder_settings (id, enabled, days_after_due, stop_after_months, send_weekday, "
		   "send_time, from_address, fallback_language, first_enabled_at, updated_at, updated_by) "
		   "VALUES (1, 1, 7, 6, 1, '09:00', 'billing@example.com', 'el', ?, ?, ?)",
		useRef(at), useRef(at), useRef(by), now;
	tx.commit();
	session << "ANALYZE", now;
	const auto seconds =
		std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() /
		1000.0;
	std::cout << "generated " << customers << " customers and " << invoices << " invoices into " << path << " in "
			  << seconds << " s" << std::endl;
	return 0;
}
