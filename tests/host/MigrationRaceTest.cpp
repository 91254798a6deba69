//
// MigrationRaceTest.cpp
//


#include "MigrationLock.h"
#include "Migrator.h"
#include "TestHost.h"
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <chrono>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>


using namespace Poco::Data::Keywords;
using tests::TestHost;


namespace {

// Holds every thread until the last one arrives, then lets them all go.
class StartLine
{
public:
	explicit StartLine(int count):
		_waiting(count)
	{}

	void arriveAndWait()
	{
		std::unique_lock<std::mutex> lock(_mutex);
		if (--_waiting == 0)
			_go.notify_all();
		else
			_go.wait(lock, [this] { return _waiting == 0; });
	}

private:
	std::mutex _mutex;
	std::condition_variable _go;
	int _waiting;
};

} // namespace


class MigrationRaceTest: public CppUnit::TestFixture
/// Several instances started at the same moment on one database: the
/// migrations run under a lock (GET_LOCK on MariaDB, an immediate
/// transaction on SQLite), so every instance comes up, with the same schema
/// and every plugin loaded, and every migration is applied exactly once.
{
	CPPUNIT_TEST_SUITE(MigrationRaceTest);
	CPPUNIT_TEST(testThreeHostsOnAnEmptyDatabase);
	CPPUNIT_TEST(testThreeHostsWhereOnlyPluginMigrationsAreNew);
	CPPUNIT_TEST(testThreeMigratorsOnOneFolder);
	CPPUNIT_TEST(testTheLockIsReleased);
	CPPUNIT_TEST(testOpeningWaitsForAWriterOnANewFile);
	CPPUNIT_TEST_SUITE_END();

public:
	void testThreeHostsOnAnEmptyDatabase()
	{
		Poco::TemporaryFile temporary;
		const std::string folder = temporary.path();
		Poco::File(folder).createDirectories();
		TestHost::databaseFor(folder); // the (empty) database, named before the race
		startTogether(folder, TestHost::remindersPluginsDirectory());
	}

	void testThreeHostsWhereOnlyPluginMigrationsAreNew()
	{
		Poco::TemporaryFile temporary;
		const std::string folder = temporary.path();
		Poco::File(folder).createDirectories();
		Poco::TemporaryFile noPlugins;
		Poco::File(noPlugins.path()).createDirectories();
		{
			// An earlier version of the installation: the host's schema, no plugin.
			TestHost earlier(noPlugins.path(), false, folder);
			CPPUNIT_ASSERT_EQUAL(0, count(earlier.runtime().database(), "reminders"));
		}
		startTogether(folder, TestHost::remindersPluginsDirectory());
	}

	void testThreeMigratorsOnOneFolder()
	{
		// Many small files: without the lock, three migrators reading "none
		// applied" at once would each try to create every table.
		Poco::TemporaryFile files;
		Poco::File(files.path()).createDirectories();
		for (int i = 1; i <= FILES; ++i)
		{
			Poco::FileOutputStream out(files.path() + "/" + std::to_string(1000 + i) + "_step.sql");
			out << "CREATE TABLE race_" << i << " (id INTEGER NOT NULL PRIMARY KEY);\n"
				<< "INSERT INTO race_" << i << " (id) VALUES (" << i << ");\n";
		}
		Poco::TemporaryFile temporary;
		Poco::File(temporary.path()).createDirectories();
		std::vector<std::unique_ptr<host::SqlDatabase>> databases;
		for (int i = 0; i < INSTANCES; ++i)
			databases.push_back(TestHost::openDatabase(temporary.path()));
		// Another component came first: schema_migrations exists, so that all
		// three read what was applied (nothing) at the same moment.
		host::Migrator(*databases[0])
			.apply("probe", std::string(ERP_SOURCE_DIR) + "/tests/plugins/sql/ok/" + TestHost::dialect());
		StartLine line(INSTANCES);
		std::mutex mutex;
		std::vector<std::string> failures;
		int applied = 0;
		std::vector<std::thread> threads;
		for (int i = 0; i < INSTANCES; ++i)
			threads.emplace_back([&, i] {
				line.arriveAndWait();
				try
				{
					const int ran = host::Migrator(*databases[i]).apply("race", files.path());
					std::lock_guard<std::mutex> lock(mutex);
					applied += ran;
				}
				catch (Poco::Exception& exc)
				{
					std::lock_guard<std::mutex> lock(mutex);
					failures.push_back(exc.displayText());
				}
			});
		for (std::thread& thread: threads)
			thread.join();
		CPPUNIT_ASSERT_MESSAGE(failures.empty() ? "" : failures.front(), failures.empty());
		CPPUNIT_ASSERT_EQUAL(FILES, applied); // each file once, by whichever got there first
		CPPUNIT_ASSERT_EQUAL(FILES, count(*databases[0], "race"));
		Poco::Data::Session session = databases[0]->session();
		for (int i = 1; i <= FILES; ++i)
		{
			int rows = 0;
			session << "SELECT COUNT(*) FROM race_" + std::to_string(i), into(rows), now;
			CPPUNIT_ASSERT_EQUAL(1, rows);
		}
	}

	void testTheLockIsReleased()
	{
		// After a run, failed or not, another instance migrates at once: the
		// lock is not left behind on a pooled connection.
		Poco::TemporaryFile temporary;
		Poco::File(temporary.path()).createDirectories();
		std::unique_ptr<host::SqlDatabase> first = TestHost::openDatabase(temporary.path(), 1);
		std::unique_ptr<host::SqlDatabase> second = TestHost::openDatabase(temporary.path(), 1);
		const std::string failing = std::string(ERP_SOURCE_DIR) + "/tests/plugins/sql/failing/" + TestHost::dialect();
		CPPUNIT_ASSERT_THROW(host::Migrator(*first).apply("failing", failing), host::MigrationException);
		const std::string ok = std::string(ERP_SOURCE_DIR) + "/tests/plugins/sql/ok/" + TestHost::dialect();
		CPPUNIT_ASSERT(host::Migrator(*second).apply("ok", ok) > 0);
		if (TestHost::dialect() == "mysql")
		{
			// Nobody holds it: the first instance's (pooled) connection let it go.
			Poco::Data::Session session = first->session();
			Poco::Int64 holder = -1;
			session << "SELECT COALESCE(IS_USED_LOCK(" + host::MigrationLock::nameExpression() + "), 0)", into(holder),
				now;
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), holder);
		}
	}

	void testOpeningWaitsForAWriterOnANewFile()
	{
		// SQLite: turning a new file to WAL needs the file to itself, and
		// SQLite answers "database is locked" at once there, without its
		// busy timeout. A host opening the file while another one writes to
		// it (its first migration) waits for it instead of failing to start.
		if (TestHost::dialect() != "sqlite") return;
		Poco::TemporaryFile temporary;
		Poco::File(temporary.path()).createDirectories();
		const std::string file = temporary.path() + "/erp.sqlite";
		Poco::Data::SQLite::Connector::registerConnector();
		Poco::Data::Session writer("SQLite", file);
		writer << "BEGIN IMMEDIATE", now;
		writer << "CREATE TABLE first_write (id INTEGER)", now;
		// The writer lets go a while after the opener has found the file locked.
		std::thread releaser([&] {
			std::this_thread::sleep_for(std::chrono::milliseconds(300));
			writer << "COMMIT", now;
		});
		std::string failure;
		std::unique_ptr<host::SqlDatabase> opened;
		try
		{
			opened = std::make_unique<host::SqlDatabase>("sqlite", file, 1);
		}
		catch (Poco::Exception& exc)
		{
			failure = exc.displayText();
		}
		releaser.join();
		CPPUNIT_ASSERT_MESSAGE(failure, failure.empty());
		Poco::Data::Session session = opened->session();
		std::string mode;
		session << "PRAGMA journal_mode", into(mode), now;
		CPPUNIT_ASSERT_EQUAL(std::string("wal"), mode);
	}

