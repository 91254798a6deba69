//
// EventContainmentTest.cpp
//


#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class EventContainmentTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(EventContainmentTest);
	CPPUNIT_TEST(testThrowingHookDoesNotRollBackTheInvoice);
	CPPUNIT_TEST_SUITE_END();

public:
	void testThrowingHookDoesNotRollBackTheInvoice()
	{
		TestHost host(TestHost::testPluginsDirectory() + "/none");
		// The throwing subscriber comes first, so the others run after its failure.
		CPPUNIT_ASSERT(host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/throwing-hook"));
		CPPUNIT_ASSERT(host.runtime().plugins().load(TestHost::testPluginsDirectory() + "/probe"));
		CPPUNIT_ASSERT(host.runtime().plugins().load(TestHost::remindersPluginsDirectory() + "/reminders"));

		// Reminders on, so that the reminders hook has something to write.
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/settings",
											R"({"enabled": true, "from_address": "billing@example.com"})")
									  .status);
		const auto customer = host.createCustomer("Gamma", "gamma@example.com");
		Reply created = host.call("POST", "/api/invoices",
								  R"({"number": "H-1", "customer_id": )" + std::to_string(customer) +
									  R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "99.90"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
		const std::string id = std::to_string(created.object()->getValue<Poco::Int64>("id"));

		// The invoice stands and is readable.
		Reply read = host.call("GET", "/api/invoices/" + id);
		CPPUNIT_ASSERT_EQUAL(200, read.status);
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("invoice.create", id));
		// The failing hook's own write was rolled back to its savepoint...
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("probe.before-throw", id));
		// ...the failure is audited with the subscriber's name...
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("host.hook.failed", id));
		Reply audit = host.call("GET", "/api/audit?action=host.hook.failed");
		auto details = audit.object()->getArray("items")->getObject(0)->getObject("details");
		CPPUNIT_ASSERT_EQUAL(std::string("throwing-hook"), details->getValue<std::string>("subscriber"));
		CPPUNIT_ASSERT_EQUAL(std::string("probe hook failure"), details->getValue<std::string>("error"));
		// ...and the other subscribers still ran.
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("probe.seen", id));
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.invoice.flag", id));
		CPPUNIT_ASSERT(read.object()->getObject("reminders")->getValue<bool>("with_reminder"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(EventContainmentTest, "host");
