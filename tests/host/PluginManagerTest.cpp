//
// PluginManagerTest.cpp
//


#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class PluginManagerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PluginManagerTest);
	CPPUNIT_TEST(testLoadsTheRemindersPlugin);
	CPPUNIT_TEST(testRefusals);
	CPPUNIT_TEST(testThrowingStartIsCleanedUp);
	CPPUNIT_TEST(testFailingMigrationRefusesAndKeepsNoPartialFile);
	CPPUNIT_TEST(testDuplicateIdRefused);
	CPPUNIT_TEST(testWellBehavedProbeLoadsAndUnloads);
	CPPUNIT_TEST(testEachLibraryGivesItsOwnClass);
	CPPUNIT_TEST_SUITE_END();

public:
	void testLoadsTheRemindersPlugin()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		Reply reply = host.call("GET", "/api/plugins");
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		auto items = reply.object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), items->size());
		auto plugin = items->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("reminders"), plugin->getValue<std::string>("id"));
		CPPUNIT_ASSERT_EQUAL(std::string(REMINDERS_VERSION), plugin->getValue<std::string>("version"));
		CPPUNIT_ASSERT_EQUAL(std::string("running"), plugin->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), plugin->getArray("hooks")->size());
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.weekly"), plugin->getArray("tasks")->getElement<std::string>(0));
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), plugin->getArray("fields")->size()); // paused_until the fourth
		// Every route of the contract is mounted, the screens' view models too.
		CPPUNIT_ASSERT_EQUAL(std::size_t(16), plugin->getArray("routes")->size()); // ui/disputes the 16th
		CPPUNIT_ASSERT_EQUAL(400, host.call("GET", "/api/plugins/reminders/ui/flags").status);
		CPPUNIT_ASSERT_EQUAL(400, host.call("GET", "/api/plugins/reminders/ui/disputes").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/ui/overview").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/ui/bulk-enable").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/preview?date=2026-11-30").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/runs").status);
	}

	void testRefusals()
	{
		TestHost host(TestHost::testPluginsDirectory() + "/none");
		const struct
		{
			const char* folder;
			const char* reason;
		} cases[] = {
			{"missing-manifest", "no manifest.json"},
			{"missing-library", "library not found"},
			{"manifest-abi", "manifest asks for host ABI 2.0"},
			{"bad-abi", "built for host ABI 99.0"},
			{"wrong-base", "wrong base class"},
			{"throwing-start", "probe start failure"},
			{"failing-migration", "0002_broken.sql"},
		};
		for (const auto& c: cases)
		{
			CPPUNIT_ASSERT_MESSAGE(c.folder,
								   !host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/" + c.folder));
			const auto status = host.runtime().plugins().status();
			CPPUNIT_ASSERT(!status.back().running);
			CPPUNIT_ASSERT_MESSAGE(std::string(c.folder) + ": " + status.back().reason,
								   status.back().reason.find(c.reason) != std::string::npos);
		}
		// The host keeps serving and says why each was refused.
		Reply reply = host.call("GET", "/api/plugins");
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		auto items = reply.object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(std::size_t(7), items->size());
		for (std::size_t i = 0; i < items->size(); ++i)
			CPPUNIT_ASSERT_EQUAL(std::string("refused"),
								 items->getObject(static_cast<unsigned>(i))->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(201, host.call("POST", "/api/customers", R"({"name": "Still here"})").status);
	}

	void testThrowingStartIsCleanedUp()
	{
		TestHost host(TestHost::testPluginsDirectory() + "/none");
		CPPUNIT_ASSERT(!host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/throwing-start"));
		// It had subscribed and mounted a route before throwing: both are gone.
		CPPUNIT_ASSERT(host.runtime().events().subscriptions("throwing-start").empty());
		CPPUNIT_ASSERT_EQUAL(404, host.call("GET", "/api/plugins/throwing-start/ping").status);
		const auto customer = host.createCustomer("C", "c@example.com");
		host.createInvoice(customer, "T-1", "5");
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("probe.seen"));
	}

	void testFailingMigrationRefusesAndKeepsNoPartialFile()
	{
		TestHost host(TestHost::testPluginsDirectory() + "/none");
		CPPUNIT_ASSERT(!host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/failing-migration"));
		Poco::Data::Session session = host.runtime().database().session();
		const int first = TestHost::tableExists(host.runtime().database(), "failing_first") ? 1 : 0;
		const int second = TestHost::tableExists(host.runtime().database(), "failing_second") ? 1 : 0;
		int recorded = 0;
		session << "SELECT COUNT(*) FROM schema_migrations WHERE component = 'failing-migration'",
			Poco::Data::Keywords::into(recorded), Poco::Data::Keywords::now;
		CPPUNIT_ASSERT_EQUAL(1, first);
		CPPUNIT_ASSERT_EQUAL(0, second);
		CPPUNIT_ASSERT_EQUAL(1, recorded);
		CPPUNIT_ASSERT_EQUAL(404, host.call("GET", "/api/plugins/failing-migration/ping").status);
	}

	void testDuplicateIdRefused()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		CPPUNIT_ASSERT(!host.runtime().plugins().load(TestHost::remindersPluginsDirectory() + "/reminders"));
		CPPUNIT_ASSERT(host.runtime().plugins().status().back().reason.find("already running") != std::string::npos);
		// The first one is untouched: still running, routes still mounted.
		CPPUNIT_ASSERT(host.runtime().plugins().status().front().running);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), host.runtime().events().subscriptions("reminders").size());
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/settings").status);
	}

	void testWellBehavedProbeLoadsAndUnloads()
	{
		TestHost host(TestHost::testPluginsDirectory() + "/none");
		CPPUNIT_ASSERT(host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/probe"));
		Reply ping = host.call("GET", "/api/plugins/probe/ping");
		CPPUNIT_ASSERT_EQUAL(200, ping.status);
		CPPUNIT_ASSERT_EQUAL(std::string("probe"), ping.object()->getValue<std::string>("id"));
		const auto customer = host.createCustomer("C", "c@example.com");
		const auto invoice = host.createInvoice(customer, "W-1", "5");
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("probe.seen", std::to_string(invoice)));
		host.runtime().plugins().unloadAll();
		CPPUNIT_ASSERT_EQUAL(404, host.call("GET", "/api/plugins/probe/ping").status);
		CPPUNIT_ASSERT(host.runtime().events().subscriptions("probe").empty());
		host.createInvoice(customer, "W-2", "5");
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("probe.seen"));
	}

	void testEachLibraryGivesItsOwnClass()
	{
		// probe.so and throwing-start.so both export a ProbePlugin: the second
		// must run its own (which throws), not the class of the first library.
		TestHost host(TestHost::testPluginsDirectory() + "/none");
		CPPUNIT_ASSERT(host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/probe"));
		CPPUNIT_ASSERT(!host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/throwing-start"));
		CPPUNIT_ASSERT(host.runtime().plugins().status().back().reason.find("probe start failure") !=
					   std::string::npos);
		CPPUNIT_ASSERT_EQUAL(404, host.call("GET", "/api/plugins/throwing-start/ping").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/probe/ping").status);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PluginManagerTest, "host");
