//
// BackupRestoreTest.cpp
//


#include "TestHost.h"
#include "TestMariaDb.h"
#include "ops/SqliteBackup.h"
#include <Poco/Data/RecordSet.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sqlite3.h>


using namespace Poco::Data::Keywords;


namespace tests {


class BackupRestoreTest: public CppUnit::TestFixture
/// A backup taken while the host serves, restored into a new database: a
/// host started on it answers the same customers, invoices, reminder
/// flags, runs and history, and every table holds the same rows.
/// SQLite: erp-host's SqliteBackup; MariaDB: scripts/backup-mariadb and
/// scripts/restore-mariadb.
{
	CPPUNIT_TEST_SUITE(BackupRestoreTest);
	CPPUNIT_TEST(testRoundTrip);
	CPPUNIT_TEST(testRefusals);
	CPPUNIT_TEST_SUITE_END();

public:
	using Tables = std::map<std::string, std::vector<std::string>>;

	static Tables tables(erp::Database& database)
	/// Every table's rows as text, sorted.
	{
		Poco::Data::Session session = database.session();
		std::vector<std::string> names;
		if (database.dialect() == "mysql")
			session << "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", into(names),
				now;
		else
			session << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", into(names),
				now;
		Tables result;
		for (const std::string& name: names)
		{
			Poco::Data::Statement select(session);
			select << "SELECT * FROM " + name, now;
			Poco::Data::RecordSet rows(select);
			std::vector<std::string>& lines = result[name];
			for (bool more = rows.moveFirst(); more; more = rows.moveNext())
			{
				std::string line;
				for (std::size_t column = 0; column < rows.columnCount(); ++column)
				{
					const Poco::Dynamic::Var value = rows.value(column);
					line += (value.isEmpty() ? std::string("NULL") : value.convert<std::string>()) + "|";
				}
				lines.push_back(line);
			}
			std::sort(lines.begin(), lines.end());
		}
		return result;
	}

	static std::vector<std::string> answers(TestHost& host, Poco::Int64 invoice)
	/// What the API says about the data: customers, invoices with their
	/// reminder flags, runs, one invoice's history.
	{
		std::vector<std::string> result;
		for (const std::string& path:
			 {std::string("/api/customers"), std::string("/api/invoices"), "/api/invoices/" + std::to_string(invoice),
			  std::string("/api/plugins/reminders/runs"),
			  "/api/plugins/reminders/invoices/" + std::to_string(invoice) + "/history",
			  std::string("/api/plugins/reminders/settings")})
		{
			const Reply reply = host.call("GET", path);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path + ": " + reply.body, 200, reply.status);
			result.push_back(path + " " + reply.body);
		}
		return result;
	}

	static std::string run(const std::string& command, const std::vector<std::string>& args, int& status)
	{
		Poco::Pipe outPipe;
		Poco::ProcessHandle handle = Poco::Process::launch(command, args, nullptr, &outPipe, &outPipe);
		Poco::PipeInputStream out(outPipe);
		std::string output;
		Poco::StreamCopier::copyToString(out, output);
		status = handle.wait();
		return output;
	}

