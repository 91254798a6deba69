//
// OpsEndpointTest.cpp
//


#include "OpsHttp.h"
#include "TestHost.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>


namespace tests {


class OpsEndpointTest: public CppUnit::TestFixture
/// GET /api/health and GET /metrics on a real host with the reminders plugin.
{
	CPPUNIT_TEST_SUITE(OpsEndpointTest);
	CPPUNIT_TEST(testHealthAnonymousAndAdmin);
	CPPUNIT_TEST(testHealthDatabaseUnreadable);
	CPPUNIT_TEST(testHealthMariaDbStopped);
	CPPUNIT_TEST(testHealthSchedulerOverdue);
	CPPUNIT_TEST(testHealthRefusedPlugin);
	CPPUNIT_TEST(testMetricsNeedAnAdministrator);
	CPPUNIT_TEST(testMetricsCountAndParse);
	CPPUNIT_TEST(testMetricsListener);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory());
	}

	void tearDown() override
	{
		_host.reset();
	}

	static bool has(const std::string& text, const std::string& line)
	{
		return text.find("\n" + line + "\n") != std::string::npos;
	}

	static std::string parseWithPrometheusClient(const std::string& text)
	/// The metric families' names as Python's prometheus_client reads them,
	/// one a line; fails the test when its parser refuses the text.
	{
		Poco::TemporaryFile file;
		{
			Poco::FileOutputStream out(file.path());
			out << text;
		}
		const std::string script = "import sys\n"
								   "from prometheus_client.parser import text_string_to_metric_families\n"
								   "for family in text_string_to_metric_families(open(sys.argv[1]).read()):\n"
								   "    for sample in family.samples:\n"
								   "        pass\n"
								   "    print(family.name, family.type, len(family.samples))\n";
		Poco::Pipe outPipe, errPipe;
		// Debian's python3, which python3-prometheus-client installs for.
		const std::string python = Poco::File("/usr/bin/python3").exists() ? "/usr/bin/python3" : "python3";
		Poco::ProcessHandle handle =
			Poco::Process::launch(python, {"-c", script, file.path()}, nullptr, &outPipe, &errPipe);
		Poco::PipeInputStream out(outPipe), err(errPipe);
		std::string output, errors;
		Poco::StreamCopier::copyToString(out, output);
		Poco::StreamCopier::copyToString(err, errors);
		const int status = handle.wait();
		CPPUNIT_ASSERT_EQUAL_MESSAGE(errors + "\n" + text, 0, status);
		return output;
	}

	void testHealthAnonymousAndAdmin()
	{
		const OpsReply plain = opsGet(_host->runtime().httpPort(), "/api/health");
		CPPUNIT_ASSERT_EQUAL(200, plain.status);
		CPPUNIT_ASSERT_EQUAL(std::string("application/json; charset=utf-8"), plain.contentType);
		// The scheduler is off in the tests' hosts (TestHost runs tasks by hand).
		CPPUNIT_ASSERT_EQUAL(
			std::string(R"({"status":"ok","checks":{"database":"ok","plugins":"ok","scheduler":"off"},"reasons":[]})"),
			plain.body);
		const OpsReply accountant = opsGet(_host->runtime().httpPort(), "/api/health", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(plain.body, accountant.body);
		const OpsReply admin = opsGet(_host->runtime().httpPort(), "/api/health", TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL(200, admin.status);
		CPPUNIT_ASSERT_MESSAGE(admin.body, admin.body.find(R"("running":["reminders"])") != std::string::npos);
		// A wrong token is no token: the plain answer, not a 401.
		CPPUNIT_ASSERT_EQUAL(plain.body,
							 opsGet(_host->runtime().httpPort(), "/api/health", "wrong-token-0000000000").body);
		CPPUNIT_ASSERT_EQUAL(405, opsGet(_host->runtime().httpPort(), "/api/health", "", "POST").status);
	}

	void testHealthDatabaseUnreadable()
	{
		if (TestHost::dialect() != "sqlite") return; // MariaDB: scripts/ops-health-mariadb (ctest ops_health_mariadb)
		// The database file replaced under the running host by one that is
		// not a database: the pool's open connections do not see it, the
		// health check's fresh read-only one does.
		const std::string file = _host->folder() + "/erp.sqlite";
		Poco::File(file).renameTo(file + ".away");
		{
			Poco::FileOutputStream garbage(file);
			garbage << std::string(4096, 'x');
		}
		const OpsReply down = opsGet(_host->runtime().httpPort(), "/api/health");
		CPPUNIT_ASSERT_EQUAL(503, down.status);
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"status":"unavailable","checks":{"database":"failing","plugins":"ok",)"
										 R"("scheduler":"off"},"reasons":["the database does not answer"]})"),
							 down.body);
		const OpsReply details = opsGet(_host->runtime().httpPort(), "/api/health", TestHost::ADMIN);
		CPPUNIT_ASSERT_MESSAGE(details.body, details.body.find("is not the one the host opened") != std::string::npos);
		const OpsReply metrics = opsGet(_host->runtime().httpPort(), "/metrics", TestHost::ADMIN);
		CPPUNIT_ASSERT_MESSAGE(metrics.body, has(metrics.body, "erp_database_up 0"));
		// Back in place: healthy again.
		Poco::File(file).remove();
		Poco::File(file + ".away").renameTo(file);
		CPPUNIT_ASSERT_EQUAL(200, opsGet(_host->runtime().httpPort(), "/api/health").status);
	}

	static std::string script(const std::vector<std::string>& args)
	{
		Poco::Pipe outPipe;
		Poco::ProcessHandle handle = Poco::Process::launch(std::string(ERP_SOURCE_DIR) + "/scripts/mariadb-test-server",
														   args, nullptr, &outPipe, nullptr);
		Poco::PipeInputStream out(outPipe);
		std::string output;
		Poco::StreamCopier::copyToString(out, output);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(output, 0, handle.wait());
		return output;
	}

	void testHealthMariaDbStopped()
	{
		if (TestHost::dialect() != "mysql") return; // SQLite: testHealthDatabaseUnreadable
		// A throwaway server of this test's own, stopped under the running host.
		Poco::TemporaryFile folder;
		const std::string port = Poco::trim(script({"start", folder.path()}));
		struct Stop
		{
			std::string folder;
			~Stop()
			{
				try
				{
					script({"stop", folder});
				}
				catch (...)
				{
					// Reported by the test already.
				}
			}
		} stop{folder.path()};
		_host.reset();
		_host = std::make_unique<TestHost>(
			TestHost::remindersPluginsDirectory(), true, "",
			std::map<std::string, std::string>{
				{"database.connection", "host=127.0.0.1;port=" + port + ";user=erp;password=erp-test;db=erp"}});
		CPPUNIT_ASSERT_EQUAL(200, opsGet(_host->runtime().httpPort(), "/api/health").status);
		script({"stop", folder.path()});
		const OpsReply down = opsGet(_host->runtime().httpPort(), "/api/health");
		CPPUNIT_ASSERT_EQUAL(503, down.status);
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"status":"unavailable","checks":{"database":"failing","plugins":"ok",)"
										 R"("scheduler":"off"},"reasons":["the database does not answer"]})"),
							 down.body);
		const OpsReply metrics = opsGet(_host->runtime().httpPort(), "/metrics", TestHost::ADMIN);
		// The users are in memory: /metrics answers, and says what it could not read.
		CPPUNIT_ASSERT_EQUAL(200, metrics.status);
		CPPUNIT_ASSERT_MESSAGE(metrics.body, has(metrics.body, "erp_database_up 0"));
		CPPUNIT_ASSERT_MESSAGE(metrics.body,
							   has(metrics.body, R"(erp_metrics_collect_failures_total{owner="reminders"} 3)"));
		parseWithPrometheusClient(metrics.body);
		_host.reset();
	}

	void testHealthSchedulerOverdue()
	{
		// A task due an hour ago that nobody started: as if the timer thread had died.
		host::HostRuntime& runtime = _host->runtime();
		host::HostClock& clock = runtime.services().clock;
		// Now (the reminders task is due in the future), the test's task an hour ago.
		const Poco::Timestamp noon;
		clock.pin(noon);
		const Poco::Timestamp due = noon - Poco::Timespan(3600, 0).totalMicroseconds();
		runtime.scheduler().registerTask(
			"test", "test.late", [due](const Poco::Timestamp&) { return std::optional<Poco::Timestamp>(due); },
			[](const erp::TaskRun&) {
				return erp::TaskResult{true, "ran"};
			});
		runtime.health().schedulerExpected(true);
		runtime.health().schedulerStarted(true);
		const OpsReply stuck = opsGet(runtime.httpPort(), "/api/health", TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL(503, stuck.status);
		CPPUNIT_ASSERT_MESSAGE(stuck.body, stuck.body.find("test.late is overdue by 3600 s") != std::string::npos);
		// Within the grace (300 s by default): alive.
		clock.pin(due + Poco::Timespan(299, 0).totalMicroseconds());
		CPPUNIT_ASSERT_EQUAL(200, opsGet(runtime.httpPort(), "/api/health").status);
		// Not started at all.
		runtime.health().schedulerStarted(false);
		CPPUNIT_ASSERT_EQUAL(503, opsGet(runtime.httpPort(), "/api/health").status);
		runtime.scheduler().unregisterTask("test", "test.late");
	}

	void testHealthRefusedPlugin()
	{
		// The plugin folder of the broken test plugins: each refused.
		_host.reset();
		_host = std::make_unique<TestHost>(TestHost::testPluginsDirectory());
		const OpsReply plain = opsGet(_host->runtime().httpPort(), "/api/health");
		CPPUNIT_ASSERT_EQUAL(503, plain.status);
		CPPUNIT_ASSERT_MESSAGE(plain.body, plain.body.find(R"("plugins":"failing")") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(plain.body, plain.body.find("bad-abi") == std::string::npos);
		const OpsReply admin = opsGet(_host->runtime().httpPort(), "/api/health", TestHost::ADMIN);
		CPPUNIT_ASSERT_MESSAGE(admin.body, admin.body.find("bad-abi") != std::string::npos);
	}

	void testMetricsNeedAnAdministrator()
	{
		const int port = _host->runtime().httpPort();
		CPPUNIT_ASSERT_EQUAL(401, opsGet(port, "/metrics").status);
		CPPUNIT_ASSERT_EQUAL(401, opsGet(port, "/metrics", "wrong-token-0000000000").status);
		CPPUNIT_ASSERT_EQUAL(403, opsGet(port, "/metrics", TestHost::ACCOUNTANT).status);
		const OpsReply admin = opsGet(port, "/metrics", TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL(200, admin.status);
		CPPUNIT_ASSERT_EQUAL(std::string("text/plain; version=0.0.4; charset=utf-8"), admin.contentType);
		CPPUNIT_ASSERT_EQUAL(0, _host->runtime().metricsPort()); // no listener unless configured
	}

	void testMetricsCountAndParse()
	{
		const int port = _host->runtime().httpPort();
		CPPUNIT_ASSERT_EQUAL(
			200, _host
					 ->call("PUT", "/api/plugins/reminders/settings",
							R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 0})")
					 .status);
		const Poco::Int64 alpha = _host->createCustomer("Alpha", "alpha@example.com");
		_host->createInvoice(alpha, "A-1", "100", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		const Poco::Int64 beta = _host->createCustomer("Beta", "beta@example.com");
		_host->createInvoice(beta, "B-1", "50", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		const Poco::Int64 none = _host->createCustomer("No Mail", "");
		_host->createInvoice(none, "N-1", "10", R"("issue_date": "2026-09-01", "due_date": "2026-10-01")");
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/customers/" + std::to_string(alpha)).status);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/customers/" + std::to_string(beta)).status);
		CPPUNIT_ASSERT_EQUAL(404, _host->call("GET", "/api/nowhere/7").status);
		const erp::TaskResult run = _host->runtime().runTask("reminders.weekly", "2026-11-23", false, "test");
		CPPUNIT_ASSERT_MESSAGE(run.summary, run.ok);

		const OpsReply reply = opsGet(port, "/metrics", TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		const std::string& text = reply.body;
		// Requests by route pattern (never the id), method and status.
		CPPUNIT_ASSERT_MESSAGE(
			text, has(text, R"(erp_http_requests_total{method="GET",route="/api/customers/{id}",status="200"} 2)"));
		CPPUNIT_ASSERT_MESSAGE(
			text, has(text, R"m(erp_http_requests_total{method="GET",route="(unmatched)",status="404"} 1)m"));
		CPPUNIT_ASSERT_MESSAGE(
			text, has(text, R"(erp_http_requests_total{method="POST",route="/api/customers",status="201"} 3)"));
		// The task's run, its outcome and time.
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_runs_total{outcome="ok",task="reminders.weekly"} 1)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_duration_seconds_count{task="reminders.weekly"} 1)"));
		// The plugin's gauges: two emails spooled, one customer skipped (no address).
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(reminders_messages{state="spooled"} 2)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(reminders_messages{state="skipped"} 1)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(reminders_runs{state="done"} 1)"));
		// The host's gauges.
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_plugins{plugin="reminders",state="running"} 1)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_database_pool_sessions{state="capacity"} 16)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, "erp_database_up 1"));

		const std::string families = parseWithPrometheusClient(text);
		for (const std::string family:
			 {"erp_http_requests counter", "erp_task_runs counter", "erp_task_duration_seconds summary",
			  "reminders_messages gauge", "erp_database_pool_sessions gauge", "erp_plugins gauge"})
			CPPUNIT_ASSERT_MESSAGE(family + " in\n" + families, families.find(family + " ") != std::string::npos);

		// Switched off, the plugin's gauges go with it.
		CPPUNIT_ASSERT_EQUAL(200, _host->call("PUT", "/api/plugins/reminders", R"({"enabled": false})").status);
		const std::string off = opsGet(port, "/metrics", TestHost::ADMIN).body;
		CPPUNIT_ASSERT_MESSAGE(off, off.find("reminders_messages") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(off, has(off, R"(erp_plugins{plugin="reminders",state="disabled"} 1)"));
		parseWithPrometheusClient(off);
	}

	void testMetricsListener()
	{
		_host.reset();
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true, "",
										   std::map<std::string, std::string>{{"metrics.listen", "127.0.0.1:0"}});
		const int listener = _host->runtime().metricsPort();
		CPPUNIT_ASSERT(listener > 0);
		CPPUNIT_ASSERT(listener != _host->runtime().httpPort());
		const OpsReply metrics = opsGet(listener, "/metrics");
		CPPUNIT_ASSERT_EQUAL(200, metrics.status);
		parseWithPrometheusClient(metrics.body);
		CPPUNIT_ASSERT_EQUAL(200, opsGet(listener, "/api/health").status);
		// Only those two: not the API, not the web interface.
		CPPUNIT_ASSERT_EQUAL(404, opsGet(listener, "/api/customers", TestHost::ADMIN).status);
		CPPUNIT_ASSERT_EQUAL(404, opsGet(listener, "/").status);
		// The main port still wants a token.
		CPPUNIT_ASSERT_EQUAL(401, opsGet(_host->runtime().httpPort(), "/metrics").status);
	}

private:
	std::unique_ptr<TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OpsEndpointTest, "ops");


} // namespace tests
