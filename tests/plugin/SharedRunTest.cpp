//
// SharedRunTest.cpp
//
// Several instances share one week's run: two WeeklyRun objects over one
// database (two instances), interleaved by hand from inside a transport's
// send, on a clock moved by hand. No threads, no sleeps.
//


#include "TestHost.h"
#include "WeeklyRunFixture.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include "plugin/WeeklyRun.h"
#include "plugin/core/ReminderPlanner.h"
#include <algorithm>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <map>
#include <thread>


using namespace reminders;
using tests::Reply;
using tests::TestHost;
using namespace Poco::Data::Keywords;


namespace {

const Poco::Timestamp::TimeDiff SECOND = Poco::Timestamp::resolution();
const Poco::Timestamp::TimeDiff MINUTE = 60 * SECOND;
// Monday 30 November 2026 (ISO week 2026-W49), 10:00 in Athens: after the week's moment.
const Poco::Timestamp MONDAY_10 = Poco::Timestamp::fromEpochTime(1796018400 + 7200);
const Poco::Timestamp SUNDAY_NOON = MONDAY_10 - 22 * 60 * MINUTE;
const int LEASE_SECONDS = 300;

std::string at(const Poco::Timestamp& instant)
{
	return erp::Instant::format(instant);
}

struct Crash
/// Not a std::exception: nothing in the run catches it, as if the process died mid-send.
{};

// One instance's transport: records who sent what, then does what the test says.
class InstanceTransport: public Transport
{
public:
	using Script = std::function<Delivery(const ComposedMessage&)>;

	InstanceTransport(std::string instance, Script& script, std::vector<std::pair<std::string, std::string>>& log):
		_instance(std::move(instance)),
		_script(script),
		_log(log)
	{}

	Delivery send(const ComposedMessage& message) override
	{
		_log.emplace_back(_instance, message.to);
		return _script ? _script(message) : Delivery{Delivery::State::ACCEPTED, 250, "2.0.0 Ok"};
	}

	std::string describe() const override
	{
		return "instance " + _instance;
	}

private:
	std::string _instance;
	Script& _script;
	std::vector<std::pair<std::string, std::string>>& _log;
};

} // namespace