	static Poco::Int64 fill(TestHost& host)
	/// Customers (one Greek), invoices, a flag switched off, a payment and a
	/// week's run with its history; returns the invoice with a history.
	{
		CPPUNIT_ASSERT_EQUAL(
			200, host.call("PUT", "/api/plugins/reminders/settings",
						   R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 0})")
					 .status);
		const Poco::Int64 alpha = host.createCustomer("Ζωή Παπαδοπούλου 🙂", "zoi@example.com");
		const Poco::Int64 a1 =
			host.createInvoice(alpha, "Α-1", "120.50", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		host.createInvoice(alpha, "Α-2", "80", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		const Poco::Int64 beta = host.createCustomer("Beta Ltd", "beta@example.com");
		const Poco::Int64 b1 =
			host.createInvoice(beta, "B-1", "50", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		const Poco::Int64 b2 =
			host.createInvoice(beta, "B-2", "70", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(b2),
											R"({"with_reminder": false})")
									  .status);
		CPPUNIT_ASSERT_EQUAL(
			201, host.call("POST", "/api/invoices/" + std::to_string(b1) + "/payments", R"({"amount": "20"})").status);
		const erp::TaskResult weekly = host.runtime().runTask("reminders.weekly", "2026-11-23", false, "test");
		CPPUNIT_ASSERT_MESSAGE(weekly.summary, weekly.ok);
		return a1;
	}

	void testRoundTrip()
	{
		// The spool folder is configuration, not data: the same for both hosts.
		Poco::TemporaryFile spool;
		const std::map<std::string, std::string> extra = {{"reminders.spool.directory", spool.path()}};
		TestHost original(TestHost::remindersPluginsDirectory(), true, "", extra);
		const Poco::Int64 invoice = fill(original);
		const std::vector<std::string> before = answers(original, invoice);
		const Tables beforeTables = tables(original.runtime().database());
		CPPUNIT_ASSERT(beforeTables.at("reminder_messages").size() == 2);

		Poco::TemporaryFile restoredFolder;
		restoredFolder.createDirectories();
		if (TestHost::dialect() == "sqlite")
			backupSqlite(original, restoredFolder.path());
		else
			backupMariaDb(original, restoredFolder.path());

		// The original keeps serving; the restored copy has what it had.
		original.createCustomer("After the backup", "after@example.com");
		TestHost restored(TestHost::remindersPluginsDirectory(), true, restoredFolder.path(), extra);
		const std::vector<std::string> after = answers(restored, invoice);
		for (std::size_t i = 0; i < before.size(); ++i)
			CPPUNIT_ASSERT_EQUAL(before[i], after[i]);
		Tables afterTables = tables(restored.runtime().database());
		// A start writes the configured users again (updated_at): compare the rest.
		afterTables.erase("users");
		Tables expected = beforeTables;
		expected.erase("users");
		for (const auto& [name, rows]: expected)
			CPPUNIT_ASSERT_MESSAGE(name, afterTables.count(name) && rows == afterTables.at(name));
		CPPUNIT_ASSERT_EQUAL(expected.size(), afterTables.size());
	}

	void backupSqlite(TestHost& original, const std::string& restoredFolder)
	{
		// A writer holds an open transaction meanwhile: the backup neither
		// waits for it nor sees what it has not committed.
		const std::string file = original.folder() + "/erp.sqlite";
		sqlite3* writer = nullptr;
		CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_open(file.c_str(), &writer));
		CPPUNIT_ASSERT_EQUAL(SQLITE_OK, sqlite3_exec(writer, "BEGIN IMMEDIATE; CREATE TABLE not_committed (x INTEGER);",
													 nullptr, nullptr, nullptr));
		const std::string target = restoredFolder + "/erp.sqlite";
		const host::SqliteBackup::Result result = host::SqliteBackup::run(file, target);
		CPPUNIT_ASSERT(result.pages > 0);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(sqlite3_errmsg(writer), SQLITE_OK,
									 sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr));
		sqlite3_close(writer);
		CPPUNIT_ASSERT(!Poco::File(target + "-wal").exists());
	}

	void backupMariaDb(TestHost& original, const std::string& restoredFolder)
	{
		Poco::TemporaryFile work;
		work.createDirectories();
		std::string database;
		{
			Poco::FileInputStream in(original.folder() + "/mariadb-database");
			in >> database;
		}
		const auto config = [&](const std::string& name, const std::string& db) {
			Poco::FileOutputStream out(work.path() + "/" + name);
			out << "database.connector = mysql\ndatabase.connection = " << TestMariaDb::connection(db) << "\n";
			return work.path() + "/" + name;
		};
		const std::string dump = work.path() + "/erp.sql";
		int status = 0;
		std::string output = run(std::string(ERP_SOURCE_DIR) + "/scripts/backup-mariadb",
								 {config("a.properties", database), dump}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 0, status);
		// Into a new, empty database, named in the restored folder.
		const std::string fresh = TestHost::databaseFor(restoredFolder);
		std::string freshName;
		{
			Poco::FileInputStream in(restoredFolder + "/mariadb-database");
			in >> freshName;
		}
		output = run(std::string(ERP_SOURCE_DIR) + "/scripts/restore-mariadb",
					 {config("b.properties", freshName), dump}, status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 0, status);
		// Again into the same (now full) database: refused.
		output = run(std::string(ERP_SOURCE_DIR) + "/scripts/restore-mariadb",
					 {config("b.properties", freshName), dump}, status);
		CPPUNIT_ASSERT(status != 0);
		CPPUNIT_ASSERT_MESSAGE(output, output.find("restore into an empty database") != std::string::npos);
		(void)fresh;
	}

	void testRefusals()
	{
		if (TestHost::dialect() != "sqlite") return; // the scripts' refusals: testRoundTrip
		TestHost host(TestHost::remindersPluginsDirectory(), false);
		const std::string file = host.folder() + "/erp.sqlite";
		Poco::TemporaryFile target;
		{
			Poco::FileOutputStream out(target.path());
			out << "keep me";
		}
		CPPUNIT_ASSERT_THROW(host::SqliteBackup::run(file, target.path()), Poco::FileExistsException);
		Poco::FileInputStream in(target.path());
		std::string kept;
		std::getline(in, kept);
		CPPUNIT_ASSERT_EQUAL(std::string("keep me"), kept);
		CPPUNIT_ASSERT_THROW(host::SqliteBackup::run(host.folder() + "/missing.sqlite", host.folder() + "/copy"),
							 Poco::IOException);
		CPPUNIT_ASSERT(!Poco::File(host.folder() + "/copy").exists());
		CPPUNIT_ASSERT_THROW(host::SqliteBackup::run(file, host.folder() + "/no-such-folder/copy"), Poco::IOException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BackupRestoreTest, "ops");


} // namespace tests
