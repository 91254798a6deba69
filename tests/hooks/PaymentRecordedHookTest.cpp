//
// PaymentRecordedHookTest.cpp
//


#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class PaymentRecordedHookTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PaymentRecordedHookTest);
	CPPUNIT_TEST(testFullPaymentLeavesReminders);
	CPPUNIT_TEST(testUnflaggedInvoiceIsNotAudited);
	CPPUNIT_TEST_SUITE_END();

public:
	void testFullPaymentLeavesReminders()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/settings",
											R"({"enabled": true, "from_address": "billing@example.com"})")
									  .status);
		const auto customer = host.createCustomer("Eta", "eta@example.com");
		const auto invoice = host.createInvoice(customer, "PAY-1", "100");
		const std::string id = std::to_string(invoice);
		const std::string path = "/api/invoices/" + id + "/payments";
		CPPUNIT_ASSERT_EQUAL(201, host.call("POST", path, R"({"amount": "40"})").status);
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("reminders.invoice.settled", id));
		CPPUNIT_ASSERT_EQUAL(201, host.call("POST", path, R"({"amount": "60"})", TestHost::ACCOUNTANT).status);
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.invoice.settled", id));
		Reply audit = host.call("GET", "/api/audit?action=reminders.invoice.settled&entity_id=" + id);
		auto entry = audit.object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), entry->getValue<std::string>("actor"));
		CPPUNIT_ASSERT_EQUAL(std::string("100.00"), entry->getObject("details")->getValue<std::string>("paid"));
	}

	void testUnflaggedInvoiceIsNotAudited()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		const auto customer = host.createCustomer("Theta", "theta@example.com", R"("reminders": {"default": false})");
		const auto invoice = host.createInvoice(customer, "PAY-2", "10");
		host.call("POST", "/api/invoices/" + std::to_string(invoice) + "/payments", R"({"amount": "10"})");
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("reminders.invoice.settled"));
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("invoice.payment", std::to_string(invoice)));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PaymentRecordedHookTest, "hooks");
