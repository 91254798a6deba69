//
// WeeklyRunTest.cpp
//


#include "plugin/WeeklyRun.h"
#include "PluginHost.h"
#include "TestHost.h"
#include "plugin/core/ReminderPlanner.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>


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

} // namespace


class WeeklyRunTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(WeeklyRunTest);
	CPPUNIT_TEST(testEveryStateIsRecordedAndReported);
	CPPUNIT_TEST(testDeferredIsRetriedThenDone);
	CPPUNIT_TEST(testDeferredTooOftenFails);
	CPPUNIT_TEST(testInterruptedSendIsNeverRepeated);
	CPPUNIT_TEST(testNewWeekClosesTheLastOne);
	CPPUNIT_TEST(testLiveLeaseIsLeftAlone);
	CPPUNIT_TEST(testPaymentDuringTheRunIsHonoured);
	CPPUNIT_TEST(testOnceAWeekUnlessForced);
	CPPUNIT_TEST(testNextRun);
	CPPUNIT_TEST(testSwitchedOnMidWeekStartsNextWeek);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		start({});
	}

	void tearDown() override
	{
		_weekly.reset();
		_facade.reset();
		_host.reset();
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
		CPPUNIT_ASSERT((_sent == std::vector<std::string>{"b@example.com"})); // only the deferred one, no second report
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
		RunStore store("sqlite");
		{
			session << "BEGIN IMMEDIATE", now;
			const auto claim = store.claim(session, "2026-W49", "2026-11-30", "dead-host:1", "2000-01-01T07:00:00.000Z",
										   "2000-01-01T07:05:00.000Z", false, "scheduler");
			ReminderSettings settings = SettingsStore("sqlite").load(session);
			const ReminderPlanner planner(settings, *CalendarDate::parse("2026-11-30"));
			std::vector<CustomerPlan> plans;
			PlanningStore().forEachCandidate(session, planner.earliestBasis(), planner.latestBasis(),
											 [&](const CustomerContact& c, const std::vector<OpenInvoice>& i) {
												 if (auto plan = planner.planCustomer(c, i)) plans.push_back(*plan);
												 return true;
											 });
			store.savePlan(session, claim.run.id, plans, "2026-11-30T07:00:01.000Z");
			session << "UPDATE reminder_messages SET state = 'sending', attempts = 1 WHERE recipient = 'b@example.com'",
				now;
			session << "COMMIT", now;
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
		const auto customers = fourCustomers();
		const std::string pay = "/api/invoices/" + std::to_string(customers[1].second) + "/payments";
		script([&](const ComposedMessage& m) {
			if (m.to == "a@example.com") // while a's reminder goes out, b pays in full
				CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", pay, R"({"amount": "100"})").status);
			return reply(Delivery::State::ACCEPTED, 250, "2.0.0 Ok");
		});
		execute("2026-11-30");
		CPPUNIT_ASSERT(std::find(_sent.begin(), _sent.end(), "b@example.com") == _sent.end());
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(1, report->getObject("counts")->getValue<int>("cancelled"));
	}

	void testOnceAWeekUnlessForced()
	{
		fourCustomers();
		Reply first = _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "2026-11-30"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 200, first.status);
		const int spooled = spoolCount();
		CPPUNIT_ASSERT_EQUAL(3, spooled); // a, b, c (no owner address in the API's run: see below)
		Reply again = _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "2026-12-02"})");
		CPPUNIT_ASSERT(again.object()->getValue<std::string>("summary").find("already has its run") !=
					   std::string::npos);
		CPPUNIT_ASSERT_EQUAL(spooled, spoolCount());
		CPPUNIT_ASSERT_EQUAL(
			403, _host->call("POST", "/api/plugins/reminders/runs", R"({"force": true})", TestHost::ACCOUNTANT).status);
		Reply forced = _host->call("POST", "/api/plugins/reminders/runs", R"({"date": "2026-11-30", "force": true})");
		CPPUNIT_ASSERT_EQUAL(200, forced.status);
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
		// Reminders were switched on just now (setUp), after this week's
		// moment: the timer's run sends nothing this week...
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

private:
	void start(const std::map<std::string, std::string>& extra)
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true, "", extra);
		_facade = std::make_unique<host::PluginHost>(
			_host->runtime().services(),
			host::PluginManifest::read(TestHost::remindersPluginsDirectory() + "/reminders"));
		_templates = std::make_unique<TemplateSet>(TestHost::remindersPluginsDirectory() + "/reminders/templates");
		_weekly = std::make_unique<WeeklyRun>(*_facade, _settingsStore, _planning, _runs, *_templates,
											  [this] { return std::make_unique<ScriptedTransport>(_script, _sent); });
		Reply on = _host->call("PUT", "/api/plugins/reminders/settings",
							   R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 0})");
		CPPUNIT_ASSERT_EQUAL(200, on.status);
	}

	void restart(const std::map<std::string, std::string>& extra)
	{
		tearDown();
		start(extra);
	}

	void script(ScriptedTransport::Script script)
	{
		_script = std::move(script);
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"owner_email": "owner@example.com"})");
	}

	erp::TaskResult execute(const std::string& date)
	{
		erp::TaskRun run;
		run.onDemand = true;
		run.actor = "test";
		run.today = date;
		return _weekly->execute(run);
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

	std::unique_ptr<TestHost> _host;
	std::unique_ptr<host::PluginHost> _facade;
	std::unique_ptr<TemplateSet> _templates;
	SettingsStore _settingsStore{"sqlite"};
	PlanningStore _planning;
	RunStore _runs{"sqlite"};
	std::unique_ptr<WeeklyRun> _weekly;
	ScriptedTransport::Script _script;
	std::vector<std::string> _sent;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WeeklyRunTest, "plugin");
