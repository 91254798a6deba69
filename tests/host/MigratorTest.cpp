//
// MigratorTest.cpp
//


#include "Migrator.h"
#include "SqlDatabase.h"
#include "TestHost.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>


using namespace Poco::Data::Keywords;


class MigratorTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(MigratorTest);
	CPPUNIT_TEST(testStatements);
	CPPUNIT_TEST(testIdempotentOnRestart);
	CPPUNIT_TEST(testFailingFileLeavesNoTrace);
	CPPUNIT_TEST(testBadFileName);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStatements()
	{
		const auto statements = host::Migrator::statements("-- a comment\nCREATE TABLE a (\n\tid INTEGER\n);\n\n"
														   "INSERT INTO a VALUES (1);\n  -- another\nSELECT 1");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), statements.size());
		CPPUNIT_ASSERT_EQUAL(std::string("CREATE TABLE a (\n\tid INTEGER\n)"), statements[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("INSERT INTO a VALUES (1)"), statements[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("SELECT 1"), statements[2]);
	}

	void testIdempotentOnRestart()
	{
		std::string folder;
		int migrationsAfterFirst = 0;
		Poco::TemporaryFile temporary;
		folder = temporary.path();
		Poco::File(folder).createDirectories();
		{
			tests::TestHost first(tests::TestHost::remindersPluginsDirectory(), true, folder);
			migrationsAfterFirst = count(first, "");
			CPPUNIT_ASSERT_EQUAL(migrationFiles("/host/server/sql/" + tests::TestHost::dialect()),
								 count(first, "host"));
			CPPUNIT_ASSERT_EQUAL(migrationFiles(), count(first, "reminders"));
			first.createCustomer("Survivor", "survivor@example.com");
		}
		tests::TestHost second(tests::TestHost::remindersPluginsDirectory(), true, folder);
		CPPUNIT_ASSERT_EQUAL(migrationsAfterFirst, count(second, ""));
		CPPUNIT_ASSERT_EQUAL(migrationFiles(), count(second, "reminders"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), second.runtime().plugins().status().size());
		CPPUNIT_ASSERT(second.runtime().plugins().status().front().running);
		tests::Reply reply = second.call("GET", "/api/customers/1");
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("Survivor"), reply.object()->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(0, host::Migrator(second.runtime().database())
									.apply("reminders", tests::TestHost::remindersPluginsDirectory() +
															"/reminders/sql/" + tests::TestHost::dialect()));
	}

	void testFailingFileLeavesNoTrace()
	{
		Poco::TemporaryFile temporary;
		Poco::File(temporary.path()).createDirectories();
		std::unique_ptr<host::SqlDatabase> opened = tests::TestHost::openDatabase(temporary.path());
		host::SqlDatabase& database = *opened;
		host::Migrator migrator(database);
		const std::string dir =
			std::string(ERP_SOURCE_DIR) + "/tests/plugins/sql/failing/" + tests::TestHost::dialect();
		CPPUNIT_ASSERT_THROW(migrator.apply("failing", dir), host::MigrationException);
		CPPUNIT_ASSERT(migrator.applied("failing") == std::vector<int>{1});
		CPPUNIT_ASSERT(tableExists(database, "failing_first"));
		CPPUNIT_ASSERT(!tableExists(database, "failing_second"));
		// A retry fails the same way and still changes nothing.
		CPPUNIT_ASSERT_THROW(migrator.apply("failing", dir), host::MigrationException);
		CPPUNIT_ASSERT(migrator.applied("failing") == std::vector<int>{1});
	}

	void testBadFileName()
	{
		Poco::TemporaryFile temporary;
		const std::string dir = temporary.path();
		Poco::File(dir).createDirectories();
		{
			Poco::FileOutputStream out(dir + "/first.sql");
			out << "CREATE TABLE x (id INTEGER);\n";
		}
		std::unique_ptr<host::SqlDatabase> opened = tests::TestHost::openDatabase(dir);
		host::SqlDatabase& database = *opened;
		CPPUNIT_ASSERT_THROW(host::Migrator(database).apply("bad", dir), host::MigrationException);
		CPPUNIT_ASSERT(!tableExists(database, "x"));
	}

private:
	static int migrationFiles(const std::string& folder = "/sql/" + tests::TestHost::dialect())
	{
		int files = 0;
		for (Poco::DirectoryIterator it(std::string(ERP_SOURCE_DIR) + folder), end; it != end; ++it)
			files += it.name().size() > 4 && it.name().substr(it.name().size() - 4) == ".sql";
		return files;
	}

	static int count(tests::TestHost& host, const std::string& component)
	{
		Poco::Data::Session session = host.runtime().database().session();
		int n = 0;
		std::string c = component;
		session << "SELECT COUNT(*) FROM schema_migrations WHERE ? = '' OR component = ?", use(c), use(c), into(n), now;
		return n;
	}

	static bool tableExists(erp::Database& database, const std::string& table)
	{
		return tests::TestHost::tableExists(database, table);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MigratorTest, "host");
