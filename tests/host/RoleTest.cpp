//
// RoleTest.cpp
//


#include "HostFixture.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class RoleTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(RoleTest);
	CPPUNIT_TEST(testAnonymousGetsNothing);
	CPPUNIT_TEST(testAccountantVersusAdmin);
	CPPUNIT_TEST(testAccountantReadsThePluginsAuditEntries);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAnonymousGetsNothing()
	{
		const struct
		{
			const char* method;
			const char* path;
		} routes[] = {
			{"GET", "/api/customers"},
			{"POST", "/api/customers"},
			{"GET", "/api/customers/1"},
			{"PATCH", "/api/customers/1"},
			{"GET", "/api/invoices"},
			{"POST", "/api/invoices"},
			{"GET", "/api/invoices/1"},
			{"POST", "/api/invoices/1/payments"},
			{"GET", "/api/audit"},
			{"GET", "/api/plugins"},
			{"GET", "/api/plugins/reminders/settings"},
			{"PUT", "/api/plugins/reminders/invoices/1"},
			{"GET", "/api/does-not-exist"},
		};
		for (const auto& route: routes)
		{
			for (const std::string& token: {std::string(), std::string("not-a-known-token-000")})
			{
				Reply reply = _host->call(route.method, route.path, R"({"name": "Intruder"})", token);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(route.method) + " " + route.path, 401, reply.status);
				CPPUNIT_ASSERT_EQUAL(std::string("unauthorized"), reply.errorCode());
			}
		}
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("customer.create"));
	}

	void testAccountantVersusAdmin()
	{
		const std::string accountant = TestHost::ACCOUNTANT;
		// Accountants do the daily work...
		Reply created = _host->call("POST", "/api/customers", R"({"name": "Daily"})", accountant);
		CPPUNIT_ASSERT_EQUAL(201, created.status);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/plugins", "", accountant).status);
		// ...the host's audit log, the schedule and running a week are the administrator's.
		CPPUNIT_ASSERT_EQUAL(403, _host->call("GET", "/api/audit", "", accountant).status);
		CPPUNIT_ASSERT_EQUAL(
			403, _host->call("PUT", "/api/plugins/reminders/settings", R"({"send_time": "10:00"})", accountant).status);
		CPPUNIT_ASSERT_EQUAL(403, _host->call("POST", "/api/plugins/reminders/runs", "{}", accountant).status);
		Reply audit = _host->call("GET", "/api/audit?entity=customer", "", TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL(200, audit.status);
		auto items = audit.object()->getArray("items");
		CPPUNIT_ASSERT(items->size() >= 1);
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), items->getObject(items->size() - 1)->getValue<std::string>("actor"));
	}

	void testAccountantReadsThePluginsAuditEntries()
	{
		const auto customer = _host->createCustomer("Audited", "audited@example.com",
													R"("reminders": {"enabled": true, "default": false})");
		const auto invoice = _host->createInvoice(customer, "AU-1", "10");
		CPPUNIT_ASSERT_EQUAL(200, _host
									  ->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(invoice),
											 R"({"with_reminder": true})", TestHost::ACCOUNTANT)
									  .status);
		CPPUNIT_ASSERT_EQUAL(200,
							 _host->call("PUT", "/api/plugins/reminders/settings", R"({"days_after_due": 3})").status);
		int pluginEntries = 0;
		Poco::Data::Session session = _host->runtime().database().session();
		session << "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'reminders.%'",
			Poco::Data::Keywords::into(pluginEntries), Poco::Data::Keywords::now;
		CPPUNIT_ASSERT(pluginEntries >= 2);

		// The accountant reads the plugin's entries, all of them, and nothing else.
		Reply mine = _host->call("GET", "/api/audit?plugin=reminders", "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(200, mine.status);
		auto items = mine.object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(static_cast<std::size_t>(pluginEntries), items->size());
		for (unsigned i = 0; i < items->size(); ++i)
			CPPUNIT_ASSERT_EQUAL(std::string("reminders."),
								 items->getObject(i)->getValue<std::string>("action").substr(0, 10));
		// Other filters narrow it further; they never widen it.
		Reply flags =
			_host->call("GET", "/api/audit?plugin=reminders&entity=invoice&entity_id=" + std::to_string(invoice), "",
						TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(200, flags.status);
		CPPUNIT_ASSERT(flags.object()->getArray("items")->size() >= 1);
		Reply customers =
			_host->call("GET", "/api/audit?plugin=reminders&action=customer.create", "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), customers.object()->getArray("items")->size());
		// Without a plugin, or for the host or an unknown plugin: refused, naming the field.
		for (const std::string& query: {std::string(""), std::string("?plugin="), std::string("?plugin=host"),
										std::string("?plugin=customer"), std::string("?plugin=nothing")})
		{
			Reply refused = _host->call("GET", "/api/audit" + query, "", TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(query, 403, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(query, std::string("plugin"), refused.errorField());
		}

		// The administrator reads everything, and may filter by plugin too.
		Reply admin = _host->call("GET", "/api/audit?plugin=reminders");
		CPPUNIT_ASSERT_EQUAL(mine.body, admin.body);
		CPPUNIT_ASSERT(_host->call("GET", "/api/audit").object()->getArray("items")->size() > items->size());
		// The prefix is the plugin's id and a dot: "remind" is another plugin.
		CPPUNIT_ASSERT_EQUAL(std::size_t(0),
							 _host->call("GET", "/api/audit?plugin=remind").object()->getArray("items")->size());
	}

private:
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RoleTest, "host");
