//
// DatabaseRestartTest.cpp
//


#include "TestHost.h"
#include "TestMariaDb.h"
#include <Poco/Environment.h>
#include <Poco/Process.h>
#include <cppunit/extensions/HelperMacros.h>
#include <optional>
#include <vector>


using tests::Reply;
using tests::TestHost;


class DatabaseRestartTest: public CppUnit::TestFixture
/// The MariaDB server restarted, or down for a while, under a serving host
/// (scripts/mariadb-test-server pause, resume, restart on the server the
/// ctest fixture started for this suite alone): the pooled sessions that
/// died with it are replaced before use, so the first request after the
/// server is back succeeds, and the weekly task is neither dropped nor
/// spun while the database is away. MariaDB only (ERP_TEST_MARIADB); on
/// SQLite there is no server to restart and the tests pass at once.
{
	CPPUNIT_TEST_SUITE(DatabaseRestartTest);
	CPPUNIT_TEST(testRequestsSucceedAtOnceAfterARestart);
	CPPUNIT_TEST(testTheWeeklyTaskSurvivesAnOutage);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRequestsSucceedAtOnceAfterARestart()
	{
		if (!tests::TestMariaDb::enabled()) return;
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", {{"database.pool.max", "8"}});
		const Poco::Int64 customer = host.createCustomer("Before the restart", "before@example.com");
		fillPool(host);

		server("restart");

		// Every request, the first one included, finds a live session.
		for (int i = 0; i < 12; ++i)
		{
			Reply reply = host.call("GET", "/api/customers/" + std::to_string(customer));
			CPPUNIT_ASSERT_EQUAL_MESSAGE("request " + std::to_string(i + 1) + ": " + reply.body, 200, reply.status);
		}
		CPPUNIT_ASSERT(host.createCustomer("After the restart", "after@example.com") > customer);
	}

	void testTheWeeklyTaskSurvivesAnOutage()
	{
		if (!tests::TestMariaDb::enabled()) return;
		TestHost host(TestHost::remindersPluginsDirectory());
		host::HostClock& clock = host.runtime().services().clock;
		host::TaskScheduler& scheduler = host.runtime().scheduler();
		// Switched on the Sunday before: Monday 30 November 2026 at 09:00 in
		// Athens is the week's moment.
		clock.pin(SUNDAY_NOON);
		Reply on = host.call("PUT", "/api/plugins/reminders/settings",
							 R"({"enabled": true, "from_address": "billing@example.com"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
		// Armed: it looks again by that moment at the latest.
		CPPUNIT_ASSERT(weekly(scheduler).nextRun.has_value());
		CPPUNIT_ASSERT(*weekly(scheduler).nextRun <= MONDAY_9);
		fillPool(host);

		server("pause");
		clock.pin(MONDAY_9 + 60 * SECOND);
		// Due, and the database is away: the run fails, the task stays.
		scheduler.runDue();
		host::TaskScheduler::TaskInfo info = weekly(scheduler);
		CPPUNIT_ASSERT_EQUAL(1UL, info.starts);
		CPPUNIT_ASSERT(!info.lastOk);
		CPPUNIT_ASSERT(info.nextRun.has_value());
		CPPUNIT_ASSERT(*info.nextRun > clock.now());
		// A request meanwhile fails cleanly; the host keeps serving.
		Reply down = host.call("GET", "/api/customers");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(down.body, 500, down.status);
		// Not started again before its pause is over.
		scheduler.runDue();
		CPPUNIT_ASSERT_EQUAL(1UL, weekly(scheduler).starts);

		server("resume");
		Reply up = host.call("GET", "/api/customers");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(up.body, 200, up.status);
		// At the end of its pause the task runs the week, and is scheduled
		// for later.
		clock.pin(*info.nextRun);
		scheduler.runDue();
		info = weekly(scheduler);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(info.lastSummary, 2UL, info.starts);
		CPPUNIT_ASSERT_MESSAGE(info.lastSummary, info.lastOk);
		CPPUNIT_ASSERT(info.nextRun.has_value());
		CPPUNIT_ASSERT(*info.nextRun > clock.now());
		Reply runs = host.call("GET", "/api/plugins/reminders/runs");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(runs.body, 200, runs.status);
		CPPUNIT_ASSERT(runs.body.find("2026-W49") != std::string::npos);
	}

	void tearDown() override
	{
		// Whatever happened, the server answers again for the next test.
		if (tests::TestMariaDb::enabled() && _paused) server("resume");
	}

private:
	static constexpr Poco::Timestamp::TimeDiff SECOND = 1000 * 1000;
	// Monday 30 November 2026 (ISO week 2026-W49), 09:00 in Athens (07:00 UTC).
	const Poco::Timestamp MONDAY_9 = Poco::Timestamp::fromEpochTime(1796022000);
	const Poco::Timestamp SUNDAY_NOON = MONDAY_9 - 21 * 3600 * SECOND;

	bool _paused = false;

	// Several sessions idle in the pool, as after a busy moment.
	static void fillPool(TestHost& host)
	{
		std::vector<Poco::Data::Session> held;
		for (int i = 0; i < 6; ++i)
		{
			held.push_back(host.runtime().database().session());
			held.back() << "SELECT 1", Poco::Data::Keywords::now;
		}
	}

	void server(const std::string& action)
	{
		const std::string script = std::string(ERP_SOURCE_DIR) + "/scripts/mariadb-test-server";
		Poco::ProcessHandle process =
			Poco::Process::launch(script, {action, Poco::Environment::get("ERP_TEST_MARIADB")});
		CPPUNIT_ASSERT_EQUAL_MESSAGE("mariadb-test-server " + action, 0, process.wait());
		_paused = action == "pause";
	}

	static host::TaskScheduler::TaskInfo weekly(host::TaskScheduler& scheduler)
	{
		for (const host::TaskScheduler::TaskInfo& task: scheduler.tasks())
			if (task.name == "reminders.weekly") return task;
		CPPUNIT_FAIL("the weekly task is gone");
		return {};
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DatabaseRestartTest, "restart");