private:
	static constexpr int INSTANCES = 3;
	static constexpr int FILES = 30;

	// Starts three hosts on `folder` at the same moment and checks that each
	// came up with every plugin of `plugins` running and every migration
	// recorded once.
	static void startTogether(const std::string& folder, const std::string& plugins)
	{
		StartLine line(INSTANCES);
		std::mutex mutex;
		std::vector<std::string> failures;
		std::vector<std::unique_ptr<TestHost>> hosts(INSTANCES);
		std::vector<std::thread> threads;
		for (int i = 0; i < INSTANCES; ++i)
			threads.emplace_back([&, i] {
				line.arriveAndWait();
				try
				{
					hosts[i] = std::make_unique<TestHost>(plugins, false, folder);
				}
				catch (Poco::Exception& exc)
				{
					std::lock_guard<std::mutex> lock(mutex);
					failures.push_back("instance " + std::to_string(i) + ": " + exc.displayText());
				}
				catch (std::exception& exc)
				{
					std::lock_guard<std::mutex> lock(mutex);
					failures.push_back("instance " + std::to_string(i) + ": " + exc.what());
				}
			});
		for (std::thread& thread: threads)
			thread.join();
		CPPUNIT_ASSERT_MESSAGE(failures.empty() ? "" : failures.front(), failures.empty());
		for (const auto& host: hosts)
		{
			const auto status = host->runtime().plugins().status();
			CPPUNIT_ASSERT_EQUAL(std::size_t(1), status.size());
			CPPUNIT_ASSERT_MESSAGE(status.front().id + " refused: " + status.front().reason, status.front().running);
			// The plugin is whole: its weekly task and its routes are there.
			bool weekly = false;
			for (const auto& task: host->runtime().scheduler().tasks())
				weekly = weekly || task.name == "reminders.weekly";
			CPPUNIT_ASSERT(weekly);
		}
		erp::Database& database = hosts.front()->runtime().database();
		CPPUNIT_ASSERT_EQUAL(migrationFiles("/host/server/sql/" + TestHost::dialect()), count(database, "host"));
		CPPUNIT_ASSERT_EQUAL(migrationFiles("/sql/" + TestHost::dialect()), count(database, "reminders"));
		for (const char* table: {"customers", "invoices", "users", "reminder_settings", "reminder_runs"})
			CPPUNIT_ASSERT_MESSAGE(table, TestHost::tableExists(database, table));
	}

	static int migrationFiles(const std::string& folder)
	{
		int files = 0;
		for (Poco::DirectoryIterator it(std::string(ERP_SOURCE_DIR) + folder), end; it != end; ++it)
			files += it.name().size() > 4 && it.name().substr(it.name().size() - 4) == ".sql";
		return files;
	}

	static int count(erp::Database& database, const std::string& component)
	{
		Poco::Data::Session session = database.session();
		int n = 0;
		std::string c = component;
		session << "SELECT COUNT(*) FROM schema_migrations WHERE component = ?", use(c), into(n), now;
		return n;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MigrationRaceTest, "host");
