//
// InvoiceCreatedHookTest.cpp
//


#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class InvoiceCreatedHookTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(InvoiceCreatedHookTest);
	CPPUNIT_TEST(testDefaultsFromCustomer);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDefaultsFromCustomer()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		const struct
		{
			const char* customerFields;
			const char* invoiceExtra;
			bool expected;
		} cases[] = {
			{"", "", true},                                    // defaults: enabled, default on
			{R"("reminders": {"default": false})", "", false}, // customer default off
			{R"("reminders": {"enabled": false})", "", false}, // customer off
			{"", R"("paid": true)", false},                    // paid at issue: never
			{R"("reminders": {"default": false})", R"("reminders": {"with_reminder": true})", true}, // explicit wins
		};
		int n = 0;
		for (const auto& c: cases)
		{
			++n;
			const auto customer = host.createCustomer("C" + std::to_string(n), "c" + std::to_string(n) + "@example.com",
													  c.customerFields);
			const auto invoice = host.createInvoice(customer, "D-" + std::to_string(n), "10", c.invoiceExtra);
			Reply reply = host.call("GET", "/api/invoices/" + std::to_string(invoice));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(n), c.expected,
										 reply.object()->getObject("reminders")->getValue<bool>("with_reminder"));
			// Each new invoice gets exactly one flag decision in the audit log.
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(n), 1,
										 host.auditCount("reminders.invoice.flag", std::to_string(invoice)));
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InvoiceCreatedHookTest, "hooks");
