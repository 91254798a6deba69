//
// WeeklyRunTest.cpp
//


#include "plugin/WeeklyRun.h"
#include "CountingChannel.h"
#include "RunWait.h"
#include "TestHost.h"
#include "WeeklyRunFixture.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include "plugin/LeaseKeeper.h"
#include "plugin/core/ReminderPlanner.h"
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Message.h>
#include <Poco/StreamCopier.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <mutex>
#include <thread>


using namespace reminders;
using tests::Reply;
using tests::TestHost;
using namespace Poco::Data::Keywords;


namespace {

// A transport whose answers the test scripts: ErrorEnv-style.
class ScriptedTransport: public Transport
{
public:
	using Script = std::function<Delivery(const ComposedMessage&)>;

	ScriptedTransport(Script script, std::vector<std::string>& sent):
		_script(std::move(script)),
		_sent(sent)
	{}

	Delivery send(const ComposedMessage& message) override
	{
		_sent.push_back(message.to);
		return _script(message);
	}

	std::string describe() const override
	{
		return "scripted";
	}

private:
	Script _script;
	std::vector<std::string>& _sent;
};

Delivery reply(Delivery::State state, int code, const std::string& text)
{
	return Delivery{state, code, text};
}

Delivery accepted(const ComposedMessage&)
{
	return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
}

using tests::CountingChannel;

const Poco::Timestamp::TimeDiff SECOND = Poco::Timestamp::resolution();
const Poco::Timestamp::TimeDiff MINUTE = 60 * SECOND;
// Monday 30 November 2026 (ISO week 2026-W49), 08:00 in Athens (06:00 UTC).
const Poco::Timestamp MONDAY_8 = Poco::Timestamp::fromEpochTime(1796018400);
const Poco::Timestamp SUNDAY_NOON = MONDAY_8 - 20 * 60 * MINUTE; // 29 November, 12:00 in Athens
const Poco::Timestamp MONDAY_10 = MONDAY_8 + 120 * MINUTE;       // after the default 09:00 moment

std::string at(const Poco::Timestamp& instant)
{
	return erp::Instant::format(instant);
}

} // namespace


