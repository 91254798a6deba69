//
// DatabaseCopyTest.cpp
//


#include "DatabaseCopy.h"
#include "HostRuntime.h"
#include "TestHost.h"
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>


using namespace Poco::Data::Keywords;
using tests::Reply;
using tests::TestHost;


class DatabaseCopyTest: public CppUnit::TestFixture
/// erp-host --copy-database: a populated SQLite database, the reminders
/// plugin's tables included, copied into an empty database of the test's
/// dialect (MariaDB under ERP_TEST_MARIADB): the same tables with the same
/// row counts and values, and a host started on the copy serves them.
{
	CPPUNIT_TEST_SUITE(DatabaseCopyTest);
	CPPUNIT_TEST(testAPopulatedSqliteDatabaseIsCopied);
	CPPUNIT_TEST(testATargetThatIsNotEmptyIsRefused);
	CPPUNIT_TEST(testASourceOfAnotherVersionIsRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAPopulatedSqliteDatabaseIsCopied()
	{
		try
		{
			populatedCopy();
		}
		catch (Poco::Exception& exc)
		{
			CPPUNIT_FAIL(exc.displayText());
		}
	}

	void populatedCopy()
	{
		Poco::TemporaryFile sourceFolder;
		Poco::File(sourceFolder.path()).createDirectories();
		const std::string sourceFile = sourceFolder.path() + "/source.sqlite";
		Poco::Int64 greek = 0;
		Poco::Int64 invoice = 0;
		{
			TestHost source(TestHost::remindersPluginsDirectory(), true, "", sqlite(sourceFile));
			// Switched on first: the invoices below are flagged as they are made.
			Reply on = source.call("PUT", "/api/plugins/reminders/settings",
								   R"({"enabled": true, "from_address": "billing@example.com"})");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
			greek =
				source.createCustomer("Ζωή Παπαδοπούλου 🧾", "zoi@example.com", R"("language": "el")");
			const Poco::Int64 english = source.createCustomer("Ann Smith", "ann@example.com");
			source.createCustomer("Without email", "");
			invoice = source.createInvoice(greek, "Τ-1", "100.00", R"("due_date": "2026-10-15")");
			source.createInvoice(english, "A-1", "250.50");
			Reply paid = source.call("POST", "/api/invoices/" + std::to_string(invoice) + "/payments",
									 R"({"amount": "40.00", "paid_on": "2026-10-20"})");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(paid.body, 201, paid.status);
			// A week's run: runs, messages and their invoices in the plugin's tables.
			const erp::TaskResult run = source.runtime().runTask("reminders.weekly", "2026-11-30", false, "test");
			CPPUNIT_ASSERT_MESSAGE(run.summary, run.ok);
		}
		host::SqlDatabase source("sqlite", sourceFile, 2);
		CPPUNIT_ASSERT(rows(source, "reminder_messages") > 0);

		Poco::TemporaryFile targetFolder;
		Poco::File(targetFolder.path()).createDirectories();
		std::map<std::string, Poco::Int64> copied;
		{
			std::unique_ptr<host::SqlDatabase> target = TestHost::openDatabase(targetFolder.path());
			CPPUNIT_ASSERT(host::DatabaseCopy::tables(*target).empty());
			for (const auto& table:
				 host::DatabaseCopy(source, *target, 2).run(schema(), TestHost::remindersPluginsDirectory()))
				copied[table.name] = table.rows; // two rows a round: the tables take several
			// Every table of the source, with its rows.
			for (const std::string& table: host::DatabaseCopy::tables(source))
			{
				if (table == "schema_migrations") continue;
				CPPUNIT_ASSERT_MESSAGE(table, copied.count(table));
				CPPUNIT_ASSERT_EQUAL_MESSAGE(table, rows(source, table), copied[table]);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(table, rows(source, table), rows(*target, table));
			}
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), copied["customers"]);
			CPPUNIT_ASSERT(copied["audit_log"] > 5);
			CPPUNIT_ASSERT(copied["reminder_messages"] > 0);
			CPPUNIT_ASSERT(copied["reminder_message_invoices"] > 0);
			CPPUNIT_ASSERT_EQUAL(rows(source, "schema_migrations"), rows(*target, "schema_migrations"));
			// A few values, as written.
			CPPUNIT_ASSERT_EQUAL(text(source, "SELECT name FROM customers WHERE id = " + std::to_string(greek)),
								 text(*target, "SELECT name FROM customers WHERE id = " + std::to_string(greek)));
			CPPUNIT_ASSERT_EQUAL(text(source, "SELECT recipient FROM reminder_messages ORDER BY id LIMIT 1"),
								 text(*target, "SELECT recipient FROM reminder_messages ORDER BY id LIMIT 1"));
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), number(*target, "SELECT enabled FROM reminder_settings"));
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(4000), number(*target, "SELECT amount_minor FROM payments"));
		}

		// A host on the copy serves the same records and keeps numbering after them.
		TestHost copy(TestHost::remindersPluginsDirectory(), true, targetFolder.path());
		Reply customer = copy.call("GET", "/api/customers/" + std::to_string(greek));
		CPPUNIT_ASSERT_EQUAL(200, customer.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Ζωή Παπαδοπούλου 🧾"),
							 customer.object()->getValue<std::string>("name"));
		Reply invoiceReply = copy.call("GET", "/api/invoices/" + std::to_string(invoice));
		CPPUNIT_ASSERT_EQUAL(200, invoiceReply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("60.00"), invoiceReply.object()->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT(copy.createCustomer("After the copy", "after@example.com") > 3);
		CPPUNIT_ASSERT(copy.runtime().plugins().status().front().running);
	}

	void testATargetThatIsNotEmptyIsRefused()
	{
		Poco::TemporaryFile sourceFolder;
		Poco::File(sourceFolder.path()).createDirectories();
		const std::string sourceFile = sourceFolder.path() + "/source.sqlite";
		{
			TestHost source(TestHost::remindersPluginsDirectory(), false, "", sqlite(sourceFile));
		}
		host::SqlDatabase source("sqlite", sourceFile, 2);
		Poco::TemporaryFile targetFolder;
		Poco::File(targetFolder.path()).createDirectories();
		std::unique_ptr<host::SqlDatabase> target = TestHost::openDatabase(targetFolder.path());
		{
			Poco::Data::Session session = target->session();
			session << "CREATE TABLE keep_me (id INTEGER PRIMARY KEY)", now;
			session << "INSERT INTO keep_me (id) VALUES (7)", now;
		}
		try
		{
			host::DatabaseCopy(source, *target).run(schema(), TestHost::remindersPluginsDirectory());
			CPPUNIT_FAIL("a target with a table was accepted");
		}
		catch (host::DatabaseCopyException& exc)
		{
			CPPUNIT_ASSERT_MESSAGE(exc.displayText(), exc.displayText().find("not empty") != std::string::npos);
		}
		// Nothing changed there.
		CPPUNIT_ASSERT(host::DatabaseCopy::tables(*target) == std::vector<std::string>{"keep_me"});
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), rows(*target, "keep_me"));
	}

	void testASourceOfAnotherVersionIsRefused()
	{
		// The source misses the plugin's last migration (an older version):
		// refused before the target is touched.
		Poco::TemporaryFile sourceFolder;
		Poco::File(sourceFolder.path()).createDirectories();
		const std::string sourceFile = sourceFolder.path() + "/source.sqlite";
		{
			TestHost source(TestHost::remindersPluginsDirectory(), false, "", sqlite(sourceFile));
		}
		host::SqlDatabase source("sqlite", sourceFile, 2);
		{
			Poco::Data::Session session = source.session();
			session << "DELETE FROM schema_migrations WHERE component = 'reminders' AND version = "
					   "(SELECT MAX(version) FROM schema_migrations WHERE component = 'reminders')",
				now;
		}
		Poco::TemporaryFile targetFolder;
		Poco::File(targetFolder.path()).createDirectories();
		std::unique_ptr<host::SqlDatabase> target = TestHost::openDatabase(targetFolder.path());
		try
		{
			host::DatabaseCopy(source, *target).run(schema(), TestHost::remindersPluginsDirectory());
			CPPUNIT_FAIL("a source of another version was accepted");
		}
		catch (host::DatabaseCopyException& exc)
		{
			CPPUNIT_ASSERT_MESSAGE(exc.displayText(),
								   exc.displayText().find("reminders: the source has migrations") != std::string::npos);
		}
		CPPUNIT_ASSERT(host::DatabaseCopy::tables(*target).empty());
	}

private:
	static std::map<std::string, std::string> sqlite(const std::string& file)
	{
		return {{"database.connector", "sqlite"}, {"database.connection", file}};
	}

	static std::string schema()
	{
		return TestHost::buildDirectory() + "/share/erp-host/sql";
	}

	static Poco::Int64 rows(erp::Database& database, const std::string& table)
	{
		Poco::Data::Session session = database.session();
		Poco::Int64 n = 0;
		session << "SELECT COUNT(*) FROM " + table, into(n), now;
		return n;
	}

	static Poco::Int64 number(erp::Database& database, const std::string& query)
	{
		Poco::Data::Session session = database.session();
		Poco::Int64 value = 0;
		session << query, into(value), now;
		return value;
	}

	static std::string text(erp::Database& database, const std::string& query)
	{
		Poco::Data::Session session = database.session();
		std::string value;
		session << query, into(value), now;
		return value;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DatabaseCopyTest, "host");
