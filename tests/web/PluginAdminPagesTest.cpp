//
// PluginAdminPagesTest.cpp
//
// The plugins page over HTTP: administrators only, every plugin with its
// state, version, hooks, tasks and refusal reason; the switch off and on
// (stored, audited, CSRF required); a refused plugin cannot be switched.
//


#include "WebClient.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::TestHost;
using tests::WebClient;
using tests::WebPage;


class PluginAdminPagesTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PluginAdminPagesTest);
	CPPUNIT_TEST(testListsTheRunningPlugin);
	CPPUNIT_TEST(testSwitchOffAndOn);
	CPPUNIT_TEST(testAccountantRefused);
	CPPUNIT_TEST(testRefusedPlugins);
	CPPUNIT_TEST_SUITE_END();

public:
	void testListsTheRunningPlugin()
	{
		WebClient web;
		WebPage page = web.get("/plugins", web.signIn("admin"), "el");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		// The manifest's name in the page's language, the id beside it.
		CPPUNIT_ASSERT(
			page.has(R"(<h2>Υπενθυμίσεις ληξιπρόθεσμων τιμολογίων <span class="plugin-name">(reminders)</span></h2>)"));
		CPPUNIT_ASSERT(web.get("/plugins", web.signIn("admin"), "en").has("<h2>Overdue-invoice reminders <span"));
		CPPUNIT_ASSERT(page.has(R"(<span class="state state-running">Σε λειτουργία</span>)"));
		CPPUNIT_ASSERT(page.has("invoice.created"));
		CPPUNIT_ASSERT(page.has("<dd>0.1.0</dd>"));
		CPPUNIT_ASSERT(page.has(R"(action="/plugins/reminders")"));
		CPPUNIT_ASSERT(page.has(R"(name="enabled" value="false")"));
		CPPUNIT_ASSERT(page.has(R"(aria-label="Απενεργοποίηση reminders")"));
	}

	void testSwitchOffAndOn()
	{
		WebClient web;
		const std::string admin = web.signIn("admin");
		const std::string csrf = web.get("/plugins", admin).csrf();
		CPPUNIT_ASSERT_EQUAL(403, web.post("/plugins/reminders", "enabled=false", admin).status);
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(web));

		WebPage page = web.post("/plugins/reminders", "enabled=false&csrf=" + csrf, admin);
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/plugins?done=disabled"), page.header("location"));
		CPPUNIT_ASSERT_EQUAL(std::string("disabled"), state(web));
		CPPUNIT_ASSERT_EQUAL(1, web.host().auditCount("plugin.disable", "reminders"));
		page = web.get("/plugins?done=disabled", admin);
		CPPUNIT_ASSERT(page.has("The plugin has been switched off."));
		CPPUNIT_ASSERT(page.has(R"(<span class="state state-disabled">Switched off</span>)"));
		CPPUNIT_ASSERT(page.has(R"(name="enabled" value="true")"));

		CPPUNIT_ASSERT_EQUAL(303, web.post("/plugins/reminders", "enabled=true&csrf=" + csrf, admin).status);
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(web));
		CPPUNIT_ASSERT_EQUAL(1, web.host().auditCount("plugin.enable", "reminders"));

		CPPUNIT_ASSERT_EQUAL(400, web.post("/plugins/reminders", "enabled=maybe&csrf=" + csrf, admin).status);
		CPPUNIT_ASSERT_EQUAL(404, web.post("/plugins/nothing", "enabled=false&csrf=" + csrf, admin).status);
		CPPUNIT_ASSERT_EQUAL(404, web.post("/plugins/a%2Fb", "enabled=false&csrf=" + csrf, admin).status);
		CPPUNIT_ASSERT_EQUAL(405, web.get("/plugins/reminders", admin).status);
	}

	void testAccountantRefused()
	{
		WebClient web;
		const std::string maria = web.signIn("maria");
		WebPage page = web.get("/plugins", maria);
		CPPUNIT_ASSERT_EQUAL(403, page.status);
		// Her own session's token does not open the switch either.
		CPPUNIT_ASSERT_EQUAL(403, web.post("/plugins/reminders", "enabled=false&csrf=" + page.csrf(), maria).status);
		CPPUNIT_ASSERT_EQUAL(std::string("running"), state(web));
		CPPUNIT_ASSERT_EQUAL(0, web.host().auditCount("plugin.disable"));
	}

	void testRefusedPlugins()
	{
		WebClient web(TestHost::testPluginsDirectory());
		const std::string admin = web.signIn("admin");
		WebPage page = web.get("/plugins", admin);
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has(R"(<span class="state state-refused">Refused</span>)"));
		CPPUNIT_ASSERT(page.has("library not found"));
		CPPUNIT_ASSERT(page.has("<h2>probe</h2>"));
		CPPUNIT_ASSERT(!page.has(R"(action="/plugins/missing-library")"));
		CPPUNIT_ASSERT(page.has(R"(action="/plugins/probe")"));
		page = web.post("/plugins/missing-library", "enabled=true&csrf=" + page.csrf(), admin);
		CPPUNIT_ASSERT_EQUAL(409, page.status);
		CPPUNIT_ASSERT(page.has("failed to load"));
	}

private:
	static std::string state(WebClient& web, const std::string& id = "reminders")
	{
		Poco::JSON::Array::Ptr items = web.host().call("GET", "/api/plugins").object()->getArray("items");
		for (std::size_t i = 0; i < items->size(); ++i)
		{
			Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
			if (item->has("id") && !item->isNull("id") && item->getValue<std::string>("id") == id)
				return item->getValue<std::string>("state");
		}
		return "";
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PluginAdminPagesTest, "web");
