//
// HookStatementsTest.cpp
//


#include "SqliteStatementCounter.h"
#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::SqliteStatementCounter;
using tests::TestHost;


class HookStatementsTest: public CppUnit::TestFixture
/// What the reminders plugin costs an invoice in statements on its tables
/// (bench/hooks.sh measures the rate; issue 9 item 7): creating one reads
/// the switch and the customer once and writes the flag once (the
/// invoice.created hook), and takes the answer's section from what the
/// hook handed over (no read); answering one reads the section, its
/// dispute included, in one statement.
{
	CPPUNIT_TEST_SUITE(HookStatementsTest);
	CPPUNIT_TEST(testStatementsPerInvoice);
	CPPUNIT_TEST_SUITE_END();

public:
	void testStatementsPerInvoice()
	{
		if (TestHost::dialect() != "sqlite") return; // the count is read from SQLite's trace
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", {{"database.pool.max", "4"}});
		SqliteStatementCounter counter(host.runtime().database(), 4, "reminder_");
		Reply on = host.call("PUT", "/api/plugins/reminders/settings",
							 R"({"from_address": "billing@example.com", "enabled": true})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
		const auto customer = host.createCustomer("Counted", "counted@example.com");
		counter.take();

		const auto invoice = host.createInvoice(customer, "Q-1", "10");
		// The hook: one read (switch, settings, customer, flag, dispute),
		// one write (the flag); the answer's section is worded from what
		// the hook handed over in the same transaction: no read.
		CPPUNIT_ASSERT_EQUAL(2, counter.take());

		Reply reply = host.call("GET", "/api/invoices/" + std::to_string(invoice));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		CPPUNIT_ASSERT(reply.object()->getObject("reminders")->getValue<bool>("with_reminder"));
		CPPUNIT_ASSERT_EQUAL(1, counter.take());

		// A disputed invoice's section comes from the same one statement.
		Reply disputed = host.call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(invoice),
								   R"({"disputed": true, "dispute_note": "Goods returned"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(disputed.body, 200, disputed.status);
		counter.take();
		reply = host.call("GET", "/api/invoices/" + std::to_string(invoice));
		Poco::JSON::Object::Ptr section = reply.object()->getObject("reminders");
		CPPUNIT_ASSERT(section->getValue<bool>("disputed"));
		CPPUNIT_ASSERT_EQUAL(std::string("Goods returned"), section->getValue<std::string>("dispute_note"));
		CPPUNIT_ASSERT(!section->getValue<bool>("effective"));
		CPPUNIT_ASSERT_EQUAL(std::string("disputed"), section->getValue<std::string>("because"));
		CPPUNIT_ASSERT_EQUAL(1, counter.take());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HookStatementsTest, "hooks");
