//
// TaskSchedulerTest.cpp
//


#include "TaskScheduler.h"
#include "HostClock.h"
#include <Poco/Exception.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <mutex>
#include <thread>


class TaskSchedulerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(TaskSchedulerTest);
	CPPUNIT_TEST(testRunsWhenDue);
	CPPUNIT_TEST(testRunNowUsesTodayAndFlags);
	CPPUNIT_TEST(testUnknownTask);
	CPPUNIT_TEST(testThrowingTaskFails);
	CPPUNIT_TEST(testDuplicateName);
	CPPUNIT_TEST(testUnregisterAllByOwner);
	CPPUNIT_TEST(testNotScheduled);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRunsWhenDue()
	{
		host::HostClock clock("Europe/Athens");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		std::mutex mutex;
		std::condition_variable ran;
		int runs = 0;
		std::string actor;
		bool first = true;
		scheduler.registerTask(
			"owner", "owner.soon",
			[&](const Poco::Timestamp& now) -> std::optional<Poco::Timestamp> {
				// Due 50 ms from now the first time, then never again.
				if (!first) return std::nullopt;
				first = false;
				return now + 50 * 1000;
			},
			[&](const erp::TaskRun& run) {
				std::lock_guard<std::mutex> lock(mutex);
				++runs;
				actor = run.actor;
				ran.notify_all();
				return erp::TaskResult{true, "done"};
			});
		scheduler.start();
		{
			std::unique_lock<std::mutex> lock(mutex);
			// A generous bound: this checks that it runs, not how fast.
			ran.wait_for(lock, std::chrono::seconds(10), [&] { return runs > 0; });
		}
		scheduler.stop();
		CPPUNIT_ASSERT_EQUAL(1, runs);
		CPPUNIT_ASSERT_EQUAL(std::string("scheduler"), actor);
		CPPUNIT_ASSERT(!scheduler.tasks().front().nextRun.has_value());
		CPPUNIT_ASSERT_EQUAL(std::string("done"), scheduler.tasks().front().lastSummary);
	}

	void testRunNowUsesTodayAndFlags()
	{
		host::HostClock clock("Europe/Athens", "2026-03-30");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		erp::TaskRun seen;
		scheduler.registerTask("o", "o.task", nullptr, [&](const erp::TaskRun& run) {
			seen = run;
			return erp::TaskResult{true, "ok"};
		});
		erp::TaskRun request;
		request.onDemand = true;
		request.force = true;
		request.actor = "cli";
		CPPUNIT_ASSERT(scheduler.runNow("o.task", request).ok);
		CPPUNIT_ASSERT_EQUAL(std::string("2026-03-30"), seen.today);
		CPPUNIT_ASSERT_EQUAL(std::string("o.task"), seen.task);
		CPPUNIT_ASSERT(seen.onDemand && seen.force);
		request.today = "2026-04-06";
		scheduler.runNow("o.task", request);
		CPPUNIT_ASSERT_EQUAL(std::string("2026-04-06"), seen.today);
	}

	void testUnknownTask()
	{
		host::HostClock clock("UTC");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		CPPUNIT_ASSERT_THROW(scheduler.runNow("nope", erp::TaskRun()), Poco::NotFoundException);
	}

	void testThrowingTaskFails()
	{
		host::HostClock clock("UTC");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		scheduler.registerTask("o", "o.boom", nullptr,
							   [](const erp::TaskRun&) -> erp::TaskResult { throw std::runtime_error("kaboom"); });
		const erp::TaskResult result = scheduler.runNow("o.boom", erp::TaskRun());
		CPPUNIT_ASSERT(!result.ok);
		CPPUNIT_ASSERT_EQUAL(std::string("kaboom"), result.summary);
		CPPUNIT_ASSERT(!scheduler.tasks().front().running);
	}

	void testDuplicateName()
	{
		host::HostClock clock("UTC");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		auto body = [](const erp::TaskRun&) { return erp::TaskResult(); };
		scheduler.registerTask("a", "a.x", nullptr, body);
		CPPUNIT_ASSERT_THROW(scheduler.registerTask("b", "a.x", nullptr, body), Poco::ExistsException);
	}

	void testUnregisterAllByOwner()
	{
		host::HostClock clock("UTC");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		auto body = [](const erp::TaskRun&) { return erp::TaskResult(); };
		scheduler.registerTask("a", "a.one", nullptr, body);
		scheduler.registerTask("a", "a.two", nullptr, body);
		scheduler.registerTask("b", "b.one", nullptr, body);
		scheduler.unregisterTask("b", "a.one"); // not b's: ignored
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), scheduler.tasks().size());
		CPPUNIT_ASSERT_EQUAL(2, scheduler.unregisterAll("a"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), scheduler.tasks().size());
		CPPUNIT_ASSERT_EQUAL(std::string("b.one"), scheduler.tasks().front().name);
	}

	void testNotScheduled()
	{
		host::HostClock clock("UTC");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		std::atomic<int> runs{0};
		scheduler.registerTask(
			"o", "o.never", [](const Poco::Timestamp&) { return std::optional<Poco::Timestamp>(); },
			[&](const erp::TaskRun&) {
				++runs;
				return erp::TaskResult();
			});
		scheduler.registerTask(
			"o", "o.broken",
			[](const Poco::Timestamp&) -> std::optional<Poco::Timestamp> { throw std::runtime_error("bad zone"); },
			[&](const erp::TaskRun&) {
				++runs;
				return erp::TaskResult();
			});
		scheduler.start();
		std::this_thread::sleep_for(std::chrono::milliseconds(100));
		scheduler.stop();
		CPPUNIT_ASSERT_EQUAL(0, runs.load());
		for (const auto& task: scheduler.tasks())
			CPPUNIT_ASSERT(!task.nextRun.has_value());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TaskSchedulerTest, "host");
