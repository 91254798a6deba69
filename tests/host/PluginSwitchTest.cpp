//
// PluginSwitchTest.cpp
//
// PUT /api/plugins/{id} {"enabled": false|true}: an administrator switches
// a plugin off and on without a restart; the choice is stored, audited
// and remembered at the next start.
//


#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


namespace {

Poco::JSON::Object::Ptr pluginItem(TestHost& host, const std::string& id)
{
	Reply reply = host.call("GET", "/api/plugins");
	CPPUNIT_ASSERT_EQUAL(200, reply.status);
	Poco::JSON::Array::Ptr items = reply.object()->getArray("items");
	for (unsigned i = 0; i < items->size(); ++i)
	{
		Poco::JSON::Object::Ptr item = items->getObject(i);
		if (item->optValue<std::string>("id", "") == id) return item;
	}
	CPPUNIT_FAIL("plugin " + id + " not listed: " + reply.body);
	return nullptr;
}

std::string state(TestHost& host, const std::string& id)
{
	return pluginItem(host, id)->getValue<std::string>("state");
}

} // namespace


class PluginSwitchTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PluginSwitchTest);
	CPPUNIT_TEST(testDisableAndEnableWithoutRestart);
	CPPUNIT_TEST(testAuditedWithActorOldAndNew);
	CPPUNIT_TEST(testRememberedAcrossRestarts);
	CPPUNIT_TEST(testRefusedPluginIsAConflict);
	CPPUNIT_TEST(testUnknownPluginAndBadBodies);
	CPPUNIT_TEST(testAccountantMayNot);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDisableAndEnableWithoutRestart()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		const auto customer = host.createCustomer("C", "c@example.com", R"("reminders": {"enabled": true})");

		Reply off = host.call("PUT", "/api/plugins/reminders", R"({"enabled": false})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(off.body, 200, off.status);
		CPPUNIT_ASSERT_EQUAL(std::string("disabled"), off.object()->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("disabled"), state(host, "reminders"));
		// Stopped and unloaded: no routes, hooks, task or record fields left.
		CPPUNIT_ASSERT_EQUAL(404, host.call("GET", "/api/plugins/reminders/settings").status);
		CPPUNIT_ASSERT(host.runtime().events().subscriptions("reminders").empty());
		CPPUNIT_ASSERT(host.runtime().scheduler().tasks().empty());
		CPPUNIT_ASSERT(!host.runtime().services().records.knows("reminders"));
		Reply invoice = host.call("POST", "/api/invoices",
								  R"({"number": "D-1", "customer_id": )" + std::to_string(customer) +
									  R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})");
		CPPUNIT_ASSERT_EQUAL(201, invoice.status);
		CPPUNIT_ASSERT(!invoice.object()->has("reminders"));
		// Asking again changes nothing.
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders", R"({"enabled": false})").status);

		Reply on = host.call("PUT", "/api/plugins/reminders", R"({"enabled": true})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
		CPPUNIT_ASSERT_EQUAL(std::string("running"), on.object()->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(host, "reminders"));
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/settings").status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), host.runtime().events().subscriptions("reminders").size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), host.runtime().scheduler().tasks().size());
		CPPUNIT_ASSERT(host.createCustomer("After", "after@example.com", R"("reminders": {"enabled": true})") > 0);
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders", R"({"enabled": true})").status);
	}

	void testAuditedWithActorOldAndNew()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		host.call("PUT", "/api/plugins/reminders", R"({"enabled": false})");
		host.call("PUT", "/api/plugins/reminders", R"({"enabled": false})");
		host.call("PUT", "/api/plugins/reminders", R"({"enabled": true})");
		Reply audit = host.call("GET", "/api/audit?entity=plugin&entity_id=reminders");
		CPPUNIT_ASSERT_EQUAL(200, audit.status);
		Poco::JSON::Array::Ptr items = audit.object()->getArray("items");
		// Newest first; the repeated request changed nothing and is not there.
		CPPUNIT_ASSERT_EQUAL_MESSAGE(audit.body, std::size_t(2), items->size());
		const struct
		{
			const char* action;
			bool old;
			bool now;
		} expected[] = {{"plugin.enable", false, true}, {"plugin.disable", true, false}};
		for (unsigned i = 0; i < 2; ++i)
		{
			Poco::JSON::Object::Ptr entry = items->getObject(i);
			CPPUNIT_ASSERT_EQUAL(std::string(expected[i].action), entry->getValue<std::string>("action"));
			CPPUNIT_ASSERT_EQUAL(std::string("admin"), entry->getValue<std::string>("actor"));
			Poco::JSON::Object::Ptr change = entry->getObject("details")->getObject("enabled");
			CPPUNIT_ASSERT_EQUAL(expected[i].old, change->getValue<bool>("old"));
			CPPUNIT_ASSERT_EQUAL(expected[i].now, change->getValue<bool>("new"));
		}
	}

	void testRememberedAcrossRestarts()
	{
		std::string folder;
		std::unique_ptr<TestHost> first = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory());
		folder = first->folder();
		CPPUNIT_ASSERT_EQUAL(200, first->call("PUT", "/api/plugins/reminders", R"({"enabled": false})").status);
		// The first host stops but keeps its temporary folder: the next ones reuse its database.
		first->runtime().stop();
		{
			TestHost second(TestHost::remindersPluginsDirectory(), true, folder);
			CPPUNIT_ASSERT_EQUAL(std::string("disabled"), state(second, "reminders"));
			CPPUNIT_ASSERT_EQUAL(404, second.call("GET", "/api/plugins/reminders/settings").status);
			CPPUNIT_ASSERT(second.runtime().scheduler().tasks().empty());
			CPPUNIT_ASSERT_EQUAL(200, second.call("PUT", "/api/plugins/reminders", R"({"enabled": true})").status);
			CPPUNIT_ASSERT_EQUAL(200, second.call("GET", "/api/plugins/reminders/settings").status);
		}
		{
			TestHost third(TestHost::remindersPluginsDirectory(), true, folder);
			CPPUNIT_ASSERT_EQUAL(std::string("running"), state(third, "reminders"));
		}
	}

	void testRefusedPluginIsAConflict()
	{
		TestHost host(TestHost::testPluginsDirectory());
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(host, "probe"));
		CPPUNIT_ASSERT_EQUAL(std::string("refused"), state(host, "throwing-start"));
		for (const char* body: {R"({"enabled": true})", R"({"enabled": false})"})
		{
			Reply reply = host.call("PUT", "/api/plugins/throwing-start", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 409, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("plugin_refused"), reply.errorCode());
			// The reason it was refused, so that the administrator knows what to fix.
			CPPUNIT_ASSERT_MESSAGE(reply.body, reply.body.find("probe start failure") != std::string::npos);
		}
		CPPUNIT_ASSERT_EQUAL(std::string("refused"), state(host, "throwing-start"));
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("plugin.enable") + host.auditCount("plugin.disable"));
		// A well-behaved one next to it goes off and on.
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/probe", R"({"enabled": false})").status);
		CPPUNIT_ASSERT_EQUAL(404, host.call("GET", "/api/plugins/probe/ping").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/probe", R"({"enabled": true})").status);
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/probe/ping").status);
	}

	void testUnknownPluginAndBadBodies()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		Reply unknown = host.call("PUT", "/api/plugins/nothing-like-it", R"({"enabled": false})");
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_EQUAL(std::string("not_found"), unknown.errorCode());
		const struct
		{
			const char* body;
			const char* field;
		} cases[] = {
			{"", ""},
			{"not json", ""},
			{"[true]", ""},
			{"{}", "enabled"},
			{R"({"enabled": null})", "enabled"},
			{R"({"enabled": "false"})", "enabled"},
			{R"({"enabled": 0})", "enabled"},
			{R"({"enabled": false, "now": true})", "now"},
		};
		for (const auto& c: cases)
		{
			Reply reply = host.call("PUT", "/api/plugins/reminders", c.body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + std::string(": ") + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.field), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(host, "reminders"));
	}

	void testAccountantMayNot()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		Reply reply = host.call("PUT", "/api/plugins/reminders", R"({"enabled": false})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(403, reply.status);
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(host, "reminders"));
		CPPUNIT_ASSERT_EQUAL(200, host.call("GET", "/api/plugins/reminders/settings").status);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PluginSwitchTest, "host");