class SharedRunTest: public tests::WeeklyRunFixture
{
	CPPUNIT_TEST_SUITE(SharedRunTest);
	CPPUNIT_TEST(testTwoInstancesClaimDisjointBatches);
	CPPUNIT_TEST(testTheReportIsSentOnceByTheLastToFinish);
	CPPUNIT_TEST(testALostBatchLeaseStopsWrites);
	CPPUNIT_TEST(testACrashedHoldersBatchIsTakenOverAfterItsLease);
	CPPUNIT_TEST(testTheTimerHelpsARunAnotherInstancePlanned);
	CPPUNIT_TEST(testConcurrentClaimsSkipLockedRows);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		openHost({{"reminders.batch.size", "2"}, {"reminders.lease.seconds", std::to_string(LEASE_SECONDS)}},
				 SUNDAY_NOON);
		_one = instance("one", _scriptOne);
		_two = instance("two", _scriptTwo);
		switchOn("owner@example.com");
		for (int i = 1; i <= 6; ++i)
		{
			const std::string name = "c" + std::to_string(i);
			_host->createInvoice(_host->createCustomer(name, name + "@example.com"), "S-" + name, "50");
		}
		pin(MONDAY_10);
	}

	void tearDown() override
	{
		_one.reset();
		_two.reset();
		WeeklyRunFixture::tearDown();
	}

	void testTwoInstancesClaimDisjointBatches()
	{
		// One claims c1 and c2 (batches of 2), and c3 and c4 ahead while it
		// sends those; while c1 is with the server, two comes and helps: it
		// claims the rest, two by two.
		std::string twoSaid;
		_scriptOne = [&](const ComposedMessage& m) {
			if (m.to == "c1@example.com")
			{
				waitFor([&] { return count("SELECT COUNT(*) FROM reminder_batches") == 2; });
				twoSaid = execute(*_two).summary;
			}
			return accepted();
		};
		const erp::TaskResult result = execute(*_one);
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		CPPUNIT_ASSERT((sentBy("one") == std::vector<std::string>{"c1@example.com", "c2@example.com", "c3@example.com",
																  "c4@example.com", "owner@example.com"}));
		CPPUNIT_ASSERT((sentBy("two") == std::vector<std::string>{"c5@example.com", "c6@example.com"}));
		CPPUNIT_ASSERT_MESSAGE(twoSaid, twoSaid.find("other instances are still sending") != std::string::npos);
		everyoneOnce();
		// Three batches, all closed, disjoint: each message in exactly one.
		CPPUNIT_ASSERT_EQUAL(3, count("SELECT COUNT(*) FROM reminder_batches WHERE state = 'closed'"));
		CPPUNIT_ASSERT_EQUAL(0, count("SELECT COUNT(*) FROM reminder_batches WHERE state <> 'closed'"));
		CPPUNIT_ASSERT_EQUAL(3, count("SELECT COUNT(DISTINCT batch_id) FROM reminder_messages"));
		CPPUNIT_ASSERT_EQUAL(2, count("SELECT COUNT(DISTINCT lease_owner) FROM reminder_batches"));
		// One's batches are c1 and c2, c3 and c4; two's is c5 and c6, under another owner.
		CPPUNIT_ASSERT_EQUAL(2, count("SELECT COUNT(*) FROM reminder_messages WHERE batch_id = 1"));
		CPPUNIT_ASSERT_EQUAL(2, count("SELECT COUNT(*) FROM reminder_messages m JOIN reminder_batches b ON "
									  "b.id = m.batch_id WHERE b.lease_owner <> (SELECT lease_owner FROM "
									  "reminder_batches WHERE id = 1)"));
		auto run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), run->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(6, run->getObject("counts")->getValue<int>("accepted"));
	}

	void testTheReportIsSentOnceByTheLastToFinish()
	{
		// Two finishes its batches while one's is still open: two is not the
		// last, writes no report and ends nothing. One, finishing last,
		// ends the run and sends the one report.
		int reportsWhenTwoLeft = -1;
		std::string stateWhenTwoLeft;
		_scriptOne = [&](const ComposedMessage& m) {
			if (m.to == "c2@example.com")
			{
				execute(*_two);
				reportsWhenTwoLeft = count("SELECT COUNT(*) FROM reminder_reports");
				stateWhenTwoLeft = runState();
			}
			return accepted();
		};
		CPPUNIT_ASSERT(execute(*_one).ok);
		CPPUNIT_ASSERT_EQUAL(0, reportsWhenTwoLeft);
		CPPUNIT_ASSERT_EQUAL(std::string("running"), stateWhenTwoLeft);
		CPPUNIT_ASSERT_EQUAL(1, count("SELECT COUNT(*) FROM reminder_reports"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sentTo("owner@example.com"));
		CPPUNIT_ASSERT((sentBy("one").back() == "owner@example.com"));
		// Both come back (the timer, an operator): nothing more, no second report.
		_scriptOne = nullptr;
		const erp::TaskResult twoAgain = execute(*_two);
		const erp::TaskResult oneAgain = execute(*_one);
		CPPUNIT_ASSERT_MESSAGE(twoAgain.summary, twoAgain.summary.find("already has its run") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(oneAgain.summary, oneAgain.summary.find("already has its run") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sentTo("owner@example.com"));
		everyoneOnce();
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.report.accepted"));
	}

	void testALostBatchLeaseStopsWrites()
	{
		// One stalls while c1 is with the server, past its batch's lease; two
		// takes the batch over (c1, left "sending", becomes "unknown", never
		// re-sent; so does c2, whose row one made "sending" while c1 was on
		// the wire), and the batch one had claimed ahead, and sends the rest. One wakes up: its lease has ended, its
		// write of c1's outcome is refused by the fence, and it sends nothing
		// more.
		Poco::Timestamp stalled;
		_scriptOne = [&](const ComposedMessage& m) {
			if (m.to == "c1@example.com")
			{
				waitFor([&] { return stateOf("c2@example.com") == "sending"; });
				// One claims its next batch (c3 and c4) while this one sends;
				// that claim is made before the stall, so its lease ends too.
				waitFor([&] { return count("SELECT COUNT(*) FROM reminder_batches") == 2; });
				stalled = MONDAY_10 + LEASE_SECONDS * SECOND;
				pin(stalled); // the batch's lease has ended
				CPPUNIT_ASSERT_EQUAL(std::string("sending"), stateOf("c1@example.com"));
				execute(*_two);
			}
			return accepted();
		};
		const erp::TaskResult one = execute(*_one);
		CPPUNIT_ASSERT(!one.ok);
		CPPUNIT_ASSERT_MESSAGE(one.summary, one.summary.find("lost its lease") != std::string::npos);
		CPPUNIT_ASSERT((sentBy("one") == std::vector<std::string>{"c1@example.com"}));
		CPPUNIT_ASSERT((sentBy("two") == std::vector<std::string>{"c3@example.com", "c4@example.com", "c5@example.com",
																  "c6@example.com", "owner@example.com"}));
		// c1's row is what the new holder made it; one's "accepted" did not stick.
		CPPUNIT_ASSERT_EQUAL(std::string("unknown"), stateOf("c1@example.com"));
		CPPUNIT_ASSERT_EQUAL(std::string("unknown"), stateOf("c2@example.com"));
		CPPUNIT_ASSERT_EQUAL(2, count("SELECT lease_generation FROM reminder_batches WHERE id = 1"));
		everyoneOnce("c2@example.com");
		CPPUNIT_ASSERT_EQUAL(std::string("done"), runState());
		// The send itself is on record, marked as written after the lease was lost.
		CPPUNIT_ASSERT_EQUAL(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'reminders.message.accepted' "
									  "AND details LIKE '%lease_lost%'"));
	}

	void testACrashedHoldersBatchIsTakenOverAfterItsLease()
	{
		// One dies while c3 (its second batch) is with the server. Two helps
		// at once with what no batch holds, and takes the dead batch over
		// exactly when its lease ends: the lease after the last renewal.
		_scriptOne = [&](const ComposedMessage& m) -> Delivery {
			if (m.to == "c3@example.com") throw Crash();
			return accepted();
		};
		CPPUNIT_ASSERT_THROW(execute(*_one), Crash);
		CPPUNIT_ASSERT_EQUAL(std::string("sending"), stateOf("c3@example.com"));
		// c4's row was made durable "sending" while c3 was on the wire (the
		// sender's look-ahead): after a crash it may have gone out too.
		CPPUNIT_ASSERT_EQUAL(std::string("sending"), stateOf("c4@example.com"));

		const erp::TaskResult helped = timer(*_two);
		CPPUNIT_ASSERT_MESSAGE(helped.summary, helped.ok);
		CPPUNIT_ASSERT((sentBy("two") == std::vector<std::string>{"c5@example.com", "c6@example.com"}));
		// The dead batch's lease ends a lease after its claim: the timer looks then.
		const Poco::Timestamp leaseEnd = MONDAY_10 + LEASE_SECONDS * SECOND;
		CPPUNIT_ASSERT_EQUAL(at(leaseEnd), at(*_two->nextRun(MONDAY_10)));
		pin(leaseEnd - SECOND);
		CPPUNIT_ASSERT_EQUAL(at(leaseEnd), at(*_two->nextRun(leaseEnd - SECOND)));
		timer(*_two); // too early: declines, sends nothing
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), sentBy("two").size());

		pin(leaseEnd);
		CPPUNIT_ASSERT_EQUAL(at(leaseEnd), at(*_two->nextRun(leaseEnd)));
		const erp::TaskResult takeover = timer(*_two);
		CPPUNIT_ASSERT_MESSAGE(takeover.summary, takeover.ok);
		CPPUNIT_ASSERT_MESSAGE(takeover.summary, takeover.summary.find("1 batch(es) taken over") != std::string::npos);
		CPPUNIT_ASSERT(
			(sentBy("two") == std::vector<std::string>{"c5@example.com", "c6@example.com", "owner@example.com"}));
		CPPUNIT_ASSERT_EQUAL(std::string("unknown"), stateOf("c3@example.com")); // may have gone out: not re-sent
		CPPUNIT_ASSERT_EQUAL(std::string("unknown"), stateOf("c4@example.com"));
		everyoneOnce("c4@example.com");
		auto run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), run->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(2, run->getObject("counts")->getValue<int>("unknown"));
		CPPUNIT_ASSERT_EQUAL(4, run->getObject("counts")->getValue<int>("accepted"));
	}

	void testTheTimerHelpsARunAnotherInstancePlanned()
	{
		// While one plans, two's timer looks again within seconds; once
		// the plan is written and messages wait, two's timer works at once.
		Poco::Data::Session session = _host->runtime().database().session();
		session << "INSERT INTO reminder_runs (iso_week, sequence, business_date, state, lease_owner, lease_until, "
				   "lease_generation, started_by, started_at) VALUES ('2026-W49', 1, '2026-11-30', 'running', "
				   "'planner', ?, 1, 'scheduler', ?)",
			bind(at(MONDAY_10 + LEASE_SECONDS * SECOND)), bind(at(MONDAY_10)), now;
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 5 * SECOND), at(*_two->nextRun(MONDAY_10)));
		const erp::TaskResult busy = timer(*_two);
		CPPUNIT_ASSERT_MESSAGE(busy.summary, busy.summary.find("planned by another instance") != std::string::npos);
		CPPUNIT_ASSERT(sentBy("two").empty());
		// The planner writes its plan (and its lease ends).
		{
			erp::Transaction tx(session, TestHost::dialect());
			const std::vector<CustomerPlan> plans = weekPlan(session);
			CPPUNIT_ASSERT(_runs.holdsPlanning(session, 1, Fence{"planner", 1, 0}));
			_runs.savePlan(session, 1, plans, at(MONDAY_10));
			tx.commit();
		}
		pin(MONDAY_10 + SECOND);
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + SECOND), at(*_two->nextRun(MONDAY_10 + SECOND)));
		CPPUNIT_ASSERT(timer(*_two).ok);
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), sentBy("two").size()); // six customers and the report
		everyoneOnce();
	}

	void testConcurrentClaimsSkipLockedRows()
	{
		try
		{
			concurrentClaims();
		}
		catch (Poco::Exception& exc)
		{
			CPPUNIT_FAIL(exc.displayText()); // the server's words
		}
	}

	void concurrentClaims()
	{
		// Two instances claim at the same moment, each in its own open
		// transaction. MariaDB: the second skips the rows the first holds
		// (FOR UPDATE SKIP LOCKED) instead of waiting, so the batches are
		// disjoint. SQLite lets one writer claim at a time (BEGIN
		// IMMEDIATE): the second claims after the first commits.
		_scriptOne = [&](const ComposedMessage&) -> Delivery { throw Crash(); };
		CPPUNIT_ASSERT_THROW(execute(*_one), Crash); // planned, one batch claimed, then "died"
		Poco::Data::Session first = _host->runtime().database().session();
		Poco::Data::Session second = _host->runtime().database().session();
		const std::string now = at(MONDAY_10), until = at(MONDAY_10 + LEASE_SECONDS * SECOND);
		std::vector<Poco::Int64> a, b;
		{
			_runs.readCommittedNext(first);
			erp::Transaction tx(first, TestHost::dialect());
			const std::optional<BatchRecord> batch = _runs.claimBatch(first, 1, "first", now, until, 2, 5, {});
			CPPUNIT_ASSERT(batch && !batch->takenOver);
			a = batchOf(first, batch->id);
			if (TestHost::dialect() == "mysql")
			{
				_runs.readCommittedNext(second);
				erp::Transaction other(second, TestHost::dialect());
				const std::optional<BatchRecord> next = _runs.claimBatch(second, 1, "second", now, until, 2, 5, {});
				CPPUNIT_ASSERT(next && !next->takenOver);
				b = batchOf(second, next->id);
				other.commit();
			}
			tx.commit();
		}
		if (b.empty())
		{
			_runs.readCommittedNext(second);
			erp::Transaction tx(second, TestHost::dialect());
			const std::optional<BatchRecord> next = _runs.claimBatch(second, 1, "second", now, until, 2, 5, {});
			CPPUNIT_ASSERT(next);
			b = batchOf(second, next->id);
			tx.commit();
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), a.size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), b.size());
		for (Poco::Int64 id: a)
			CPPUNIT_ASSERT(std::find(b.begin(), b.end(), id) == b.end());
		// All six are in a batch now; the dead instance's batch is live:
		// nothing more to claim until its lease ends, then it is taken over.
		{
			_runs.readCommittedNext(first);
			erp::Transaction tx(first, TestHost::dialect());
			CPPUNIT_ASSERT(!_runs.claimBatch(first, 1, "third", now, until, 2, 5, {}));
			const std::optional<BatchRecord> late =
				_runs.claimBatch(first, 1, "third", until, at(MONDAY_10 + 2 * LEASE_SECONDS * SECOND), 2, 5, {});
			CPPUNIT_ASSERT(late && late->takenOver);
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), late->id);
			// c1 was on the wire, and c2's row was made durable "sending" while
			// it was: both end "unknown", neither is sent again.
			CPPUNIT_ASSERT_EQUAL(2, late->interrupted);
			tx.commit();
		}
	}

