//
// TaskUnregisterTest.cpp
//
// Unregistering a task (a plugin disabled through PUT /api/plugins/{id},
// or stopped) while the timer thread keeps starting it.
//


#include "HostClock.h"
#include "TaskScheduler.h"
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <mutex>
#include <thread>


class TaskUnregisterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(TaskUnregisterTest);
	CPPUNIT_TEST(testUnregisterWhileTheTaskIsDueAgainAtOnce);
	CPPUNIT_TEST_SUITE_END();

public:
	void testUnregisterWhileTheTaskIsDueAgainAtOnce()
	{
		host::HostClock clock("Europe/Athens");
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		std::atomic<int> calls(0);
		std::atomic<bool> unregistered(false);
		std::atomic<int> callsAfterUnregister(0);
		std::mutex mutex;
		std::condition_variable changed;
		scheduler.registerTask(
			"owner", "owner.busy", [](const Poco::Timestamp& now) -> std::optional<Poco::Timestamp> { return now; },
			[&](const erp::TaskRun&) {
				if (unregistered) ++callsAfterUnregister;
				++calls;
				changed.notify_all();
				return erp::TaskResult{true, "again"};
			});
		scheduler.start();
		bool returned = false;
		std::thread remover([&] {
			{
				std::unique_lock<std::mutex> lock(mutex);
				changed.wait(lock, [&] { return calls > 0; });
			}
			scheduler.unregisterTask("owner", "owner.busy");
			unregistered = true;
			std::lock_guard<std::mutex> lock(mutex);
			returned = true;
			changed.notify_all();
		});
		{
			std::unique_lock<std::mutex> lock(mutex);
			// A generous bound: this checks that unregisterTask returns at all.
			changed.wait_for(lock, std::chrono::seconds(20), [&] { return returned; });
		}
		const bool returnedInTime = returned;
		scheduler.stop(); // frees a remover still waiting, so that the test ends either way
		remover.join();
		CPPUNIT_ASSERT_MESSAGE("unregisterTask never returned", returnedInTime);
		CPPUNIT_ASSERT(scheduler.tasks().empty());
		CPPUNIT_ASSERT_EQUAL(0, callsAfterUnregister.load());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TaskUnregisterTest, "host");
