//
// PlanningQueryPlanTest.cpp
//
// Which index the candidates' query goes through, as the database plans
// it: the re-check of a batch's customers and the whole day (the preview,
// the start of a run) go through the host's index of open invoices by
// customer, which on SQLite covers every invoice column the query reads
// (the invoices' own pages are never read, paid invoices never seen),
// whether or not the database has statistics (SQLite plans a database never
// ANALYZEd otherwise: from every flagged invoice, for each batch). A
// condition on the status written otherwise, a column the index lacks, or a
// plan left to SQLite's guesses would silently read far more.
//


#include "TestHost.h"
#include "plugin/store/PlanningStore.h"
#include <Poco/Data/RecordSet.h>
#include <cppunit/extensions/HelperMacros.h>


using namespace reminders;
using tests::TestHost;
using namespace Poco::Data::Keywords;


class PlanningQueryPlanTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PlanningQueryPlanTest);
	CPPUNIT_TEST(testTheQueriesGoThroughTheOpenInvoicesIndex);
	CPPUNIT_TEST(testThePlansHoldWithStatistics);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true);
		const Poco::Int64 alpha = _host->createCustomer("Alpha", "alpha@example.com");
		_host->createInvoice(alpha, "A-1", "100.00");
	}

	void tearDown() override
	{
		_host.reset();
	}

	void testTheQueriesGoThroughTheOpenInvoicesIndex()
	{
		// A new database: no statistics.
		checkThePlans();
	}

	void testThePlansHoldWithStatistics()
	{
		// (InnoDB keeps its statistics itself: on MariaDB there is nothing to add.)
		Poco::Data::Session session = _host->runtime().database().session();
		if (TestHost::dialect() != "mysql") session << "ANALYZE", now;
		checkThePlans();
	}

private:
	void checkThePlans()
	{
		const bool sqlite = TestHost::dialect() != "mysql";
		const std::string recheck = PlanningStore::candidatesQuery({1, 2, 3}, false, sqlite);
		if (!sqlite)
		{
			CPPUNIT_ASSERT_MESSAGE(recheck,
								   invoiceKeysOnMySql(recheck).find("invoices_customer_open") != std::string::npos);
			return;
		}
		// The re-check, the whole day for a run (customers switched off
		// left out) and for the preview (kept in, to be counted).
		for (const std::string& query:
			 {recheck, PlanningStore::candidatesQuery({}, false, true), PlanningStore::candidatesQuery({}, true, true)})
		{
			const std::string plan = planOnSqlite(query);
			CPPUNIT_ASSERT_MESSAGE(plan, plan.find("SEARCH i USING COVERING INDEX invoices_customer_open") !=
											 std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(plan, plan.find("reminder_invoices_flag") == std::string::npos);
		}
	}

	Poco::Data::RecordSet explain(const std::string& prefix, const std::string& query)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 after = 0;
		std::string from = "2026-09-01", to = "2026-11-23";
		Poco::Data::Statement statement(session);
		statement << prefix + query, use(after), use(from), use(to), use(from), use(to);
		statement.execute();
		return Poco::Data::RecordSet(statement);
	}

	std::string planOnSqlite(const std::string& query)
	/// EXPLAIN QUERY PLAN's lines, one after the other.
	{
		Poco::Data::RecordSet plan = explain("EXPLAIN QUERY PLAN ", query);
		std::string text;
		for (bool more = plan.moveFirst(); more; more = plan.moveNext())
			text += plan["detail"].convert<std::string>() + "\n";
		return text;
	}

	std::string invoiceKeysOnMySql(const std::string& query)
	/// The indexes MariaDB considers for the invoices (possible_keys): what
	/// it may use, whatever the few rows of a test make it choose.
	{
		Poco::Data::RecordSet plan = explain("EXPLAIN ", query);
		std::string keys;
		for (bool more = plan.moveFirst(); more; more = plan.moveNext())
			if (plan["table"].convert<std::string>() == "i" && !plan["possible_keys"].isEmpty())
				keys += plan["possible_keys"].convert<std::string>() + ",";
		return keys;
	}

	std::unique_ptr<TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PlanningQueryPlanTest, "plugin");
