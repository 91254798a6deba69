//
// TaskSchedulerTest.cpp
//


#include "TaskScheduler.h"
#include "CountingChannel.h"
#include "HostClock.h"
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Data/DataException.h>
#include <Poco/Exception.h>
#include <Poco/Message.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <mutex>
#include <thread>
#include <vector>


namespace {

using tests::CountingChannel;

const Poco::Timestamp::TimeDiff SECOND = Poco::Timestamp::resolution();

// Drives the scheduler's timer with a clock moved by hand for `span`: each
// pass runs what is due and the clock jumps to the next due moment; a
// scheduler that answers "due now" again only moves the clock by a
// millisecond, so a spin shows up as a huge count, not as a hang.
void simulate(host::TaskScheduler& scheduler, host::HostClock& clock, Poco::Timestamp::TimeDiff span)
{
	const Poco::Timestamp end = clock.now() + span;
	for (int passes = 0; clock.now() < end && passes < 1000000; ++passes)
	{
		const std::optional<Poco::Timestamp> next = scheduler.runDue();
		Poco::Timestamp to = clock.now() + 60 * SECOND;
		if (next) to = *next > clock.now() ? *next : clock.now() + 1000;
		clock.pin(std::min(to, end));
	}
}

// The logger `name`, its lines counted by `channel`, informational ones included.
Poco::Logger& countedLogger(const std::string& name, const Poco::AutoPtr<CountingChannel>& channel)
{
	Poco::Logger& logger = Poco::Logger::get(name);
	logger.setChannel(channel);
	logger.setLevel(Poco::Message::PRIO_INFORMATION);
	return logger;
}

} // namespace


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
	CPPUNIT_TEST(testATaskThatAlwaysSaysNowCannotSpin);
	CPPUNIT_TEST(testBrokenNextRunIsAskedAgainWithBackoff);
	CPPUNIT_TEST(testRescheduleTakesEffectAtOnce);
	CPPUNIT_TEST(testATaskThatThrowsIsRetriedWithBackoff);
	CPPUNIT_TEST(testWorkWrittenByAnotherProcessIsNoticedWithinAMinute);
	CPPUNIT_TEST(testADueTaskRunsThoughItsNextAskWouldFail);
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
		// The operator's progress function reaches the task (ABI 1.3).
		CPPUNIT_ASSERT(!seen.progress);
		std::vector<std::string> heard;
		request.progress = [&heard](const erp::TaskProgress& progress) { heard.push_back(progress.text); };
		scheduler.runNow("o.task", request);
		CPPUNIT_ASSERT(seen.progress);
		seen.progress({"run 1", 1, 2, "1 of 2"});
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), heard.size());
		CPPUNIT_ASSERT_EQUAL(std::string("1 of 2"), heard.front());
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
			// The broken one is not dropped: its next run is asked again later.
			CPPUNIT_ASSERT_EQUAL(task.name == "o.broken", task.nextRun.has_value());
	}

	void testATaskThatAlwaysSaysNowCannotSpin()
	{
		host::HostClock clock("UTC");
		clock.pin(Poco::Timestamp::fromEpochTime(1796018400));
		Poco::AutoPtr<CountingChannel> channel(new CountingChannel);
		Poco::Logger& logger = countedLogger("test.spin", channel);
		host::TaskScheduler scheduler(clock, logger);
		int asked = 0;
		scheduler.registerTask(
			"o", "o.eager",
			[&](const Poco::Timestamp& now) -> std::optional<Poco::Timestamp> {
				++asked;
				return now; // "now", whatever happened
			},
			[](const erp::TaskRun&) {
				return erp::TaskResult{true, "declined: not yet"};
			});
		simulate(scheduler, clock, 600 * SECOND);
		// Ten minutes: at most one start a second, one line per start.
		const unsigned long starts = scheduler.tasks().front().starts;
		CPPUNIT_ASSERT_MESSAGE(std::to_string(starts), starts >= 590 && starts <= 601);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(channel->lines), channel->lines >= 590 && channel->lines <= 601);
		CPPUNIT_ASSERT(asked <= 602);
	}

	void testBrokenNextRunIsAskedAgainWithBackoff()
	{
		host::HostClock clock("UTC");
		const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1796018400);
		clock.pin(start);
		Poco::AutoPtr<CountingChannel> channel(new CountingChannel);
		Poco::Logger& logger = countedLogger("test.backoff", channel);
		host::TaskScheduler scheduler(clock, logger);
		std::vector<Poco::Timestamp::TimeDiff> askedAt;
		bool databaseDown = true;
		int runs = 0;
		scheduler.registerTask(
			"o", "o.db",
			[&](const Poco::Timestamp& now) -> std::optional<Poco::Timestamp> {
				askedAt.push_back((now - start) / SECOND);
				if (databaseDown) throw std::runtime_error("database is locked");
				return now + 3600 * SECOND;
			},
			[&](const erp::TaskRun&) {
				++runs;
				return erp::TaskResult{true, "ran"};
			});
		simulate(scheduler, clock, 600 * SECOND);
		// Asked at registration, then after 5, 10, 20, 40, 80, 160 and 300 s.
		const std::vector<Poco::Timestamp::TimeDiff> expected{0, 5, 15, 35, 75, 155, 315};
		CPPUNIT_ASSERT(askedAt == expected);
		CPPUNIT_ASSERT_EQUAL(7, channel->lines.load()); // one line per pause
		CPPUNIT_ASSERT_EQUAL(0, runs);
		// The database comes back: the task is scheduled again, not dropped,
		// and (quietly) asked again once a minute from then on.
		databaseDown = false;
		simulate(scheduler, clock, 300 * SECOND);
		CPPUNIT_ASSERT(scheduler.tasks().front().nextRun.has_value());
		const std::vector<Poco::Timestamp::TimeDiff> later{0, 5, 15, 35, 75, 155, 315, 615, 675, 735, 795, 855};
		CPPUNIT_ASSERT(askedAt == later);
		CPPUNIT_ASSERT_EQUAL(8, channel->lines.load()); // and "known again", once
	}

	void testRescheduleTakesEffectAtOnce()
	{
		host::HostClock clock("UTC");
		const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1796018400);
		clock.pin(start);
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test"));
		Poco::Timestamp::TimeDiff in = 3600 * SECOND;
		scheduler.registerTask(
			"o", "o.weekly", [&](const Poco::Timestamp& now) { return std::optional<Poco::Timestamp>(now + in); },
			[](const erp::TaskRun&) { return erp::TaskResult(); });
		CPPUNIT_ASSERT(*scheduler.tasks().front().nextRun == start + 3600 * SECOND);
		in = 60 * SECOND;                                 // the settings changed
		scheduler.reschedule("someone-else", "o.weekly"); // not its owner: ignored
		CPPUNIT_ASSERT(*scheduler.tasks().front().nextRun == start + 3600 * SECOND);
		scheduler.reschedule("o", "o.weekly");
		CPPUNIT_ASSERT(*scheduler.tasks().front().nextRun == start + 60 * SECOND);
	}

	void testATaskThatThrowsIsRetriedWithBackoff()
	{
		// The weekly task meets a database that went away: its body throws
		// while its NextRun still says "now" (the week is not done). The task
		// stays scheduled and is tried again after 5, 10, 20 ... s, not every
		// second; once the database is back it runs and the pauses start over.
		host::HostClock clock("UTC");
		const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1796018400);
		clock.pin(start);
		Poco::AutoPtr<CountingChannel> channel(new CountingChannel);
		Poco::Logger& logger = countedLogger("test.throwing", channel);
		host::TaskScheduler scheduler(clock, logger);
		bool databaseDown = true;
		bool weekDone = false;
		Poco::Timestamp doneAt;
		std::vector<Poco::Timestamp::TimeDiff> startedAt;
		scheduler.registerTask(
			"o", "o.weekly",
			[&](const Poco::Timestamp& now) -> std::optional<Poco::Timestamp> {
				// Next week's moment, as the weekly task answers: fixed, however
				// often it is asked (the timer asks again once a minute).
				return weekDone ? doneAt + 7 * 24 * 3600 * SECOND : now;
			},
			[&](const erp::TaskRun&) -> erp::TaskResult {
				startedAt.push_back((clock.now() - start) / SECOND);
				if (databaseDown) throw Poco::Data::DataException("MySQL server has gone away (2006)");
				weekDone = true;
				doneAt = clock.now();
				return erp::TaskResult{true, "sent"};
			});
		simulate(scheduler, clock, 600 * SECOND);
		const std::vector<Poco::Timestamp::TimeDiff> expected{0, 5, 15, 35, 75, 155, 315};
		CPPUNIT_ASSERT_MESSAGE(std::to_string(startedAt.size()) + " starts", startedAt == expected);
		CPPUNIT_ASSERT_EQUAL(7, channel->lines.load()); // one line per failed start
		host::TaskScheduler::TaskInfo info = scheduler.tasks().front();
		CPPUNIT_ASSERT(!info.lastOk);
		// Still scheduled: the next attempt 300 s (the longest pause) after the last.
		CPPUNIT_ASSERT(info.nextRun.has_value());
		CPPUNIT_ASSERT(*info.nextRun == start + 615 * SECOND);

		databaseDown = false;
		simulate(scheduler, clock, 300 * SECOND);
		CPPUNIT_ASSERT_EQUAL(std::size_t(8), startedAt.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Timestamp::TimeDiff(615), startedAt.back());
		info = scheduler.tasks().front();
		CPPUNIT_ASSERT(info.lastOk);
		CPPUNIT_ASSERT(*info.nextRun == start + (615 + 7 * 24 * 3600) * SECOND);

		// A later failure starts again from the first pause.
		weekDone = false;
		databaseDown = true;
		scheduler.reschedule("o", "o.weekly");
		simulate(scheduler, clock, 6 * SECOND);
		CPPUNIT_ASSERT_EQUAL(std::size_t(10), startedAt.size());
		CPPUNIT_ASSERT_EQUAL(startedAt[8] + 5, startedAt[9]);
	}

	void testWorkWrittenByAnotherProcessIsNoticedWithinAMinute()
	{
		// The serving host's weekly task answered "in an hour" (nothing to do
		// before then). A command line run, another process against the same
		// database, then leaves a retry due in ten minutes. Nobody calls
		// reschedule() in this process: the timer must still notice within
		// ASK_AGAIN, and run the task near the retry's time, not an hour on.
		host::HostClock clock("UTC");
		const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1796018400);
		clock.pin(start);
		Poco::AutoPtr<CountingChannel> channel(new CountingChannel);
		Poco::Logger& logger = countedLogger("test.another", channel);
		host::TaskScheduler scheduler(clock, logger);
		std::optional<Poco::Timestamp> retryAt; // the database's earliest retry
		std::vector<Poco::Timestamp::TimeDiff> startedAt;
		scheduler.registerTask(
			"o", "o.weekly",
			[&](const Poco::Timestamp& now) -> std::optional<Poco::Timestamp> {
				if (retryAt) return std::max(*retryAt, now);
				return now + 3600 * SECOND;
			},
			[&](const erp::TaskRun&) -> erp::TaskResult {
				startedAt.push_back((clock.now() - start) / SECOND);
				retryAt.reset();
				return erp::TaskResult{true, "retried"};
			});
		simulate(scheduler, clock, 30 * SECOND);
		retryAt = start + 630 * SECOND; // written by the other process at 0:30
		simulate(scheduler, clock, 60 * SECOND);
		// Noticed at the next ask, at most a minute after the last one.
		CPPUNIT_ASSERT(*scheduler.tasks().front().nextRun == start + 630 * SECOND);
		simulate(scheduler, clock, 600 * SECOND);
		CPPUNIT_ASSERT(startedAt == std::vector<Poco::Timestamp::TimeDiff>{630});
		// An idle host does not spam its log: the asks are quiet, only the run says a line.
		CPPUNIT_ASSERT_EQUAL(1, channel->lines.load());
	}

	void testADueTaskRunsThoughItsNextAskWouldFail()
	{
		// Armed for the Monday an hour ahead; the host next wakes past that
		// moment (a suspended machine, a long outage) and the database is
		// away, so asking the task again would fail. The task is due: it
		// runs (and meets the outage itself) instead of losing its turn to
		// a failed ask.
		host::HostClock clock("UTC");
		const Poco::Timestamp start = Poco::Timestamp::fromEpochTime(1796018400);
		clock.pin(start);
		host::TaskScheduler scheduler(clock, Poco::Logger::get("test.due"));
		bool databaseAway = false;
		int runs = 0;
		scheduler.registerTask(
			"o", "o.weekly",
			[&](const Poco::Timestamp&) -> std::optional<Poco::Timestamp> {
				if (databaseAway) throw Poco::IOException("database away");
				return start + 3600 * SECOND;
			},
			[&](const erp::TaskRun&) -> erp::TaskResult {
				++runs;
				return erp::TaskResult{false, "database away"};
			});
		CPPUNIT_ASSERT(*scheduler.tasks().front().nextRun == start + 3600 * SECOND);
		databaseAway = true;
		clock.pin(start + 3660 * SECOND);
		scheduler.runDue();
		CPPUNIT_ASSERT_EQUAL(1, runs);
		CPPUNIT_ASSERT_EQUAL(1UL, scheduler.tasks().front().starts);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(TaskSchedulerTest, "host");