class WeeklyRunTest: public tests::WeeklyRunFixture
{
	CPPUNIT_TEST_SUITE(WeeklyRunTest);
	CPPUNIT_TEST(testEveryStateIsRecordedAndReported);
	CPPUNIT_TEST(testDeferredIsRetriedThenDone);
	CPPUNIT_TEST(testDeferredTooOftenFails);
	CPPUNIT_TEST(testInterruptedSendIsNeverRepeated);
	CPPUNIT_TEST(testNewWeekClosesTheLastOne);
	CPPUNIT_TEST(testLiveLeaseIsLeftAlone);
	CPPUNIT_TEST(testPaymentDuringTheRunIsHonoured);
	CPPUNIT_TEST(testTheListingIsWhatWasSent);
	CPPUNIT_TEST(testOnceAWeekUnlessForced);
	CPPUNIT_TEST(testNextRun);
	CPPUNIT_TEST(testSwitchedOnMidWeekStartsNextWeek);
	CPPUNIT_TEST(testSendingIsDurableBeforeTheSend);
	CPPUNIT_TEST(testRetriesBackOffByDoubling);
	CPPUNIT_TEST(testATakeoverStopsTheSenderAtOnce);
	CPPUNIT_TEST(testLeaseKeeperRenewsByTimeAndNoticesALoss);
	CPPUNIT_TEST(testTwoInstancesWithASlowServerSendNothingTwice);
	CPPUNIT_TEST(testNextRunIsTheEarliestRetry);
	CPPUNIT_TEST(testOwnerTotalsAreSummed);
	CPPUNIT_TEST(testReportWaitsForTheRetriesAndNeverLies);
	CPPUNIT_TEST(testADeferredReportIsRetried);
	CPPUNIT_TEST(testAReportIsNotLostToACrash);
	CPPUNIT_TEST(testReportWording);
	CPPUNIT_TEST(testFutureWeekIsRefused);
	CPPUNIT_TEST(testAnswerNamesTheWeeksRun);
	CPPUNIT_TEST(testHistoryShowsNoServerPathNewestFirst);
	CPPUNIT_TEST(testTimerNeverSpins);
	CPPUNIT_TEST(testRetryLeftByAnotherProcessIsSentWithinAMinute);
	CPPUNIT_TEST(testSavedScheduleReArmsTheTimer);
	CPPUNIT_TEST(testRefusedCredentialsStopTheRun);
	CPPUNIT_TEST(testRefusedCredentialsFailTheReportToo);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		start({});
	}

	void testEveryStateIsRecordedAndReported()
	{
		const auto customers = fourCustomers();
		script([](const ComposedMessage& m) {
			if (m.to == "b@example.com") return reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later");
			if (m.to == "c@example.com") return reply(Delivery::State::REJECTED, 550, "5.1.1 No such user");
			return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok: queued");
		});
		const erp::TaskResult result = execute("2026-11-30");
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		// a, b, c and the owner's report; d has no address.
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), _sent.size());
		CPPUNIT_ASSERT_EQUAL(std::string("owner@example.com"), _sent.back());

		Reply run = _host->call("GET", "/api/plugins/reminders/runs/1");
		auto report = run.object();
		CPPUNIT_ASSERT_EQUAL(std::string("waiting"), report->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("accepted"), report->getValue<std::string>("report"));
		auto counts = report->getObject("counts");
		CPPUNIT_ASSERT_EQUAL(1, counts->getValue<int>("accepted"));
		CPPUNIT_ASSERT_EQUAL(1, counts->getValue<int>("deferred"));
		CPPUNIT_ASSERT_EQUAL(1, counts->getValue<int>("rejected"));
		CPPUNIT_ASSERT_EQUAL(1, counts->getValue<int>("skipped"));
		auto notReminded = report->getArray("not_reminded")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("no_email"), notReminded->getValue<std::string>("reason"));

		Reply history =
			_host->call("GET", "/api/plugins/reminders/invoices/" + std::to_string(customers[2].second) + "/history",
						"", TestHost::ACCOUNTANT);
		auto entry = history.object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("rejected"), entry->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(550, entry->getValue<int>("reply_code"));
		CPPUNIT_ASSERT_EQUAL(std::string("5.1.1 No such user"), entry->getValue<std::string>("reply_text"));
		CPPUNIT_ASSERT_EQUAL(std::string("c@example.com"), entry->getValue<std::string>("recipient"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.message.accepted"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.message.deferred"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.message.rejected"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.report.accepted"));
	}

	void testDeferredIsRetriedThenDone()
	{
		restart({{"reminders.retry.delay_minutes", "0"}});
		fourCustomers();
		int bTries = 0;
		script([&](const ComposedMessage& m) {
			if (m.to == "b@example.com" && ++bTries == 1)
				return reply(Delivery::State::DEFERRED, 421, "4.7.0 Too many connections");
			return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), _sent.size());
		_sent.clear();
		const erp::TaskResult again = execute("2026-11-30");
		CPPUNIT_ASSERT_MESSAGE(again.summary, again.ok);
		// Only the deferred one, then the final report (the first one said retries were pending).
		CPPUNIT_ASSERT((_sent == std::vector<std::string>{"b@example.com", "owner@example.com"}));
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), report->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(3, report->getObject("counts")->getValue<int>("accepted"));
	}

	void testDeferredTooOftenFails()
	{
		restart({{"reminders.retry.delay_minutes", "0"}, {"reminders.retry.attempts", "2"}});
		fourCustomers();
		script([](const ComposedMessage& m) {
			return m.to == "b@example.com" ? reply(Delivery::State::DEFERRED, 450, "4.2.1 Mailbox busy")
										   : reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
		});
		execute("2026-11-30");
		execute("2026-11-30");
		execute("2026-11-30"); // nothing left to try
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), report->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(1, report->getObject("counts")->getValue<int>("failed"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2),
							 static_cast<std::size_t>(std::count(_sent.begin(), _sent.end(), "b@example.com")));
	}

	void testInterruptedSendIsNeverRepeated()
	{
		fourCustomers();
		// A run another host planned, then died while sending to b.
		Poco::Data::Session session = _host->runtime().database().session();
		RunStore store(TestHost::dialect());
		{
			erp::Transaction tx(session, TestHost::dialect());
			const auto claim = store.claim(session, "2026-W49", "2026-11-30", "dead-host:1", "2000-01-01T07:00:00.000Z",
										   "2000-01-01T07:05:00.000Z", false, "scheduler");
			const std::vector<CustomerPlan> plans = weekPlan(session);
			store.savePlan(session, claim.run.id, plans, "2026-11-30T07:00:01.000Z");
			session << "UPDATE reminder_messages SET state = 'sending', attempts = 1 WHERE recipient = 'b@example.com'",
				now;
			tx.commit();
		}
		script([](const ComposedMessage&) { return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok"); });
		const erp::TaskResult result = execute("2026-11-30");
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		CPPUNIT_ASSERT(std::find(_sent.begin(), _sent.end(), "b@example.com") == _sent.end());
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), _sent.size()); // a, c, report
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(1, report->getObject("counts")->getValue<int>("unknown"));
		CPPUNIT_ASSERT_EQUAL(2, report->getObject("counts")->getValue<int>("accepted"));
	}

	void testNewWeekClosesTheLastOne()
	{
		restart({{"reminders.retry.delay_minutes", "100000"}}); // no retry comes in time
		fourCustomers();
		script([](const ComposedMessage& m) {
			return m.to == "b@example.com" ? reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later")
										   : reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(
			std::string("waiting"),
			_host->call("GET", "/api/plugins/reminders/runs/1").object()->getValue<std::string>("state"));
		_sent.clear();
		execute("2026-12-07"); // the next Monday
		auto last = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), last->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(1, last->getObject("counts")->getValue<int>("failed"));
		CPPUNIT_ASSERT(!last->getObject("counts")->has("deferred"));
		// The new week's run reminds b again, once.
		CPPUNIT_ASSERT_EQUAL(std::size_t(1),
							 static_cast<std::size_t>(std::count(_sent.begin(), _sent.end(), "b@example.com")));
		CPPUNIT_ASSERT_EQUAL(
			std::string("2026-W50"),
			_host->call("GET", "/api/plugins/reminders/runs/2").object()->getValue<std::string>("iso_week"));
	}

	void testLiveLeaseIsLeftAlone()
	{
		fourCustomers();
		Poco::Data::Session session = _host->runtime().database().session();
		session << "INSERT INTO reminder_runs (iso_week, sequence, business_date, state, lease_owner, lease_until, "
				   "started_by, started_at) VALUES ('2026-W49', 1, '2026-11-30', 'running', 'other-host:7', "
				   "'2999-01-01T00:00:00.000Z', 'scheduler', '2026-11-30T07:00:00.000Z')",
			now;
		script([](const ComposedMessage&) { return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok"); });
		const erp::TaskResult result = execute("2026-11-30");
		CPPUNIT_ASSERT(result.ok);
		CPPUNIT_ASSERT(result.summary.find("another instance") != std::string::npos);
		CPPUNIT_ASSERT(_sent.empty());
	}

	void testPaymentDuringTheRunIsHonoured()
	{
		// The re-check is one query per batch, right before the batch's
		// sends: with batches of one, a payment made while a's reminder goes
		// out is seen before b's.
		restart({{"reminders.batch.size", "1"}});
		const auto customers = fourCustomers();
		const std::string pay = "/api/invoices/" + std::to_string(customers[1].second) + "/payments";
		int paid = 0; // recorded here, asserted outside: the run catches what the transport throws
		script([&](const ComposedMessage& m) {
			if (m.to == "a@example.com") // while a's reminder goes out, b pays in full
				paid = _host->call("POST", pay, R"({"amount": "100"})").status;
			return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(201, paid);
		CPPUNIT_ASSERT(std::find(_sent.begin(), _sent.end(), "b@example.com") == _sent.end());
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(1, report->getObject("counts")->getValue<int>("cancelled"));
	}

	void testTheListingIsWhatWasSent()
	{
		// The outbox lists each invoice with the amounts as sent. A partial
		// payment between the plan and the send changes what b's reminder
		// says, so its listing is written again; a's and c's are as planned.
		restart({{"reminders.batch.size", "1"}});
		const auto customers = fourCustomers();
		const Poco::Int64 bSecond = _host->createInvoice(customers[1].first, "W-b2", "50");
		const std::string pay = "/api/invoices/" + std::to_string(customers[1].second) + "/payments";
		int paid = 0;
		std::string toB;
		script([&](const ComposedMessage& m) {
			if (m.to == "a@example.com") // while a's reminder goes out, b pays 40 of 100
				paid = _host->call("POST", pay, R"({"amount": "40"})").status;
			if (m.to == "b@example.com") toB = m.text;
			return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(201, paid);
		CPPUNIT_ASSERT_MESSAGE(toB, toB.find("60,00") != std::string::npos); // Greek by default
		Poco::Data::Session session = _host->runtime().database().session();
		std::vector<Poco::Int64> invoices, paidMinor, outstanding;
		std::vector<std::string> recipients;
		session
			<< "SELECT m.recipient, l.invoice_id, l.paid_minor, l.outstanding_minor FROM reminder_message_invoices l "
			   "JOIN reminder_messages m ON m.id = l.message_id WHERE m.recipient IS NOT NULL ORDER BY l.invoice_id",
			into(recipients), into(invoices), into(paidMinor), into(outstanding), now;
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), invoices.size()); // a, b, c and b's second
		CPPUNIT_ASSERT_EQUAL(customers[1].second, invoices[1]);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(4000), paidMinor[1]);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(6000), outstanding[1]);
		CPPUNIT_ASSERT_EQUAL(bSecond, invoices[3]);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(5000), outstanding[3]);
		CPPUNIT_ASSERT_EQUAL(std::string("b@example.com"), recipients[3]);
		for (std::size_t i: {std::size_t(0), std::size_t(2)})
		{
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(0), paidMinor[i]);
			CPPUNIT_ASSERT_EQUAL(Poco::Int64(10000), outstanding[i]);
		}
		if (_host->runtime().database().dialect() == "sqlite")
		{
			// What did not change was not written again: a's and c's lines
			// keep the rows the plan wrote (SQLite gives a row written again
			// a new rowid, after every row of the plan's).
			std::vector<Poco::Int64> rowids, of;
			session << "SELECT rowid, invoice_id FROM reminder_message_invoices ORDER BY rowid", into(rowids), into(of),
				now;
			CPPUNIT_ASSERT_EQUAL(std::size_t(5), rowids.size()); // d's too: it was planned, without an address
			const std::vector<Poco::Int64> unchangedFirst{customers[0].second, customers[2].second,
														  customers[3].second};
			CPPUNIT_ASSERT(std::vector<Poco::Int64>(of.begin(), of.begin() + 3) == unchangedFirst);
		}
	}

	void testOnceAWeekUnlessForced()
	{
		fourCustomers();
		Reply first = runToEnd(*_host, R"({"date": "2026-11-30"})");
		CPPUNIT_ASSERT_EQUAL(std::string("finished"),
							 first.object()->getObject("background")->getValue<std::string>("state"));
		const int spooled = spoolCount();
		CPPUNIT_ASSERT_EQUAL(3, spooled); // a, b, c (no owner address in the API's run: see below)
		Reply again = _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "2026-12-02"})");
		CPPUNIT_ASSERT(again.object()->getValue<std::string>("summary").find("already has its run") !=
					   std::string::npos);
		CPPUNIT_ASSERT_EQUAL(spooled, spoolCount());
		CPPUNIT_ASSERT_EQUAL(
			403, _host->call("POST", "/api/plugins/reminders/runs", R"({"force": true})", TestHost::ACCOUNTANT).status);
		Reply forced = runToEnd(*_host, R"({"date": "2026-11-30", "force": true})");
		CPPUNIT_ASSERT_EQUAL(2, forced.object()->getValue<int>("sequence"));
		CPPUNIT_ASSERT_EQUAL(2 * spooled, spoolCount());
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.run.forced"));
		auto runs = _host->call("GET", "/api/plugins/reminders/runs").object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(2, runs->getObject(0)->getValue<int>("sequence"));
		CPPUNIT_ASSERT_EQUAL(400, _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "someday"})").status);
	}

	void testNextRun()
	{
		// Monday 30 November 2026, 08:30 in Athens (06:30 UTC): due at 09:00,
		// sooner than the hourly look.
		const Poco::Timestamp monday8 = Poco::Timestamp::fromEpochTime(1796018400 + 1800);
		const std::optional<Poco::Timestamp> next = _weekly->nextRun(monday8);
		CPPUNIT_ASSERT(next.has_value());
		CPPUNIT_ASSERT_EQUAL(std::time_t(1796018400 + 3600), next->epochTime());
		// Off: look again within the hour, never in a tight loop.
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"enabled": false})");
		CPPUNIT_ASSERT_EQUAL(monday8.epochTime() + 3600, _weekly->nextRun(monday8)->epochTime());
	}

	void testSwitchedOnMidWeekStartsNextWeek()
	{
		// Reminders switched on on Monday at 10:00, after this week's
		// moment: the timer's run sends nothing this week...
		restart({}, MONDAY_10);
		fourCustomers();
		script([](const ComposedMessage&) { return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok"); });
		erp::TaskRun timer;
		timer.actor = "scheduler";
		const erp::TaskResult result = _weekly->execute(timer);
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.summary.find("next week") != std::string::npos ||
												   result.summary.find("not yet") != std::string::npos);
		CPPUNIT_ASSERT(_sent.empty());
		// ...while an operator may still run it.
		CPPUNIT_ASSERT(execute("2026-11-30").ok);
		CPPUNIT_ASSERT(!_sent.empty());
	}

	void testSendingIsDurableBeforeTheSend()
	{
		fourCustomers();
		std::vector<std::string> seen; // the row's state while the transport holds the message
		script([&](const ComposedMessage& m) {
			if (m.to != "owner@example.com") seen.push_back(stateOf(m.to));
			return accepted(m);
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT((seen == std::vector<std::string>{"sending", "sending", "sending"}));
		// A transport that delivers and then fails: the message stays
		// accounted for (deferred: the transport's word), never lost.
		restart({});
		fourCustomers();
		script([&](const ComposedMessage& m) -> Delivery {
			if (m.to == "b@example.com") throw std::runtime_error("connection reset after DATA");
			return accepted(m);
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("deferred"), stateOf("b@example.com"));
	}

	void testRetriesBackOffByDoubling()
	{
		restart({{"reminders.retry.attempts", "4"}, {"reminders.retry.delay_minutes", "15"}});
		fourCustomers();
		script([](const ComposedMessage& m) {
			return m.to == "b@example.com" ? reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later")
										   : accepted(m);
		});
		std::vector<Poco::Timestamp::TimeDiff> pauses;
		Poco::Timestamp now = MONDAY_10;
		for (int attempt = 1; attempt <= 4; ++attempt)
		{
			pin(now);
			execute("2026-11-30");
			const std::string next = column("next_attempt_at", "b@example.com");
			if (next.empty()) break;
			int tz = 0;
			const Poco::Timestamp retry =
				Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, next, tz).timestamp();
			pauses.push_back((retry - now) / MINUTE);
			now = retry;
		}
		CPPUNIT_ASSERT((pauses == std::vector<Poco::Timestamp::TimeDiff>{15, 30, 60}));
		CPPUNIT_ASSERT_EQUAL(std::string("failed"), stateOf("b@example.com"));
		CPPUNIT_ASSERT_EQUAL(std::string("4"), column("attempts", "b@example.com"));
		// The policy alone, beyond what a run reaches.
		const RetryPolicy policy{6, 10};
		CPPUNIT_ASSERT_EQUAL(600L, *policy.delaySeconds(1));
		CPPUNIT_ASSERT_EQUAL(1200L, *policy.delaySeconds(2));
		CPPUNIT_ASSERT_EQUAL(9600L, *policy.delaySeconds(5));
		CPPUNIT_ASSERT(!policy.delaySeconds(6));
	}

	void testATakeoverStopsTheSenderAtOnce()
	{
		fourCustomers();
		Poco::Data::Session session = _host->runtime().database().session();
		// While a's message is with the server (and b's row, made "sending"
		// meanwhile, is committed), another instance takes its batch over.
		script([&](const ComposedMessage& m) {
			if (m.to == "a@example.com")
			{
				for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
					 stateOf("b@example.com") != "sending" && std::chrono::steady_clock::now() < until;)
					std::this_thread::yield();
				session << "UPDATE reminder_batches SET lease_owner = 'other-host:9', lease_generation = "
						   "lease_generation + 1, lease_until = '2999-01-01T00:00:00.000Z'",
					now;
			}
			return accepted(m);
		});
		const erp::TaskResult result = execute("2026-11-30");
		CPPUNIT_ASSERT(!result.ok);
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.summary.find("lost its lease") != std::string::npos);
		// b's row was durable "sending" under the lease before the takeover:
		// b goes out, and its row is the new holder's to settle ("unknown").
		// The refused outcome write of a stops the sender: c is left to the
		// new holder.
		CPPUNIT_ASSERT((_sent == std::vector<std::string>{"a@example.com", "b@example.com"}));
		// a's row is the new holder's to settle; nothing this instance wrote after the takeover stuck.
		CPPUNIT_ASSERT_EQUAL(std::string("sending"), stateOf("a@example.com"));
		CPPUNIT_ASSERT_EQUAL(std::string("sending"), stateOf("b@example.com"));
		CPPUNIT_ASSERT_EQUAL(std::string("pending"), stateOf("c@example.com"));
		// Every send itself is on record.
		CPPUNIT_ASSERT_EQUAL(2, _host->auditCount("reminders.message.accepted"));
	}

	void testLeaseKeeperRenewsByTimeAndNoticesALoss()
	{
		fourCustomers();
		Poco::Data::Session session = _host->runtime().database().session();
		session << "INSERT INTO reminder_runs (iso_week, sequence, business_date, state, started_by, started_at, "
				   "planned_at) VALUES ('2026-W49', 1, '2026-11-30', 'running', 'scheduler', ?, ?)",
			bind(at(MONDAY_10)), bind(at(MONDAY_10)), now;
		session
			<< "INSERT INTO reminder_batches (run_id, state, lease_owner, lease_until, lease_generation, created_at) "
			   "VALUES (1, 'open', 'me', ?, 3, ?)",
			bind(at(MONDAY_10 + 30 * SECOND)), bind(at(MONDAY_10)), now;
		auto leaseUntil = [&] {
			std::string until;
			session << "SELECT lease_until FROM reminder_batches", into(until), now;
			return until;
		};
		LeaseKeeper keeper(_host->runtime().database(), _runs, _host->runtime().services().clock, 1, Fence{"me", 3, 1},
						   30);
		pin(MONDAY_10 + 9 * SECOND); // under a third of the lease: nothing to do
		CPPUNIT_ASSERT(keeper.holds());
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 30 * SECOND), leaseUntil());
		pin(MONDAY_10 + 10 * SECOND); // a third: renewed to a whole lease from now
		CPPUNIT_ASSERT(keeper.holds());
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 40 * SECOND), leaseUntil());
		session << "UPDATE reminder_batches SET lease_owner = 'other', lease_generation = 4", now; // taken over
		pin(MONDAY_10 + 19 * SECOND);
		CPPUNIT_ASSERT(keeper.holds()); // not due: it cannot know yet
		pin(MONDAY_10 + 20 * SECOND);
		CPPUNIT_ASSERT(!keeper.holds());
		CPPUNIT_ASSERT(keeper.lost());
		session << "UPDATE reminder_batches SET lease_owner = 'me', lease_generation = 3", now;
		pin(MONDAY_10 + 40 * SECOND);
		CPPUNIT_ASSERT(!keeper.holds()); // once lost, lost: the sender has stopped
	}

	void testTwoInstancesWithASlowServerSendNothingTwice()
	{
		// Two instances on one database, a server that takes 400 ms per
		// message and a lease of 1 s: the lease must be renewed while a
		// transaction is slow, and the second instance keeps trying.
		restart({{"reminders.lease.seconds", "1"}});
		unpin();
		std::vector<Poco::Int64> customers;
		for (int i = 0; i < 8; ++i)
			customers.push_back(_host->createCustomer("slow" + std::to_string(i), "s" + std::to_string(i) + "@ex.com"));
		for (Poco::Int64 c: customers)
			_host->createInvoice(c, "S-" + std::to_string(c), "10");
		std::mutex mutex;
		std::map<std::string, int> received;
		ScriptedTransport::Script slow = [&](const ComposedMessage& m) {
			std::this_thread::sleep_for(std::chrono::milliseconds(400));
			std::lock_guard<std::mutex> lock(mutex);
			++received[m.to];
			return accepted(m);
		};
		std::vector<std::string> ignored;
		WeeklyRun second(*_facade, _settingsStore, _planning, _runs, *_templates,
						 [&] { return std::make_unique<ScriptedTransport>(slow, ignored); });
		_script = slow;
		std::atomic<bool> firstDone{false};
		std::thread other([&] {
			// The other instance tries every 100 ms until the week is done.
			for (int i = 0; i < 200 && !firstDone; ++i)
			{
				erp::TaskRun run;
				run.onDemand = true;
				run.actor = "other";
				run.today = "2026-11-30";
				second.execute(run);
				std::this_thread::sleep_for(std::chrono::milliseconds(100));
			}
		});
		std::this_thread::sleep_for(std::chrono::milliseconds(50));
		execute("2026-11-30");
		firstDone = true;
		other.join();
		CPPUNIT_ASSERT_EQUAL(std::size_t(8), received.size());
		for (const auto& [to, count]: received)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(to, 1, count);
	}

	void testNextRunIsTheEarliestRetry()
	{
		restart({{"reminders.retry.delay_minutes", "15"}});
		fourCustomers();
		script([](const ComposedMessage& m) {
			return m.to == "b@example.com" || m.to == "c@example.com"
					   ? reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later")
					   : accepted(m);
		});
		pin(MONDAY_10);
		execute("2026-11-30");
		Poco::Data::Session session = _host->runtime().database().session();
		// c waits longer than b.
		session << "UPDATE reminder_messages SET next_attempt_at = ? WHERE recipient = 'c@example.com'",
			bind(at(MONDAY_10 + 50 * MINUTE)), now;
		session << "UPDATE reminder_messages SET next_attempt_at = ? WHERE recipient = 'b@example.com'",
			bind(at(MONDAY_10 + 20 * MINUTE)), now;
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 20 * MINUTE), *_runs.nextRetry(session, 1, 5));
		// The timer looks again at b's retry, well before next Monday.
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 20 * MINUTE), at(*_weekly->nextRun(MONDAY_10)));
		// At that moment the timer's call works (it does not decline) and
		// sends b alone.
		pin(MONDAY_10 + 20 * MINUTE);
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 20 * MINUTE), at(*_weekly->nextRun(MONDAY_10 + 20 * MINUTE)));
		_sent.clear();
		script(accepted);
		erp::TaskRun timer;
		timer.actor = "scheduler";
		CPPUNIT_ASSERT(_weekly->execute(timer).ok);
		CPPUNIT_ASSERT((_sent == std::vector<std::string>{"b@example.com"}));
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 50 * MINUTE), at(*_weekly->nextRun(MONDAY_10 + 20 * MINUTE)));
	}

	void testOwnerTotalsAreSummed()
	{
		const auto customers = fourCustomers(); // a, b, c owe 100.00 EUR each
		_host->createInvoice(customers[0].first, "W-a2", "20.50");
		const auto pounds = _host->createCustomer("e", "e@example.com");
		_host->createInvoice(pounds, "W-e", "7", R"("currency": "GBP")");
		std::string text;
		script([&](const ComposedMessage& m) {
			if (m.to == "owner@example.com") text = m.text;
			return accepted(m);
		});
		execute("2026-11-30");
		auto totals = _host->call("GET", "/api/plugins/reminders/runs/1").object()->getObject("totals");
		CPPUNIT_ASSERT_EQUAL(std::string("320.50"), totals->getValue<std::string>("EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("7.00"), totals->getValue<std::string>("GBP"));
		// The email lists each currency on its own line.
		CPPUNIT_ASSERT_MESSAGE(text, text.find("\n  320,50 €\n") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("\n  7,00 £\n") != std::string::npos);
	}

	void testReportWaitsForTheRetriesAndNeverLies()
	{
		restart({{"reminders.retry.attempts", "2"}, {"reminders.retry.delay_minutes", "15"}});
		fourCustomers();
		std::vector<ComposedMessage> reports;
		script([&](const ComposedMessage& m) {
			if (m.to == "owner@example.com")
			{
				reports.push_back(m);
				return accepted(m);
			}
			return m.to == "b@example.com" ? reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later")
										   : accepted(m);
		});
		pin(MONDAY_10);
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), reports.size());
		CPPUNIT_ASSERT_MESSAGE(reports[0].subject, reports[0].subject.find("retries pending") != std::string::npos ||
													   reports[0].subject.find("εκκρεμούν") != std::string::npos);
		pin(MONDAY_10 + 15 * MINUTE);
		execute("2026-11-30"); // b's second and last attempt is deferred too: failed
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), reports.size());
		const std::string final = reports[1].text;
		CPPUNIT_ASSERT_MESSAGE(final, final.find("θα ξαναδοκιμαστεί") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(final, final.find("εξαντλήθηκαν οι προσπάθειες: 1") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(final, final.find("τελική αναφορά") != std::string::npos);
		auto run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), run->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), run->getArray("reports")->size());
		CPPUNIT_ASSERT_EQUAL(std::string("accepted"), run->getValue<std::string>("report"));
		execute("2026-11-30"); // nothing more: no third report
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), reports.size());
	}

	void testADeferredReportIsRetried()
	{
		restart({{"reminders.retry.delay_minutes", "15"}});
		fourCustomers();
		int reportTries = 0;
		script([&](const ComposedMessage& m) {
			if (m.to == "owner@example.com" && ++reportTries == 1)
				return reply(Delivery::State::DEFERRED, 452, "4.2.2 Mailbox full");
			return accepted(m);
		});
		pin(MONDAY_10);
		execute("2026-11-30");
		auto run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), run->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("deferred"), run->getValue<std::string>("report"));
		// The timer comes back for the report at its retry time, not next week.
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 15 * MINUTE), at(*_weekly->nextRun(MONDAY_10)));
		pin(MONDAY_10 + 15 * MINUTE);
		erp::TaskRun timer;
		timer.actor = "scheduler";
		CPPUNIT_ASSERT(_weekly->execute(timer).ok);
		CPPUNIT_ASSERT_EQUAL(2, reportTries);
		run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("accepted"), run->getValue<std::string>("report"));
	}

	void testAReportIsNotLostToACrash()
	{
		fourCustomers();
		script(accepted);
		pin(MONDAY_10);
		execute("2026-11-30");
		// As if the process died right after the run was marked done, before
		// the report went out: the row is there, pending.
		Poco::Data::Session session = _host->runtime().database().session();
		session << "UPDATE reminder_reports SET state = 'pending', attempts = 0, reply_code = NULL, reply_text = NULL",
			now;
		_sent.clear();
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + MINUTE), at(*_weekly->nextRun(MONDAY_10 + MINUTE)));
		pin(MONDAY_10 + MINUTE);
		erp::TaskRun timer;
		timer.actor = "scheduler";
		CPPUNIT_ASSERT(_weekly->execute(timer).ok);
		CPPUNIT_ASSERT((_sent == std::vector<std::string>{"owner@example.com"}));
		// A report cut off while sending is not sent twice.
		session << "UPDATE reminder_reports SET state = 'sending', updated_at = ?", bind(at(MONDAY_10)), now;
		_sent.clear();
		pin(MONDAY_10 + 20 * MINUTE);
		execute("2026-11-30");
		CPPUNIT_ASSERT(_sent.empty());
		CPPUNIT_ASSERT_EQUAL(
			std::string("unknown"),
			_host->call("GET", "/api/plugins/reminders/runs/1").object()->getValue<std::string>("report"));
	}

	void testReportWording()
	{
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"fallback_language": "en"})");
		const auto customers = fourCustomers();
		// e has an address the planner refuses.
		Poco::Data::Session session = _host->runtime().database().session();
		const auto e = _host->createCustomer("e", "e@example.com");
		_host->createInvoice(e, "W-e", "5");
		session << "UPDATE customers SET email = 'not an address' WHERE id = ?", bind(e), now;
		std::string text, html;
		script([&](const ComposedMessage& m) {
			if (m.to == "owner@example.com")
			{
				text = m.text;
				html = m.html;
			}
			if (m.to == "b@example.com") return reply(Delivery::State::REJECTED, 550, "550 5.1.1 No such user");
			return reply(Delivery::State::ACCEPTED, 250, "250 2.0.0 Ok: queued as 4F2");
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT_MESSAGE(text, text.find("250 250") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("550 550") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("(server's reply: 250 2.0.0 Ok: queued as 4F2)") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("accepted by the mail server: 2") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("rejected by the mail server: 1") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("invalid email address: \"not an address\"") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("delivered") == std::string::npos);
		// The headline counts who was due, not who was reached: the states follow.
		CPPUNIT_ASSERT_MESSAGE(text, text.find("Customers due a reminder: 3") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("Customers reminded") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, text.find("your relay or the recipient's") != std::string::npos);
		// The HTML headline is labelled like the text one.
		CPPUNIT_ASSERT_MESSAGE(html, html.find("Customers due a reminder: 3") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(html, html.find("Invoices listed: 3") != std::string::npos);
		(void)customers;
	}

	void testFutureWeekIsRefused()
	{
		fourCustomers();
		pin(MONDAY_10); // week 2026-W49
		Reply future = _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "2026-12-07"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(future.body, 409, future.status);
		CPPUNIT_ASSERT_EQUAL(std::string("week_not_begun"), future.errorCode());
		CPPUNIT_ASSERT_EQUAL(std::string("date"), future.errorField());
		CPPUNIT_ASSERT_EQUAL(0, spoolCount());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0),
							 _host->call("GET", "/api/plugins/reminders/runs").object()->getArray("items")->size());
		// An earlier week is over: refused too, nothing sent.
		Reply past = _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "2026-11-29"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(past.body, 409, past.status);
		CPPUNIT_ASSERT_EQUAL(std::string("week_over"), past.errorCode());
		CPPUNIT_ASSERT_EQUAL(0, spoolCount());
		// Any day of this week is fine.
		runToEnd(*_host, R"({"date": "2026-12-06"})");
		CPPUNIT_ASSERT_EQUAL(3, spoolCount());
	}

	void testAnswerNamesTheWeeksRun()
	{
		fourCustomers();
		pin(MONDAY_10 + 7 * 24 * 60 * MINUTE); // the week after: W50
		Reply w50 = runToEnd(*_host);
		CPPUNIT_ASSERT_EQUAL(1, w50.object()->getValue<int>("id"));
		execute("2026-11-30"); // an operator's command line catches up W49: run 2, the newest
		Reply again = _host->call("POST", "/api/plugins/reminders/runs", "{}");
		const std::string summary = again.object()->getValue<std::string>("summary");
		CPPUNIT_ASSERT_MESSAGE(summary, summary.find("already has its run (run 1)") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(1, again.object()->getValue<int>("run_id")); // the week's run, not the newest
	}

	void testHistoryShowsNoServerPathNewestFirst()
	{
		const auto customers = fourCustomers();
		pin(MONDAY_10 + 7 * 24 * 60 * MINUTE);
		// W50 first, then an operator's catch-up of W49: the rows are
		// written in the other order than the weeks.
		runToEnd(*_host);
		execute("2026-11-30");
		Reply history =
			_host->call("GET", "/api/plugins/reminders/invoices/" + std::to_string(customers[0].second) + "/history",
						"", TestHost::ACCOUNTANT);
		auto items = history.object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), items->size());
		CPPUNIT_ASSERT_EQUAL(std::string("2026-12-07"), items->getObject(0)->getValue<std::string>("date"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-11-30"), items->getObject(1)->getValue<std::string>("date"));
		for (std::size_t i = 0; i < items->size(); ++i)
		{
			const std::string reply = items->getObject(i)->getValue<std::string>("reply_text");
			CPPUNIT_ASSERT_MESSAGE(reply, reply.find(_host->folder()) == std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(reply, reply.find('/') == std::string::npos);
		}
	}

	void testSavedScheduleReArmsTheTimer()
	{
		// Sunday noon, reminders on: the timer looks again within the hour.
		pin(SUNDAY_NOON);
		_host->runtime().scheduler().reschedule("reminders", "reminders.weekly");
		auto next = [&] {
			for (const auto& task: _host->runtime().scheduler().tasks())
				if (task.name == "reminders.weekly") return at(*task.nextRun);
			return std::string();
		};
		CPPUNIT_ASSERT_EQUAL(at(SUNDAY_NOON + 60 * MINUTE), next());
		// The week's moment moved to Sunday 12:30: armed for it as soon as it is saved.
		Reply saved = _host->call("PUT", "/api/plugins/reminders/settings",
								  R"({"send_weekday": "sunday", "send_time": "12:30"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 200, saved.status);
		CPPUNIT_ASSERT_EQUAL(at(SUNDAY_NOON + 30 * MINUTE), next());
		// Switched off: no run to arm for; the timer only looks again later.
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"enabled": false})");
		CPPUNIT_ASSERT_EQUAL(at(SUNDAY_NOON + 60 * MINUTE), next());
	}

	void testABrokenTransportIsRecordedAndTheTimerReArmed()
	{
		// The spool folder's path is taken by a file: the real plugin's
		// transport cannot be made. A week run through the API records
		// that on every message (no path shown), and the timer is armed
		// for the retry at once, not at its next hourly look.
		restart({{"reminders.retry.delay_minutes", "15"}});
		fourCustomers();
		Poco::FileOutputStream(_host->folder() + "/spool") << "not a folder";
		pin(MONDAY_10);
		runToEnd(*_host);
		for (const char* to: {"a@example.com", "b@example.com", "c@example.com"})
		{
			CPPUNIT_ASSERT_EQUAL(std::string("deferred"), stateOf(to));
			const std::string reply = column("reply_text", to);
			CPPUNIT_ASSERT_MESSAGE(reply, reply.find("could not be set up") != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(reply, reply.find(_host->folder()) == std::string::npos);
		}
		for (const auto& task: _host->runtime().scheduler().tasks())
			if (task.name == "reminders.weekly") CPPUNIT_ASSERT_EQUAL(at(MONDAY_10 + 15 * MINUTE), at(*task.nextRun));
	}

	void testTimerNeverSpins()
	{
		// The host's own scheduler with its clock moved by hand, in the
		// states that made it spin: ten simulated minutes each.
		Poco::AutoPtr<CountingChannel> channel(new CountingChannel);
		Poco::Logger::root().setChannel(channel);
		for (const char* name: {"erp.scheduler", "erp.plugin.reminders"})
		{
			Poco::Logger::get(name).setChannel(channel);
			Poco::Logger::get(name).setLevel(Poco::Message::PRIO_INFORMATION);
		}
		// The host (and so its scheduler) is made anew by each restart.
		auto scheduler = [&]() -> host::TaskScheduler& { return _host->runtime().scheduler(); };
		auto starts = [&] {
			for (const auto& task: scheduler().tasks())
				if (task.name == "reminders.weekly") return task.starts;
			CPPUNIT_FAIL("no reminders.weekly task");
			return 0UL;
		};
		auto tenMinutes = [&](const Poco::Timestamp& from) {
			pin(from);
			scheduler().reschedule("reminders", "reminders.weekly");
			const unsigned long before = starts();
			channel->lines = 0;
			const Poco::Timestamp end = from + 10 * MINUTE;
			for (int passes = 0; clock().now() < end && passes < 100000; ++passes)
			{
				const std::optional<Poco::Timestamp> next = scheduler().runDue();
				Poco::Timestamp to = clock().now() + MINUTE;
				if (next) to = *next > clock().now() ? *next : clock().now() + 1000;
				pin(std::min(to, end));
			}
			return starts() - before;
		};

		// 1. Switched on on Tuesday, after this week's moment, with no run.
		restart({}, MONDAY_10 + 24 * 60 * MINUTE);
		fourCustomers();
		CPPUNIT_ASSERT_EQUAL(0UL, tenMinutes(MONDAY_10 + 25 * 60 * MINUTE));
		CPPUNIT_ASSERT_MESSAGE(std::to_string(channel->lines), channel->lines <= 2);

		// 2. A run started by hand before the week's moment, with a deferred
		// message whose retry comes before that moment.
		restart({});
		fourCustomers();
		script([](const ComposedMessage& m) {
			return m.to == "b@example.com" ? reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later")
										   : accepted(m);
		});
		pin(MONDAY_8 - 60 * MINUTE); // 07:00, before the 09:00 moment
		execute("2026-11-30");
		Poco::Data::Session session = _host->runtime().database().session();
		session << "UPDATE reminder_messages SET next_attempt_at = ? WHERE state = 'deferred'",
			bind(at(MONDAY_8 - 55 * MINUTE)), now;
		const unsigned long retried = tenMinutes(MONDAY_8 - 58 * MINUTE);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(retried), retried >= 1 && retried <= 3);
		CPPUNIT_ASSERT_MESSAGE(std::to_string(channel->lines), channel->lines <= 10);
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), stateOf("b@example.com")); // the real plugin spools

		// 3. The database fails while the next run is computed.
		session << "ALTER TABLE reminder_settings RENAME TO reminder_settings_away", now;
		CPPUNIT_ASSERT_EQUAL(0UL, tenMinutes(MONDAY_8 + 3 * 60 * MINUTE));
		CPPUNIT_ASSERT_MESSAGE(std::to_string(channel->lines), channel->lines >= 3 && channel->lines <= 8);
		session << "ALTER TABLE reminder_settings_away RENAME TO reminder_settings", now;
		Poco::Logger::root().setChannel(nullptr);
	}

	void testRetryLeftByAnotherProcessIsSentWithinAMinute()
	{
		// The serving host's timer looks again at most an hour ahead. Another
		// process (erp-host --run-task, another instance: here the fixture's
		// own WeeklyRun) runs the week meanwhile and leaves a retry due in
		// five minutes; nobody re-arms this host's timer. It must still send
		// the retry within about a minute of its time, not at its next look.
		restart({});
		fourCustomers();
		script([](const ComposedMessage& m) {
			return m.to == "b@example.com" ? reply(Delivery::State::DEFERRED, 451, "4.3.0 Try again later")
										   : accepted(m);
		});
		host::TaskScheduler& scheduler = _host->runtime().scheduler();
		pin(MONDAY_8 - 120 * MINUTE); // 06:00, three hours before the 09:00 moment
		scheduler.reschedule("reminders", "reminders.weekly");
		auto nextRun = [&] {
			for (const auto& task: scheduler.tasks())
				if (task.name == "reminders.weekly") return *task.nextRun;
			CPPUNIT_FAIL("no reminders.weekly task");
			return Poco::Timestamp();
		};
		CPPUNIT_ASSERT_EQUAL(at(MONDAY_8 - 60 * MINUTE), at(nextRun())); // armed for 07:00
		execute("2026-11-30");                                           // the other process
		CPPUNIT_ASSERT_EQUAL(std::string("deferred"), stateOf("b@example.com"));
		Poco::Data::Session session = _host->runtime().database().session();
		session << "UPDATE reminder_messages SET next_attempt_at = ? WHERE state = 'deferred'",
			bind(at(MONDAY_8 - 115 * MINUTE)), now; // 06:05
		// The timer, its clock moved by hand, until 06:07.
		const Poco::Timestamp end = MONDAY_8 - 113 * MINUTE;
		for (int passes = 0; clock().now() < end && passes < 100000; ++passes)
		{
			const std::optional<Poco::Timestamp> next = scheduler.runDue();
			Poco::Timestamp to = clock().now() + MINUTE;
			if (next) to = *next > clock().now() ? *next : clock().now() + 1000;
			pin(std::min(to, end));
		}
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), stateOf("b@example.com")); // the real plugin spools
	}

	void testRefusedCredentialsStopTheRun()
	{
		// A 535 is not one customer's fate: the run stops sending at once,
		// every message it meant to send is failed with the reply (not
		// deferred, never retried), and the owner reads it first.
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"fallback_language": "en"})");
		fourCustomers();
		int customerSends = 0;
		std::string text, html;
		script([&](const ComposedMessage& m) -> Delivery {
			if (m.to == "owner@example.com")
			{
				text = m.text;
				html = m.html;
				return accepted(m);
			}
			++customerSends;
			throw CredentialsRefused(535, "5.7.8 Authentication credentials invalid");
		});
		pin(MONDAY_10);
		const erp::TaskResult result = execute("2026-11-30");
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.summary.find("refused the credentials") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(1, customerSends);

		auto run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("done"), run->getValue<std::string>("state"));
		auto counts = run->getObject("counts");
		CPPUNIT_ASSERT_EQUAL(3, counts->getValue<int>("failed"));
		CPPUNIT_ASSERT(!counts->has("deferred") && !counts->has("pending"));
		auto reminded = run->getArray("reminded");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), reminded->size());
		for (std::size_t i = 0; i < reminded->size(); ++i)
		{
			auto message = reminded->getObject(i);
			CPPUNIT_ASSERT_EQUAL(std::string("failed"), message->getValue<std::string>("state"));
			CPPUNIT_ASSERT_EQUAL(535, message->getValue<int>("reply_code"));
			CPPUNIT_ASSERT_EQUAL(std::string("authentication failed: 535 5.7.8 Authentication credentials invalid"),
								 message->getValue<std::string>("reply_text"));
		}
		const std::string alert = run->getObject("alert")->getValue<std::string>("message");
		CPPUNIT_ASSERT_EQUAL(std::string("The mail server refused the reminders' credentials: 535 5.7.8 Authentication "
										 "credentials invalid; no reminder was sent"),
							 alert);
		CPPUNIT_ASSERT_EQUAL(std::string("credentials_refused"),
							 run->getObject("alert")->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(3, _host->auditCount("reminders.message.failed"));

		// The owner's report opens with it, before the figures.
		const std::size_t top = text.find(alert);
		CPPUNIT_ASSERT_MESSAGE(text, top != std::string::npos && top < text.find("Customers due a reminder"));
		CPPUNIT_ASSERT_MESSAGE(html, html.find("refused the reminders&#39; credentials") <
										 html.find("Customers due a reminder"));
		CPPUNIT_ASSERT_MESSAGE(text,
							   text.find("not sent: the mail server refused the credentials: 3") != std::string::npos);

		// Nothing is retried: not by the timer, not by another call.
		_sent.clear();
		customerSends = 0;
		pin(MONDAY_10 + 120 * MINUTE);
		erp::TaskRun timer;
		timer.actor = "scheduler";
		CPPUNIT_ASSERT(_weekly->execute(timer).ok);
		execute("2026-11-30");
		CPPUNIT_ASSERT(_sent.empty());
	}

	void testRefusedCredentialsFailTheReportToo()
	{
		// The owner's report goes through the same relay and meets the same
		// refusal: it is recorded as failed with the reply, once.
		fourCustomers();
		std::string text;
		script([&](const ComposedMessage& m) -> Delivery {
			if (m.to == "owner@example.com") text = m.text;
			throw CredentialsRefused(535, "535 5.7.8 Authentication credentials invalid");
		});
		pin(MONDAY_10);
		CPPUNIT_ASSERT(execute("2026-11-30").ok);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), _sent.size()); // one customer, then the report
		auto run = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("failed"), run->getValue<std::string>("report"));
		auto report = run->getArray("reports")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("authentication failed: 535 5.7.8 Authentication credentials invalid"),
							 report->getValue<std::string>("reply_text"));
		CPPUNIT_ASSERT_EQUAL(1, report->getValue<int>("attempts"));
		CPPUNIT_ASSERT(report->isNull("next_attempt_at"));
		CPPUNIT_ASSERT(!run->isNull("alert"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.report.failed"));
		// In the owner's language (Greek by default), at the top.
		CPPUNIT_ASSERT_MESSAGE(text, text.find("απέρριψε τα διαπιστευτήρια") < text.find("Πελάτες προς υπενθύμιση"));

		_sent.clear();
		pin(MONDAY_10 + 60 * MINUTE);
		erp::TaskRun timer;
		timer.actor = "scheduler";
		CPPUNIT_ASSERT(_weekly->execute(timer).ok);
		execute("2026-11-30");
		CPPUNIT_ASSERT(_sent.empty());
		CPPUNIT_ASSERT_EQUAL(
			std::string("failed"),
			_host->call("GET", "/api/plugins/reminders/runs/1").object()->getValue<std::string>("report"));
	}

private:
	void start(const std::map<std::string, std::string>& extra, const Poco::Timestamp& switchedOnAt = SUNDAY_NOON)
	{
		openHost(extra, switchedOnAt);
		_weekly = weeklyRun([this] { return std::make_unique<ScriptedTransport>(_script, _sent); });
		switchOn();
		pin(std::max(switchedOnAt, MONDAY_10)); // tests start on Monday, after the week's moment
	}

	void restart(const std::map<std::string, std::string>& extra, const Poco::Timestamp& switchedOnAt = SUNDAY_NOON)
	{
		tearDown();
		start(extra, switchedOnAt);
	}

	void unpin()
	{
		clock().unpin();
	}

	std::string column(const std::string& name, const std::string& recipient)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		std::vector<Poco::Nullable<std::string>> values;
		std::string to = recipient;
		session << "SELECT CAST(" + name +
					   " AS CHAR) FROM reminder_messages m JOIN customers c ON c.id = "
					   "m.customer_id WHERE c.email = ? ORDER BY m.id DESC LIMIT 1",
			use(to), into(values), now;
		if (values.empty() || values.front().isNull()) return "";
		return values.front().value();
	}

	std::string stateOf(const std::string& recipient)
	{
		return column("state", recipient);
	}

	void script(ScriptedTransport::Script script)
	{
		_script = std::move(script);
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"owner_email": "owner@example.com"})");
	}

	// a, b, c with an address and one invoice each; d without an address.
	std::vector<std::pair<Poco::Int64, Poco::Int64>> fourCustomers()
	{
		std::vector<std::pair<Poco::Int64, Poco::Int64>> result;
		for (const char* name: {"a", "b", "c", "d"})
		{
			const std::string email = std::string(name) == "d" ? "" : std::string(name) + "@example.com";
			const auto customer = _host->createCustomer(name, email);
			result.emplace_back(customer, _host->createInvoice(customer, std::string("W-") + name, "100"));
		}
		return result;
	}

	int spoolCount()
	{
		int files = 0;
		const std::string folder = _host->folder() + "/spool";
		if (!Poco::File(folder).exists()) return 0;
		for (Poco::DirectoryIterator it(folder), end; it != end; ++it)
			files += it.name().size() > 4 && it.name().substr(it.name().size() - 4) == ".eml";
		return files;
	}

	ScriptedTransport::Script _script;
	std::vector<std::string> _sent;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WeeklyRunTest, "plugin");