private:
	std::unique_ptr<WeeklyRun> instance(const std::string& name, InstanceTransport::Script& script)
	{
		return weeklyRun([this, name, &script] { return std::make_unique<InstanceTransport>(name, script, _log); });
	}

	static Delivery accepted()
	{
		return Delivery{Delivery::State::ACCEPTED, 250, "2.0.0 Ok"};
	}

	erp::TaskResult timer(WeeklyRun& weekly)
	{
		erp::TaskRun run;
		run.actor = "scheduler";
		return weekly.execute(run);
	}

	std::vector<std::string> sentBy(const std::string& instance) const
	{
		std::vector<std::string> sent;
		for (const auto& [who, to]: _log)
			if (who == instance) sent.push_back(to);
		return sent;
	}

	std::size_t sentTo(const std::string& recipient) const
	{
		return static_cast<std::size_t>(
			std::count_if(_log.begin(), _log.end(), [&](const auto& entry) { return entry.second == recipient; }));
	}

	static void waitFor(const std::function<bool()>& condition)
	{
		const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
		while (!condition())
		{
			CPPUNIT_ASSERT_MESSAGE("the condition never held", std::chrono::steady_clock::now() < deadline);
			std::this_thread::yield();
		}
	}

	void everyoneOnce(const std::string& readiedWhenACrashCame = "") const
	{
		// Every customer got exactly one message, whoever sent it; one report.
		// Except one whose row a crash left "sending" before it went out: it
		// ends "unknown" and gets none (never two).
		for (int i = 1; i <= 6; ++i)
		{
			const std::string to = "c" + std::to_string(i) + "@example.com";
			CPPUNIT_ASSERT_EQUAL_MESSAGE(to, std::size_t(to == readiedWhenACrashCame ? 0 : 1), sentTo(to));
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sentTo("owner@example.com"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(readiedWhenACrashCame.empty() ? 7 : 6), _log.size());
	}

	int count(const std::string& sql)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 value = 0;
		session << sql, into(value), now;
		return static_cast<int>(value);
	}

	std::string stateOf(const std::string& recipient)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		std::string state, to = recipient;
		session << "SELECT m.state FROM reminder_messages m JOIN customers c ON c.id = m.customer_id WHERE c.email = ?",
			use(to), into(state), now;
		return state;
	}

	std::string runState()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		std::string state;
		session << "SELECT state FROM reminder_runs WHERE id = 1", into(state), now;
		return state;
	}

	static std::vector<Poco::Int64> batchOf(Poco::Data::Session& session, Poco::Int64 batch)
	{
		std::vector<Poco::Int64> ids;
		session << "SELECT id FROM reminder_messages WHERE batch_id = ? ORDER BY id", use(batch), into(ids), now;
		return ids;
	}

	InstanceTransport::Script _scriptOne;
	InstanceTransport::Script _scriptTwo;
	std::vector<std::pair<std::string, std::string>> _log;
	std::unique_ptr<WeeklyRun> _one;
	std::unique_ptr<WeeklyRun> _two;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SharedRunTest, "plugin");
