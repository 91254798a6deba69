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
		// ...the audit log and the plugin's transport and schedule are the administrator's.
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

private:
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RoleTest, "host");
