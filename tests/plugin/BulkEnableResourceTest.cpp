//
// BulkEnableResourceTest.cpp
//


#include "HostFixture.h"
#include <cppunit/extensions/HelperMacros.h>
#include <map>


using tests::Reply;
using tests::TestHost;


class BulkEnableResourceTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(BulkEnableResourceTest);
	CPPUNIT_TEST(testOutstandingGroupsByCustomer);
	CPPUNIT_TEST(testOutstandingPages);
	CPPUNIT_TEST(testEnable);
	CPPUNIT_TEST(testRefusalsChangeNothing);
	CPPUNIT_TEST(testPageTicksTheMarks);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		HostFixture::setUp();
		// Invoices issued before reminders existed: none flagged.
		_alpha = _host->createCustomer("Alpha", "alpha@example.com", R"("reminders": {"default": false})");
		_beta = _host->createCustomer("Beta", "beta@example.com", R"("reminders": {"default": false})");
		_off = _host->createCustomer("Off", "off@example.com", R"("reminders": {"enabled": false})");
		_a1 = _host->createInvoice(_alpha, "A-1", "100");
		_a2 = _host->createInvoice(_alpha, "A-2", "200");
		_paid = _host->createInvoice(_alpha, "A-3", "50", R"("paid": true)");
		_b1 = _host->createInvoice(_beta, "B-1", "300");
		_host->call("POST", "/api/invoices/" + std::to_string(_b1) + "/payments", R"({"amount": "100"})");
		_o1 = _host->createInvoice(_off, "O-1", "10");
	}

	void testOutstandingGroupsByCustomer()
	{
		Reply reply = _host->call("GET", "/api/plugins/reminders/outstanding", "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		auto customers = reply.object()->getArray("customers");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), customers->size());
		auto alpha = customers->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("Alpha"), alpha->getValue<std::string>("name"));
		auto invoices = alpha->getArray("invoices");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), invoices->size()); // the paid one is not listed
		CPPUNIT_ASSERT(!invoices->getObject(0)->getValue<bool>("with_reminder"));
		auto beta = customers->getObject(1)->getArray("invoices")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("200.00"), beta->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT(!customers->getObject(2)->getObject("reminders")->getValue<bool>("enabled"));
		CPPUNIT_ASSERT(reply.object()->isNull("next_after"));
	}

	void testOutstandingPages()
	{
		Reply first = _host->call("GET", "/api/plugins/reminders/outstanding?limit=2");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), first.object()->getArray("customers")->size());
		const auto next = first.object()->getValue<Poco::Int64>("next_after");
		CPPUNIT_ASSERT_EQUAL(_beta, next);
		Reply second = _host->call("GET", "/api/plugins/reminders/outstanding?limit=2&after=" + std::to_string(next));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), second.object()->getArray("customers")->size());
		CPPUNIT_ASSERT_EQUAL(_off, second.object()->getArray("customers")->getObject(0)->getValue<Poco::Int64>("id"));
		CPPUNIT_ASSERT_EQUAL(400, _host->call("GET", "/api/plugins/reminders/outstanding?limit=0").status);
	}

	void testEnable()
	{
		Reply reply = _host->call("POST", "/api/plugins/reminders/bulk-enable",
								  "{\"invoice_ids\": [" + std::to_string(_a1) + ", " + std::to_string(_b1) + ", " +
									  std::to_string(_a1) + "]}",
								  TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		CPPUNIT_ASSERT_EQUAL(2, reply.object()->getValue<int>("enabled"));
		CPPUNIT_ASSERT(flagged(_a1) && flagged(_b1) && !flagged(_a2));
		CPPUNIT_ASSERT_EQUAL(2, audited("bulk_enable"));
		// Again, with one more: only the new one changes and is audited.
		Reply again = _host->call("POST", "/api/plugins/reminders/bulk-enable",
								  "{\"invoice_ids\": [" + std::to_string(_a1) + ", " + std::to_string(_a2) + "]}");
		CPPUNIT_ASSERT_EQUAL(1, again.object()->getValue<int>("enabled"));
		CPPUNIT_ASSERT_EQUAL(1, again.object()->getValue<int>("already_enabled"));
		CPPUNIT_ASSERT_EQUAL(3, audited("bulk_enable"));
	}

	void testPageTicksTheMarks()
	{
		// The bulk-enable page's view: an invoice already marked is ticked
		// and says so; the others are ticked as the customer's default says.
		const std::string gamma = std::to_string(_host->createCustomer("Gamma", "gamma@example.com"));
		_host->createInvoice(std::stoll(gamma), "G-1", "40", R"("reminders": {"with_reminder": false})");
		_host->call("POST", "/api/plugins/reminders/bulk-enable", "{\"invoice_ids\": [" + std::to_string(_a1) + "]}");
		const auto ticks = [this]() {
			Reply reply = _host->call("GET", "/api/plugins/reminders/ui/bulk-enable?language=en");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
			std::map<std::string, std::pair<bool, bool>> result; // number: ticked, marked
			auto customers = reply.object()->getArray("customers");
			for (std::size_t i = 0; i < customers->size(); ++i)
			{
				auto invoices = customers->getObject(static_cast<unsigned>(i))->getArray("invoices");
				for (std::size_t j = 0; j < invoices->size(); ++j)
				{
					auto invoice = invoices->getObject(static_cast<unsigned>(j));
					result[invoice->getValue<std::string>("number")] = {invoice->getValue<bool>("ticked"),
																		invoice->getValue<bool>("marked")};
				}
			}
			return result;
		};
		auto first = ticks();
		CPPUNIT_ASSERT(first["A-1"].first && first["A-1"].second);   // marked
		CPPUNIT_ASSERT(!first["A-2"].first && !first["A-2"].second); // Alpha's default is off
		CPPUNIT_ASSERT(first["G-1"].first && !first["G-1"].second);  // Gamma's default is on
	}

	void testRefusalsChangeNothing()
	{
		const std::string a1 = std::to_string(_a1);
		const struct
		{
			std::string body;
			const char* code;
		} cases[] = {
			{"{}", "invalid_field"},
			{R"({"invoice_ids": []})", "invalid_field"},
			{R"({"invoice_ids": "1,2"})", "invalid_field"},
			{R"({"invoice_ids": [1.5]})", "invalid_field"},
			{R"({"invoice_ids": [-1]})", "invalid_field"},
			{R"({"invoice_ids": [1], "all": true})", "invalid_field"},
			{"{\"invoice_ids\": [" + a1 + ", 9999]}", "unknown_invoices"},
			{"{\"invoice_ids\": [" + a1 + ", " + std::to_string(_paid) + "]}", "not_outstanding"},
			{"{\"invoice_ids\": [" + a1 + ", " + std::to_string(_o1) + "]}", "customer_reminders_off"},
		};
		for (const auto& c: cases)
		{
			Reply reply = _host->call("POST", "/api/plugins/reminders/bulk-enable", c.body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.code), reply.errorCode());
		}
		CPPUNIT_ASSERT(!flagged(_a1));
		CPPUNIT_ASSERT_EQUAL(0, audited("bulk_enable"));
	}

private:
	bool flagged(Poco::Int64 invoice)
	{
		return _host->call("GET", "/api/invoices/" + std::to_string(invoice))
			.object()
			->getObject("reminders")
			->getValue<bool>("with_reminder");
	}

	int audited(const std::string& source)
	{
		Reply audit = _host->call("GET", "/api/audit?action=reminders.invoice.flag&limit=1000");
		auto items = audit.object()->getArray("items");
		int count = 0;
		for (std::size_t i = 0; i < items->size(); ++i)
			count +=
				items->getObject(static_cast<unsigned>(i))->getObject("details")->getValue<std::string>("source") ==
				source;
		return count;
	}

	Poco::Int64 _alpha = 0, _beta = 0, _off = 0, _a1 = 0, _a2 = 0, _paid = 0, _b1 = 0, _o1 = 0;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BulkEnableResourceTest, "plugin");
