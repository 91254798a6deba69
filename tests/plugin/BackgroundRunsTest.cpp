//
// BackgroundRunsTest.cpp
//


#include "plugin/BackgroundRuns.h"
#include "HostClock.h"
#include "PluginHost.h"
#include "TestHost.h"
#include "erp/Instant.h"
#include "plugin/RunsResource.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <mutex>


using namespace reminders;
using tests::Reply;
using tests::TestHost;


namespace {

// Monday 30 November 2026, 10:00 in Athens (08:00 UTC): week 2026-W49 has begun.
const Poco::Timestamp MONDAY_10 = Poco::Timestamp::fromEpochTime(1796018400 + 7200);
const Poco::Timestamp::TimeDiff SECOND = Poco::Timestamp::resolution();


// A transport that holds every send until the test opens it, and says when
// a send is waiting: the run is then claimed, planned and mid-send.
class GatedTransport: public Transport
{
public:
	struct Gate
	{
		std::mutex mutex;
		std::condition_variable changed;
		bool open = false;
		int waiting = 0;
		int sent = 0;
	};

	explicit GatedTransport(Gate& gate):
		_gate(gate)
	{}

	Delivery send(const ComposedMessage&) override
	{
		std::unique_lock<std::mutex> lock(_gate.mutex);
		++_gate.waiting;
		_gate.changed.notify_all();
		_gate.changed.wait(lock, [this] { return _gate.open; });
		--_gate.waiting;
		++_gate.sent;
		return Delivery{Delivery::State::ACCEPTED, 250, "2.0.0 Ok"};
	}

	std::string describe() const override
	{
		return "gated";
	}

private:
	Gate& _gate;
};

} // namespace


class BackgroundRunsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(BackgroundRunsTest);
	CPPUNIT_TEST(testAnswersOnceClaimedWhileTheSendsGoOn);
	CPPUNIT_TEST(testASecondStartNamesTheRunningOne);
	CPPUNIT_TEST(testARunThatClaimsNothingIsAnsweredAtOnce);
	CPPUNIT_TEST(testStopWaitsForTheRunAndRefusesNewOnes);
	CPPUNIT_TEST(testProgressFromTheDatabase);
	CPPUNIT_TEST(testTheApiAnswers202Then409);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory());
		_host->runtime().services().clock.pin(MONDAY_10);
		_facade = std::make_unique<host::PluginHost>(
			_host->runtime().services(),
			host::PluginManifest::read(TestHost::remindersPluginsDirectory() + "/reminders"));
		_templates = std::make_unique<TemplateSet>(TestHost::remindersPluginsDirectory() + "/reminders/templates");
		_weekly = std::make_unique<WeeklyRun>(*_facade, _settings, _planning, _runs, *_templates,
											  [this] { return std::make_unique<GatedTransport>(_gate); });
		_background = std::make_unique<BackgroundRuns>(*_facade, *_weekly);
		Reply on = _host->call("PUT", "/api/plugins/reminders/settings",
							   R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 0})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
		// a, b, c with an address and one overdue invoice each; d without an address.
		for (const char* name: {"a", "b", "c", "d"})
			_host->createInvoice(
				_host->createCustomer(name, std::string(name) == "d" ? "" : std::string(name) + "@example.com"),
				std::string("G-") + name, "100");
	}

	void tearDown() override
	{
		openGate();
		_background.reset();
		_weekly.reset();
		_facade.reset();
		_host.reset();
	}

	void testAnswersOnceClaimedWhileTheSendsGoOn()
	{
		const BackgroundRuns::Start started = _background->start(task());
		CPPUNIT_ASSERT(started.kind == BackgroundRuns::Start::Kind::STARTED);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), started.runId.value_or(0));
		waitForASend();
		CPPUNIT_ASSERT_EQUAL(0, sent()); // answered with nothing sent yet
		CPPUNIT_ASSERT_EQUAL(std::string("running"), _background->status(1)->state);
		openGate();
		const BackgroundRuns::Status ended = waitForTheEnd(1);
		CPPUNIT_ASSERT_EQUAL(std::string("finished"), ended.state);
		CPPUNIT_ASSERT_MESSAGE(ended.summary, ended.summary.find("run 1") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(3, sent());
	}

	void testASecondStartNamesTheRunningOne()
	{
		CPPUNIT_ASSERT(_background->start(task()).kind == BackgroundRuns::Start::Kind::STARTED);
		waitForASend();
		erp::TaskRun forced = task();
		forced.force = true;
		const BackgroundRuns::Start again = _background->start(forced);
		CPPUNIT_ASSERT(again.kind == BackgroundRuns::Start::Kind::BUSY);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), again.runId.value_or(0));
		openGate();
		waitForTheEnd(1);
		// Once it has ended, the next start runs (forced: the week's second run).
		const BackgroundRuns::Start next = _background->start(forced);
		CPPUNIT_ASSERT(next.kind == BackgroundRuns::Start::Kind::STARTED);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), next.runId.value_or(0));
		CPPUNIT_ASSERT_EQUAL(std::string("finished"), waitForTheEnd(2).state);
		CPPUNIT_ASSERT_EQUAL(6, sent());
	}

	void testARunThatClaimsNothingIsAnsweredAtOnce()
	{
		Reply off = _host->call("PUT", "/api/plugins/reminders/settings", R"({"enabled": false})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(off.body, 200, off.status);
		const BackgroundRuns::Start started = _background->start(task());
		CPPUNIT_ASSERT(started.kind == BackgroundRuns::Start::Kind::FINISHED);
		CPPUNIT_ASSERT(started.outcome.ok);
		CPPUNIT_ASSERT_MESSAGE(started.outcome.summary,
							   started.outcome.summary.find("turned off") != std::string::npos);
		CPPUNIT_ASSERT(!started.runId);
		CPPUNIT_ASSERT(!_background->status(1));
		// Through the API too (the plugin's own runs): 200 with the reason, no run id.
		Reply answer = _host->call("POST", "/api/plugins/reminders/runs", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(answer.body, 200, answer.status);
		CPPUNIT_ASSERT(answer.object()->isNull("run_id"));
		CPPUNIT_ASSERT(!answer.object()->has("status_url"));
	}

	void testStopWaitsForTheRunAndRefusesNewOnes()
	{
		CPPUNIT_ASSERT(_background->start(task()).kind == BackgroundRuns::Start::Kind::STARTED);
		waitForASend();
		openGate();
		_background->stop();
		CPPUNIT_ASSERT_EQUAL(std::string("finished"), _background->status(1)->state);
		CPPUNIT_ASSERT_EQUAL(3, sent());
		CPPUNIT_ASSERT_THROW(_background->start(task()), Poco::IllegalStateException);
	}

	void testProgressFromTheDatabase()
	{
		// Held at its first send: a is sending, b and c pending, d skipped
		// (no address). GET runs/{id} reads it from the database, whoever runs it.
		CPPUNIT_ASSERT(_background->start(task()).kind == BackgroundRuns::Start::Kind::STARTED);
		waitForASend();
		Poco::JSON::Object::Ptr progress = getProgress(1);
		CPPUNIT_ASSERT_EQUAL(4, progress->getValue<int>("planned"));
		CPPUNIT_ASSERT_EQUAL(1, progress->getValue<int>("decided"));
		CPPUNIT_ASSERT_EQUAL(0, progress->getValue<int>("sent"));
		Poco::JSON::Object::Ptr states = progress->getObject("by_state");
		// a is on the wire; b's row may already be "sending" too (readied
		// while a is out), c is pending.
		const int sending = states->getValue<int>("sending");
		CPPUNIT_ASSERT(sending == 1 || sending == 2);
		CPPUNIT_ASSERT_EQUAL(3 - sending, states->getValue<int>("pending"));
		CPPUNIT_ASSERT_EQUAL(1, states->getValue<int>("skipped"));
		// No time has passed on the pinned clock: no rate, no estimate yet.
		CPPUNIT_ASSERT(progress->isNull("rate"));
		CPPUNIT_ASSERT(progress->isNull("estimated_end"));
		// Ten seconds later: 1 decided in 10 s, 3 left: 0.1/s, the end in 30 s.
		_host->runtime().services().clock.pin(MONDAY_10 + 10 * SECOND);
		progress = getProgress(1);
		CPPUNIT_ASSERT_DOUBLES_EQUAL(0.1, progress->getValue<double>("rate"), 1e-9);
		CPPUNIT_ASSERT_EQUAL(erp::Instant::format(MONDAY_10 + 40 * SECOND),
							 progress->getValue<std::string>("estimated_end"));
		openGate();
		waitForTheEnd(1);
		// Ended: everything decided, the rate over the run's time, no estimate.
		progress = getProgress(1);
		CPPUNIT_ASSERT_EQUAL(4, progress->getValue<int>("decided"));
		CPPUNIT_ASSERT_EQUAL(3, progress->getValue<int>("sent"));
		CPPUNIT_ASSERT(progress->isNull("estimated_end"));
	}

	void testTheApiAnswers202Then409()
	{
		// POST runs as RunsResource answers it over this instance's
		// BackgroundRuns: 202 with the id and where to follow it, then 409
		// naming the same run while it goes on, then the GET's "background".
		BounceStore bounces;
		RunsResource resource(*_facade, _settings, _runs, *_background, bounces);
		erp::HttpRequest post;
		post.method = "POST";
		post.user = "admin";
		post.role = erp::Role::ADMIN;
		const erp::HttpResponse started = resource.start(post);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(started.body, 202, started.status);
		Poco::JSON::Object::Ptr body = parse(started.body);
		CPPUNIT_ASSERT_EQUAL(1, body->getValue<int>("run_id"));
		CPPUNIT_ASSERT_EQUAL(std::string("/api/plugins/reminders/runs/1"), body->getValue<std::string>("status_url"));
		waitForASend();
		post.body = R"({"force": true})";
		const erp::HttpResponse busy = resource.start(post);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(busy.body, 409, busy.status);
		body = parse(busy.body);
		CPPUNIT_ASSERT_EQUAL(std::string("run_in_progress"), body->getObject("error")->getValue<std::string>("code"));
		CPPUNIT_ASSERT_EQUAL(1, body->getValue<int>("run_id"));
		CPPUNIT_ASSERT_EQUAL(std::string("/api/plugins/reminders/runs/1"), body->getValue<std::string>("status_url"));
		erp::HttpRequest get;
		get.method = "GET";
		get.user = "admin";
		get.params["id"] = "1";
		CPPUNIT_ASSERT_EQUAL(std::string("running"),
							 parse(resource.get(get).body)->getObject("background")->getValue<std::string>("state"));
		openGate();
		waitForTheEnd(1);
		body = parse(resource.get(get).body);
		CPPUNIT_ASSERT_EQUAL(std::string("finished"), body->getObject("background")->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(3, body->getObject("progress")->getValue<int>("sent"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.run.start"));
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.run.forced"));
	}

private:
	static Poco::JSON::Object::Ptr parse(const std::string& text)
	{
		Poco::JSON::Parser parser;
		return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
	}

	static erp::TaskRun task()
	{
		erp::TaskRun run;
		run.task = "reminders.weekly";
		run.onDemand = true;
		run.actor = "admin";
		return run;
	}

	Poco::JSON::Object::Ptr getProgress(Poco::Int64 id)
	{
		Reply got = _host->call("GET", "/api/plugins/reminders/runs/" + std::to_string(id), "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(got.body, 200, got.status);
		return got.object()->getObject("progress");
	}

	void waitForASend()
	{
		std::unique_lock<std::mutex> lock(_gate.mutex);
		const bool reached =
			_gate.changed.wait_for(lock, std::chrono::seconds(60), [this] { return _gate.waiting > 0; });
		CPPUNIT_ASSERT_MESSAGE("no send reached the transport", reached);
	}

	void openGate()
	{
		std::lock_guard<std::mutex> lock(_gate.mutex);
		_gate.open = true;
		_gate.changed.notify_all();
	}

	int sent()
	{
		std::lock_guard<std::mutex> lock(_gate.mutex);
		return _gate.sent;
	}

	BackgroundRuns::Status waitForTheEnd(Poco::Int64 id)
	{
		// BackgroundRuns has no wait of its own (the API follows runs by
		// GET): poll its status against a deadline.
		const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
		for (;;)
		{
			const std::optional<BackgroundRuns::Status> status = _background->status(id);
			CPPUNIT_ASSERT(status.has_value());
			if (status->state != "running") return *status;
			CPPUNIT_ASSERT_MESSAGE("run still going", std::chrono::steady_clock::now() < deadline);
			std::this_thread::yield();
		}
	}

	std::unique_ptr<TestHost> _host;
	std::unique_ptr<host::PluginHost> _facade;
	std::unique_ptr<TemplateSet> _templates;
	SettingsStore _settings{TestHost::dialect()};
	PlanningStore _planning{TestHost::dialect()};
	RunStore _runs{TestHost::dialect()};
	std::unique_ptr<WeeklyRun> _weekly;
	std::unique_ptr<BackgroundRuns> _background;
	GatedTransport::Gate _gate;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BackgroundRunsTest, "plugin");
