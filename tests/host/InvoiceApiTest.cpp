//
// InvoiceApiTest.cpp
//


#include "HostFixture.h"
#include <Poco/Data/Session.h>
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class InvoiceApiTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(InvoiceApiTest);
	CPPUNIT_TEST(testCreateAndRead);
	CPPUNIT_TEST(testCreateValidation);
	CPPUNIT_TEST(testTooLargeTotalSaysSo);
	CPPUNIT_TEST(testPartialPayments);
	CPPUNIT_TEST(testOverpaymentRefused);
	CPPUNIT_TEST(testPaymentRefusals);
	CPPUNIT_TEST(testEveryWrongFieldIsNamedAtOnce);
	CPPUNIT_TEST(testPaidAtIssue);
	CPPUNIT_TEST(testList);
	CPPUNIT_TEST(testListOverdueAndCustomerName);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		HostFixture::setUp();
		_customer = _host->createCustomer("Alpha", "alpha@example.com");
	}

	void testCreateAndRead()
	{
		Reply created = _host->call("POST", "/api/invoices",
									R"({"number": "INV-1", "customer_id": )" + std::to_string(_customer) +
										R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "1234.5"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
		auto invoice = created.object();
		CPPUNIT_ASSERT_EQUAL(std::string("1234.50"), invoice->getValue<std::string>("total"));
		CPPUNIT_ASSERT_EQUAL(std::string("0.00"), invoice->getValue<std::string>("paid"));
		CPPUNIT_ASSERT_EQUAL(std::string("1234.50"), invoice->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT_EQUAL(std::string("issued"), invoice->getValue<std::string>("status"));
		CPPUNIT_ASSERT(invoice->isNull("due_date"));
		CPPUNIT_ASSERT_EQUAL(std::string("admin"), invoice->getValue<std::string>("created_by"));

		Reply yen = _host->call(
			"POST", "/api/invoices",
			R"({"number": "INV-JPY", "customer_id": )" + std::to_string(_customer) +
				R"(, "issue_date": "2026-10-01", "due_date": "2026-10-01", "currency": "JPY", "total": "5000"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(yen.body, 201, yen.status);
		CPPUNIT_ASSERT_EQUAL(std::string("5000"), yen.object()->getValue<std::string>("total"));

		const auto id = invoice->getValue<Poco::Int64>("id");
		Reply read = _host->call("GET", "/api/invoices/" + std::to_string(id));
		CPPUNIT_ASSERT_EQUAL(200, read.status);
		CPPUNIT_ASSERT_EQUAL(std::string("INV-1"), read.object()->getValue<std::string>("number"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("invoice.create", std::to_string(id)));
	}

	void testCreateValidation()
	{
		const std::string customer = std::to_string(_customer);
		const std::string base = R"("customer_id": )" + customer + R"(, "issue_date": "2026-10-01", "currency": "EUR")";
		_host->createInvoice(_customer, "TAKEN", "10");
		const struct
		{
			std::string body;
			int status;
			const char* field;
		} cases[] = {
			{"{" + base + R"(, "total": "10"})", 400, "number"},
			{R"({"number": "N1", "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})", 400, "customer_id"},
			{R"({"number": "N1", "customer_id": 999, "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})",
			 400, "customer_id"},
			{R"({"number": "N1", "customer_id": "1", "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})",
			 400, "customer_id"},
			{R"({"number": "N1", "customer_id": )" + customer + R"(, "currency": "EUR", "total": "10"})", 400,
			 "issue_date"},
			{R"({"number": "N1", "customer_id": )" + customer +
				 R"(, "issue_date": "2026-02-30", "currency": "EUR", "total": "10"})",
			 400, "issue_date"},
			{R"({"number": "N1", "customer_id": )" + customer +
				 R"(, "issue_date": "01/10/2026", "currency": "EUR", "total": "10"})",
			 400, "issue_date"},
			{R"({"number": "N1", )" + base + R"(, "due_date": "2026-09-30", "total": "10"})", 400, "due_date"},
			{R"({"number": "N1", "customer_id": )" + customer +
				 R"(, "issue_date": "2026-10-01", "currency": "eur", "total": "10"})",
			 400, "currency"},
			{R"({"number": "N1", "customer_id": )" + customer +
				 R"(, "issue_date": "2026-10-01", "currency": "EURO", "total": "10"})",
			 400, "currency"},
			{R"({"number": "N1", )" + base + R"(, "total": "12.345"})", 400, "total"},
			{R"({"number": "N1", )" + base + R"(, "total": "-5"})", 400, "total"},
			{R"({"number": "N1", )" + base + R"(, "total": "0"})", 400, "total"},
			{R"({"number": "N1", )" + base + R"(, "total": 10})", 400, "total"},
			{R"({"number": "N1", )" + base + R"(, "total": "10", "paid": "yes"})", 400, "paid"},
			{R"({"number": "N1", )" + base + R"(, "total": "10", "discount": "1"})", 400, "discount"},
			{R"({"number": "TAKEN", )" + base + R"(, "total": "10"})", 409, "number"},
		};
		for (const auto& c: cases)
		{
			Reply reply = _host->call("POST", "/api/invoices", c.body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, c.status, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.field), reply.errorField());
		}
		Reply list = _host->call("GET", "/api/invoices");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), list.object()->getArray("items")->size());
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("invoice.create"));
	}

	void testTooLargeTotalSaysSo()
	{
		// Two decimals, as EUR allows: the size is what is wrong, and the
		// answer says so with the limit, whether or not it fits 64 bits.
		const std::string base =
			R"({"number": "N1", "customer_id": )" + std::to_string(_customer) + R"(, "issue_date": "2026-10-01", )";
		for (const char* total: {"99999999999999999999999.00", "100000000000.01"})
		{
			Reply reply =
				_host->call("POST", "/api/invoices", base + R"("currency": "EUR", "total": ")" + total + "\"}");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("total"), reply.errorField());
			CPPUNIT_ASSERT_MESSAGE(reply.body, reply.body.find("total is too large: it must be at most "
															   "100000000000.00 EUR") != std::string::npos);
		}
		Reply yen =
			_host->call("POST", "/api/invoices", base + R"("currency": "JPY", "total": "99999999999999999999999"})");
		CPPUNIT_ASSERT_MESSAGE(yen.body, yen.body.find("at most 10000000000000 JPY") != std::string::npos);
		// A negative one is refused for its sign, a badly written one for its form.
		Reply negative =
			_host->call("POST", "/api/invoices", base + R"("currency": "EUR", "total": "-99999999999999999999999"})");
		CPPUNIT_ASSERT_MESSAGE(negative.body, negative.body.find("must be above zero") != std::string::npos);
		Reply form = _host->call("POST", "/api/invoices", base + R"("currency": "EUR", "total": "12.345"})");
		CPPUNIT_ASSERT_MESSAGE(form.body, form.body.find("at most 2 decimals for EUR") != std::string::npos);
	}

	void testPartialPayments()
	{
		const auto id = _host->createInvoice(_customer, "P-1", "100.00");
		const std::string path = "/api/invoices/" + std::to_string(id) + "/payments";
		Reply first = _host->call("POST", path, R"({"amount": "30", "paid_on": "2026-11-01", "reference": "bank 1"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 201, first.status);
		auto invoice = first.object()->getObject("invoice");
		CPPUNIT_ASSERT_EQUAL(std::string("partially_paid"), invoice->getValue<std::string>("status"));
		CPPUNIT_ASSERT_EQUAL(std::string("70.00"), invoice->getValue<std::string>("outstanding"));

		Reply second = _host->call("POST", path, R"({"amount": "20.50", "paid_on": "2026-11-02"})");
		CPPUNIT_ASSERT_EQUAL(201, second.status);
		CPPUNIT_ASSERT_EQUAL(std::string("49.50"),
							 second.object()->getObject("invoice")->getValue<std::string>("outstanding"));

		Reply last = _host->call("POST", path, R"({"amount": "49.50", "paid_on": "2026-11-03"})");
		CPPUNIT_ASSERT_EQUAL(201, last.status);
		invoice = last.object()->getObject("invoice");
		CPPUNIT_ASSERT_EQUAL(std::string("paid"), invoice->getValue<std::string>("status"));
		CPPUNIT_ASSERT_EQUAL(std::string("0.00"), invoice->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), invoice->getArray("payments")->size());
		CPPUNIT_ASSERT_EQUAL(3, _host->auditCount("invoice.payment", std::to_string(id)));
	}

	void testOverpaymentRefused()
	{
		const auto id = _host->createInvoice(_customer, "O-1", "100.00");
		const std::string path = "/api/invoices/" + std::to_string(id) + "/payments";
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", path, R"({"amount": "60"})").status);
		Reply over = _host->call("POST", path, R"({"amount": "40.01"})");
		CPPUNIT_ASSERT_EQUAL(400, over.status);
		CPPUNIT_ASSERT_EQUAL(std::string("overpayment"), over.errorCode());
		CPPUNIT_ASSERT_EQUAL(std::string("amount"), over.errorField());
		Reply invoice = _host->call("GET", "/api/invoices/" + std::to_string(id));
		CPPUNIT_ASSERT_EQUAL(std::string("40.00"), invoice.object()->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), invoice.object()->getArray("payments")->size());
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("invoice.payment", std::to_string(id)));
	}

	void testPaymentRefusals()
	{
		const auto id = _host->createInvoice(_customer, "R-1", "10.00");
		const std::string path = "/api/invoices/" + std::to_string(id) + "/payments";
		const struct
		{
			const char* body;
			int status;
			const char* field;
		} cases[] = {
			{R"({})", 400, "amount"},
			{R"({"amount": "0"})", 400, "amount"},
			{R"({"amount": "-1"})", 400, "amount"},
			{R"({"amount": "1.001"})", 400, "amount"},
			{R"({"amount": "1", "paid_on": "yesterday"})", 400, "paid_on"},
			{R"({"amount": "1", "paid_on": "2026-09-30"})", 400, "paid_on"},
			{R"({"amount": "1", "method": "cash"})", 400, "method"},
		};
		for (const auto& c: cases)
		{
			Reply reply = _host->call("POST", path, c.body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, c.status, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.field), reply.errorField());
		}
		Reply unknown = _host->call("POST", "/api/invoices/4242/payments", R"({"amount": "1"})");
		CPPUNIT_ASSERT_EQUAL(404, unknown.status);
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", path, R"({"amount": "10"})").status);
		Reply paid = _host->call("POST", path, R"({"amount": "1"})");
		CPPUNIT_ASSERT_EQUAL(409, paid.status);
		CPPUNIT_ASSERT_EQUAL(std::string("invoice_paid"), paid.errorCode());
	}

	void testEveryWrongFieldIsNamedAtOnce()
	{
		auto fields = [](const Reply& reply) {
			std::vector<std::string> named;
			Poco::JSON::Array::Ptr errors = reply.object()->getObject("error")->getArray("errors");
			if (errors.isNull()) return named;
			for (std::size_t i = 0; i < errors->size(); ++i)
				named.push_back(errors->getObject(static_cast<unsigned>(i))->getValue<std::string>("field"));
			return named;
		};
		auto rows = [&](const std::string& table) {
			Poco::Data::Session session = _host->runtime().services().database.session();
			int count = 0;
			session << "SELECT COUNT(*) FROM " + table, Poco::Data::Keywords::into(count), Poco::Data::Keywords::now;
			return count;
		};
		// Four fields wrong: all four, in the form's order; the first is the
		// error a client that knows one shows. Nothing is created.
		Reply refused = _host->call("POST", "/api/invoices",
									R"({"number": "", "customer_id": )" + std::to_string(_customer) +
										R"(, "issue_date": "2026-10-01", "due_date": "2026-09-01", "currency": "ZZZ", )"
										R"("total": "abc"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 400, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::string("number"), refused.errorField());
		const std::vector<std::string> expected{"number", "due_date", "currency", "total"};
		CPPUNIT_ASSERT(expected == fields(refused));
		CPPUNIT_ASSERT_EQUAL(0, rows("invoices"));
		// With the currency right, the total is judged by its decimals.
		refused =
			_host->call("POST", "/api/invoices",
						R"({"number": "M-1", "customer_id": )" + std::to_string(_customer) +
							R"(, "issue_date": "2026-10-01", "currency": "JPY", "total": "10.5", "paid": "yes"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 400, refused.status);
		CPPUNIT_ASSERT(std::vector<std::string>({"total", "paid"}) == fields(refused));
		// One field wrong: the answer as before, without a list.
		refused = _host->call("POST", "/api/invoices",
							  R"({"number": "M-1", "customer_id": )" + std::to_string(_customer) +
								  R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "0"})");
		CPPUNIT_ASSERT_EQUAL(std::string("total"), refused.errorField());
		CPPUNIT_ASSERT(fields(refused).empty());

		// A payment: its amount (which needs the invoice) with the others.
		const auto id = _host->createInvoice(_customer, "M-2", "10.00");
		refused = _host->call("POST", "/api/invoices/" + std::to_string(id) + "/payments",
							  R"({"amount": "11", "paid_on": "2026-09-30", "reference": ")" + std::string(201, 'r') +
								  R"("})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 400, refused.status);
		CPPUNIT_ASSERT(std::vector<std::string>({"reference", "amount", "paid_on"}) == fields(refused));
		CPPUNIT_ASSERT_EQUAL(0, rows("payments"));

		// A customer: the name and the email.
		refused = _host->call("POST", "/api/customers", R"({"name": "", "email": "nobody@", "language": "fr"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 400, refused.status);
		CPPUNIT_ASSERT(std::vector<std::string>({"name", "email", "language"}) == fields(refused));
		refused =
			_host->call("PATCH", "/api/customers/" + std::to_string(_customer), R"({"name": "", "email": "nobody@"})");
		CPPUNIT_ASSERT(std::vector<std::string>({"name", "email"}) == fields(refused));
		CPPUNIT_ASSERT_EQUAL(1, rows("customers"));
	}

	void testPaidAtIssue()
	{
		Reply created =
			_host->call("POST", "/api/invoices",
						R"({"number": "CASH-1", "customer_id": )" + std::to_string(_customer) +
							R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "15", "paid": true})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(created.body, 201, created.status);
		CPPUNIT_ASSERT_EQUAL(std::string("paid"), created.object()->getValue<std::string>("status"));
		CPPUNIT_ASSERT_EQUAL(std::string("0.00"), created.object()->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), created.object()->getArray("payments")->size());
	}

	void testList()
	{
		const auto other = _host->createCustomer("Beta", "beta@example.com");
		_host->createInvoice(_customer, "L-1", "10");
		const auto paid = _host->createInvoice(_customer, "L-2", "10");
		_host->createInvoice(other, "L-3", "10");
		_host->call("POST", "/api/invoices/" + std::to_string(paid) + "/payments", R"({"amount": "10"})");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2),
							 _host->call("GET", "/api/invoices?customer_id=" + std::to_string(_customer))
								 .object()
								 ->getArray("items")
								 ->size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1),
							 _host->call("GET", "/api/invoices?status=paid").object()->getArray("items")->size());
		CPPUNIT_ASSERT_EQUAL(400, _host->call("GET", "/api/invoices?status=lost").status);
	}

	void testListOverdueAndCustomerName()
	{
		const auto other = _host->createCustomer("Ελαιώνες Βήτα", "beta@example.com");
		_host->createInvoice(_customer, "O-1", "10");                                // due 2026-10-31
		_host->createInvoice(_customer, "O-2", "10", R"("due_date": "2026-11-15")"); // due on "today"
		const auto paid = _host->createInvoice(other, "O-3", "10");
		const auto part = _host->createInvoice(other, "O-4", "10");
		_host->createInvoice(other, "O-5", "10", R"("due_date": null)");
		_host->call("POST", "/api/invoices/" + std::to_string(paid) + "/payments", R"({"amount": "10"})");
		_host->call("POST", "/api/invoices/" + std::to_string(part) + "/payments", R"({"amount": "4"})");
		// 2026-11-15 10:00 in Athens.
		_host->runtime().services().clock.pin(Poco::Timestamp::fromEpochTime(1794729600));
		auto numbers = [&](const std::string& query) {
			Reply reply = _host->call("GET", "/api/invoices?" + query);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
			std::string listed;
			Poco::JSON::Array::Ptr items = reply.object()->getArray("items");
			for (std::size_t i = 0; i < items->size(); ++i)
				listed += (listed.empty() ? "" : " ") +
						  items->getObject(static_cast<unsigned>(i))->getValue<std::string>("number");
			return listed;
		};
		// Due before today and not paid in full; no due date is never overdue.
		CPPUNIT_ASSERT_EQUAL(std::string("O-1 O-4"), numbers("overdue=true"));
		CPPUNIT_ASSERT_EQUAL(std::string("O-1 O-2 O-3 O-4 O-5"), numbers("overdue=false"));
		CPPUNIT_ASSERT_EQUAL(std::string("O-4"), numbers("overdue=true&status=partially_paid"));
		CPPUNIT_ASSERT_EQUAL(std::string("O-3 O-4 O-5"),
							 numbers("customer_name=%CE%B9%CF%8E%CE%BD%CE%B5%CF%82")); // "ιώνες"
		CPPUNIT_ASSERT_EQUAL(std::string("O-1"), numbers("customer_name=alph&overdue=true"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), numbers("customer_name=nobody"));
		CPPUNIT_ASSERT_EQUAL(std::string("O-5 O-4 O-3 O-2 O-1"), numbers("order=newest"));
		CPPUNIT_ASSERT_EQUAL(std::string("O-4 O-3"), numbers("order=newest&limit=2&offset=1"));
		CPPUNIT_ASSERT_EQUAL(std::string("O-1 O-2 O-3 O-4 O-5"), numbers("order=oldest"));
		CPPUNIT_ASSERT_EQUAL(std::string("order"), _host->call("GET", "/api/invoices?order=id").errorField());
		// Every item names its customer.
		Poco::JSON::Object::Ptr first =
			_host->call("GET", "/api/invoices?limit=1&offset=2").object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("Ελαιώνες Βήτα"), first->getValue<std::string>("customer_name"));
		CPPUNIT_ASSERT_EQUAL(std::string("overdue"), _host->call("GET", "/api/invoices?overdue=yes").errorField());
		CPPUNIT_ASSERT_EQUAL(400, _host->call("GET", "/api/invoices?customer_name=" + std::string(201, 'x')).status);
		_host->runtime().services().clock.unpin();
	}

private:
	Poco::Int64 _customer = 0;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InvoiceApiTest, "host");
