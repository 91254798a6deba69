//
// StrictInputTest.cpp
//
// Hostile numbers, ids, currencies, dates, names and bytes (issue 11):
// each is refused with a 4xx naming the body's field, and changes nothing.
//


#include "HostFixture.h"
#include "erp/JsonBody.h"
#include "erp/Utf8.h"
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class StrictInputTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(StrictInputTest);
	CPPUNIT_TEST(testNumbersDoNotWrap);
	CPPUNIT_TEST(testBooleansAreNotNumbers);
	CPPUNIT_TEST(testSettingsNumbers);
	CPPUNIT_TEST(testInvoiceIdsInBulkEnable);
	CPPUNIT_TEST(testQueryNumbers);
	CPPUNIT_TEST(testQueryParametersARouteDoesNotTake);
	CPPUNIT_TEST(testPathIdsArePlainDigits);
	CPPUNIT_TEST(testCurrencyFromIso4217);
	CPPUNIT_TEST(testDatesWithinSaneRanges);
	CPPUNIT_TEST(testPaymentDates);
	CPPUNIT_TEST(testNamesCountCharacters);
	CPPUNIT_TEST(testErrorBodiesAreUtf8);
	CPPUNIT_TEST(testFieldIsTheBodysField);
	CPPUNIT_TEST(testMaximumInvoiceTotal);
	CPPUNIT_TEST(testTwoMaximumInvoicesInThePreview);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		HostFixture::setUp();
		_customer = _host->createCustomer("Alpha", "alpha@example.com");
		_other = _host->createCustomer("Beta", "beta@example.com");
	}

	void testNumbersDoNotWrap()
	{
		// 2^64 + 2 once made an invoice for customer 2; 2^63 answered 500.
		for (const char* number: {"18446744073709551618", "18446744073709551616", "9223372036854775808",
								  "-9223372036854775809", "99999999999999999999999", "1.5", "2.0", "1e0", "0", "-1"})
		{
			const std::string body = std::string(R"({"number": "W-1", "customer_id": )") + number +
									 R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})";
			Reply reply = _host->call("POST", "/api/invoices", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("customer_id"), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), invoiceCount());
		// The largest id is an id like any other: no such customer.
		Reply largest = _host->call("POST", "/api/invoices",
									R"({"number": "W-1", "customer_id": 9223372036854775807, "issue_date": )"
									R"("2026-10-01", "currency": "EUR", "total": "10"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(largest.body, 400, largest.status);
		CPPUNIT_ASSERT_EQUAL(std::string("customer_id"), largest.errorField());
	}

	void testBooleansAreNotNumbers()
	{
		for (const char* value: {"true", "false", "\"1\"", "null", "[1]", "{}"})
		{
			const std::string body = std::string(R"({"number": "B-1", "customer_id": )") + value +
									 R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})";
			Reply reply = _host->call("POST", "/api/invoices", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("customer_id"), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), invoiceCount());
	}

	void testSettingsNumbers()
	{
		const std::string path = "/api/plugins/reminders/settings";
		for (const char* field: {"days_after_due", "stop_after_months"})
			for (const char* value: {"18446744073709551616", "18446744073709551619", "9223372036854775808",
									 "-9223372036854775809", "true", "false", "3.5", "4294967299"})
			{
				const std::string body = std::string("{\"") + field + "\": " + value + "}";
				Reply reply = _host->call("PUT", path, body);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(body + " " + reply.body, 400, reply.status);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string(field), reply.errorField());
			}
		auto settings = _host->call("GET", path).object();
		CPPUNIT_ASSERT_EQUAL(7, settings->getValue<int>("days_after_due"));
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.settings.update"));
	}

	void testInvoiceIdsInBulkEnable()
	{
		enableReminders();
		const auto invoice = _host->createInvoice(_customer, "I-1", "10", R"("reminders": {"with_reminder": false})");
		for (const std::string& ids: {wrapAround(invoice), std::string("9223372036854775808"), std::string("true"),
									  std::string("1.0"), std::string("0")})
		{
			const std::string body = "{\"invoice_ids\": [" + ids + "]}";
			Reply reply = _host->call("POST", "/api/plugins/reminders/bulk-enable", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("invoice_ids"), reply.errorField());
		}
		// 2^64 + id did not flag the invoice.
		Reply read = _host->call("GET", "/api/invoices/" + std::to_string(invoice));
		CPPUNIT_ASSERT(!read.object()->getObject("reminders")->getValue<bool>("with_reminder"));
	}

	void testQueryNumbers()
	{
		const struct
		{
			const char* path;
			const char* field;
		} cases[] = {
			{"/api/customers?limit=%2B5", "limit"},
			{"/api/customers?limit=%205", "limit"},
			{"/api/customers?limit=1,0", "limit"},
			{"/api/customers?offset=18446744073709551616", "offset"},
			{"/api/customers?offset=-1", "offset"},
			{"/api/invoices?customer_id=18446744073709551617", "customer_id"},
			{"/api/invoices?customer_id=true", "customer_id"},
			{"/api/audit?before=9223372036854775808", "before"},
			{"/api/plugins/reminders/outstanding?after=%2B1", "after"},
		};
		for (const auto& c: cases)
		{
			Reply reply = _host->call("GET", c.path);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(c.path) + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.path, std::string(c.field), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/customers?limit=5&offset=0").status);
	}

	void testQueryParametersARouteDoesNotTake()
	{
		// Refused by name, with what the route takes, and nothing done: a
		// misspelt filter no longer lists every invoice, and a "dry run"
		// the API has no such thing as no longer starts the real run.
		const struct
		{
			const char* method;
			const char* path;
			const char* field;
			const char* takes;
		} cases[] = {
			{"GET", "/api/invoices?stauts=paid", "stauts",
			 "takes customer_id, customer_name, limit, offset, order, overdue, status"},
			{"GET", "/api/customers?limit=5&query=Alpha", "query", "takes limit, offset, q"},
			{"GET", "/api/customers/1?fields=name", "fields", "takes none"},
			{"GET", "/api/plugins/reminders/preview?limt=5", "limt", "takes after, date, limit"},
			{"PUT", "/api/plugins/reminders/settings?force=1", "force", "takes none"},
			{"POST", "/api/plugins/reminders/runs?dry_run=1", "dry_run", "takes none"},
		};
		for (const auto& c: cases)
		{
			Reply reply = _host->call(c.method, c.path, R"({"enabled": true, "from_address": "billing@example.com"})");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(c.path) + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.path, std::string(c.field), reply.errorField());
			CPPUNIT_ASSERT_MESSAGE(reply.body, reply.body.find(c.takes) != std::string::npos);
		}
		// Nothing was done: the settings are as they were, no run exists.
		Reply settings = _host->call("GET", "/api/plugins/reminders/settings");
		CPPUNIT_ASSERT(!settings.object()->getValue<bool>("enabled"));
		Reply runs = _host->call("GET", "/api/plugins/reminders/runs");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(runs.body, std::size_t(0), runs.object()->getArray("items")->size());
		// The same routes with what they take; "&&" or a leading '&' (what
		// a client joining optional parts may send) carry no parameter.
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/invoices?status=paid&order=newest").status);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/invoices?&status=paid&&order=newest&").status);
		Reply twice = _host->call("GET", "/api/invoices?status=issued&status=paid");
		CPPUNIT_ASSERT_EQUAL(400, twice.status);
		CPPUNIT_ASSERT_EQUAL(std::string("status"), twice.errorField());
		CPPUNIT_ASSERT_MESSAGE(twice.body, twice.body.find("given more than once") != std::string::npos);
		Reply nameless = _host->call("GET", "/api/invoices?=paid");
		CPPUNIT_ASSERT_EQUAL(400, nameless.status);
		CPPUNIT_ASSERT_MESSAGE(nameless.body,
							   nameless.body.find("a query parameter without a name (=paid)") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/plugins/reminders/preview?limit=5").status);
	}

	void testPathIdsArePlainDigits()
	{
		const std::string first = std::to_string(_customer);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), first);
		for (const std::string& id:
			 {std::string("+1"), std::string("%2B1"), std::string("%201"), std::string("%2F1"), std::string("1%20"),
			  std::string("01"), std::string("1.0"), std::string("0x1"), std::string("18446744073709551617"),
			  std::string("9223372036854775808"), std::string("-1"), std::string("1,0"),
			  // Percent-encoded twice: decoded once, it is "%31", not an id.
			  std::string("%2531")})
		{
			const std::string path = "/api/customers/" + id;
			Reply read = _host->call("GET", path);
			CPPUNIT_ASSERT_MESSAGE(path + " " + read.body, read.status == 404 || read.status == 400);
			Reply patch = _host->call("PATCH", path, R"({"name": "Hijacked"})");
			CPPUNIT_ASSERT_MESSAGE(path + " " + patch.body, patch.status == 404 || patch.status == 400);
			Reply payment = _host->call("POST", "/api/invoices/" + id + "/payments", R"({"amount": "1"})");
			CPPUNIT_ASSERT_MESSAGE(id + " " + payment.body, payment.status == 404 || payment.status == 400);
		}
		CPPUNIT_ASSERT_EQUAL(std::string("Alpha"),
							 _host->call("GET", "/api/customers/1").object()->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("customer.update"));
		CPPUNIT_ASSERT_EQUAL(404, _host->call("GET", "/api/plugins/reminders/runs/+1").status);
		CPPUNIT_ASSERT_EQUAL(
			404, _host->call("PUT", "/api/plugins/reminders/invoices/%201", R"({"with_reminder": true})").status);
	}

	void testCurrencyFromIso4217()
	{
		for (const char* currency: {"ZZZ", "ABC", "XXX", "XTS", "XAU", "EURO", "eur", ""})
		{
			Reply reply = create(R"("currency": ")" + std::string(currency) + R"(", "total": "10")");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(currency) + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("currency"), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), invoiceCount());
		Reply kuwait = create(R"("currency": "KWD", "total": "1.234")");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(kuwait.body, 201, kuwait.status);
		CPPUNIT_ASSERT_EQUAL(std::string("1.234"), kuwait.object()->getValue<std::string>("total"));
		Reply chile = create(R"("currency": "CLF", "total": "1.2345")", "N-CLF");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(chile.body, 201, chile.status);
		CPPUNIT_ASSERT_EQUAL(std::string("1.2345"), chile.object()->getValue<std::string>("total"));
	}

	void testDatesWithinSaneRanges()
	{
		const std::string today = _host->runtime().services().clock.today();
		const std::string nextYear = erp::JsonBody::addYears(today, 1);
		const std::string afterNextYear = erp::JsonBody::addDays(erp::JsonBody::addYears(today, 1), 1);
		const struct
		{
			std::string dates;
			const char* field;
		} cases[] = {
			{R"("issue_date": "9999-12-31")", "issue_date"},
			{R"("issue_date": ")" + afterNextYear + "\"", "issue_date"},
			{R"("issue_date": "1899-12-31")", "issue_date"},
			{R"("issue_date": "0000-01-01")", "issue_date"},
			{R"("issue_date": "2026-10-01", "due_date": "9999-12-31")", "due_date"},
			{R"("issue_date": "2026-10-01", "due_date": "2037-10-02")", "due_date"},
			{R"("issue_date": "2026-10-01", "due_date": "2026-09-30")", "due_date"},
			{R"("issue_date": ")" + nextYear + R"(", "paid": true)", "paid"},
		};
		for (const auto& c: cases)
		{
			const std::string body = R"({"number": "D-1", "customer_id": )" + std::to_string(_customer) + ", " +
									 c.dates + R"(, "currency": "EUR", "total": "10"})";
			Reply reply = _host->call("POST", "/api/invoices", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string(c.field), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), invoiceCount());
		// A year ahead, the far past and ten years' terms are an accountant's business.
		for (const std::string& dates:
			 {R"("issue_date": ")" + nextYear + "\"", std::string(R"("issue_date": "1900-01-01")"),
			  std::string(R"("issue_date": "2026-10-01", "due_date": "2036-10-01")")})
		{
			Reply reply =
				create(dates + R"(, "currency": "EUR", "total": "10")", "D-" + std::to_string(invoiceCount()));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(dates + " " + reply.body, 201, reply.status);
		}
	}

	void testPaymentDates()
	{
		const auto id = _host->createInvoice(_customer, "P-1", "100");
		const std::string path = "/api/invoices/" + std::to_string(id) + "/payments";
		const std::string today = _host->runtime().services().clock.today();
		const std::string nextYear = erp::JsonBody::addYears(today, 1);
		for (const std::string& paidOn: {std::string("2099-01-01"), nextYear, std::string("2026-09-30")})
		{
			Reply reply = _host->call("POST", path, R"({"amount": "1", "paid_on": ")" + paidOn + "\"}");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(paidOn + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("paid_on"), reply.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("invoice.payment"));
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", path, R"({"amount": "1", "paid_on": ")" + today + "\"}").status);
	}

	void testNamesCountCharacters()
	{
		std::string greek200, greek201;
		for (int i = 0; i < 200; ++i)
			greek200 += "α";
		greek201 = greek200 + "β";
		Reply fits = _host->call("POST", "/api/customers", R"({"name": ")" + greek200 + "\"}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(fits.body, 201, fits.status);
		CPPUNIT_ASSERT_EQUAL(greek200, fits.object()->getValue<std::string>("name"));
		Reply tooLong = _host->call("POST", "/api/customers", R"({"name": ")" + greek201 + "\"}");
		CPPUNIT_ASSERT_EQUAL(400, tooLong.status);
		CPPUNIT_ASSERT_EQUAL(std::string("name"), tooLong.errorField());
		CPPUNIT_ASSERT(tooLong.object()->getObject("error")->getValue<std::string>("message").find("characters") !=
					   std::string::npos);
		// A C1 control is not a name; a lone surrogate is not even JSON.
		Reply control = _host->call("POST", "/api/customers", R"({"name": "a\u0085b"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(control.body, 400, control.status);
		CPPUNIT_ASSERT_EQUAL(std::string("name"), control.errorField());
		Reply surrogate = _host->call("POST", "/api/customers", R"({"name": "\ud800x"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(surrogate.body, 400, surrogate.status);
		CPPUNIT_ASSERT_EQUAL(
			std::size_t(1),
			_host->call("GET", "/api/customers?limit=500&offset=2").object()->getArray("items")->size());
	}

	void testErrorBodiesAreUtf8()
	{
		// (Paths outside /api/ are the web interface's: pages, never JSON.)
		for (const std::string& path: {std::string("/api/%ff%fe"), std::string("/api/customers/%ff"),
									   std::string("/api/audit?plugin=%ff%fe"), std::string("/api/%c0%af")})
		{
			const auto [status, body] = raw("GET", path, "", TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_MESSAGE(path, status >= 400 && status < 500);
			CPPUNIT_ASSERT_MESSAGE(path + " answers invalid UTF-8: " + body, erp::Utf8::isValid(body));
			Poco::JSON::Parser parser;
			Poco::JSON::Object::Ptr error = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getObject("error");
			CPPUNIT_ASSERT_MESSAGE(body, !error.isNull());
		}
		// The path is named as it was sent, percent-encoded; a target with
		// raw bytes outside visible ASCII is refused without an echo.
		const auto [status, body] = raw("GET", "/api/%ff%fe", "");
		CPPUNIT_ASSERT_EQUAL(404, status);
		CPPUNIT_ASSERT_MESSAGE(body, body.find("no such resource: /api/%ff%fe") != std::string::npos);
		for (const std::string& target: {std::string("/api/\xfe\xfd"), std::string("/api/customers/1\xc3\xa9"),
										 std::string("/api/customers/1\x7f")})
		{
			const auto [rawStatus, rawBody] = raw("GET", target, "");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(rawBody, 400, rawStatus);
			CPPUNIT_ASSERT_MESSAGE(rawBody, rawBody.find("visible ASCII") != std::string::npos);
		}
		// A body whose bytes are not UTF-8 is refused as such.
		const auto [bad, answer] = raw("POST", "/api/customers", "{\"name\": \"\xff\xfe\"}");
		CPPUNIT_ASSERT_EQUAL(400, bad);
		CPPUNIT_ASSERT(erp::Utf8::isValid(answer));
	}

	void testFieldIsTheBodysField()
	{
		enableReminders();
		const auto off = _host->createCustomer("Off", "off@example.com", R"("reminders": {"enabled": false})");
		const auto invoice = _host->createInvoice(off, "F-1", "10");
		Reply toggle = _host->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(invoice),
								   R"({"with_reminder": true})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(toggle.body, 400, toggle.status);
		CPPUNIT_ASSERT_EQUAL(std::string("reminder_not_allowed"), toggle.errorCode());
		CPPUNIT_ASSERT_EQUAL(std::string("with_reminder"), toggle.errorField());
		// Inside a record the plugin's fields travel in its section, and are named so.
		Reply record = _host->call("POST", "/api/invoices",
								   R"({"number": "F-2", "customer_id": )" + std::to_string(off) +
									   R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10", )"
									   R"("reminders": {"with_reminder": true}})");
		CPPUNIT_ASSERT_EQUAL(400, record.status);
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.with_reminder"), record.errorField());
		Reply customer =
			_host->call("PATCH", "/api/customers/" + std::to_string(off), R"({"reminders": {"enabled": 1}})");
		CPPUNIT_ASSERT_EQUAL(400, customer.status);
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.enabled"), customer.errorField());
	}

	void testMaximumInvoiceTotal()
	{
		// 92,233,720,368,547,758.07 EUR was accepted; two of them overflowed.
		for (const char* total: {"92233720368547758.07", "100000000000.01", "1000000000000"})
		{
			Reply reply = create(std::string(R"("currency": "EUR", "total": ")") + total + "\"");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(total) + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("total"), reply.errorField());
		}
		Reply yen = create(R"("currency": "JPY", "total": "10000000000001")");
		CPPUNIT_ASSERT_EQUAL(400, yen.status);
		CPPUNIT_ASSERT_EQUAL(std::string("total"), yen.errorField());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), invoiceCount());
		Reply largest = create(R"("currency": "EUR", "total": "100000000000.00")");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(largest.body, 201, largest.status);
		const auto id = largest.object()->getValue<Poco::Int64>("id");
		Reply over = _host->call("POST", "/api/invoices/" + std::to_string(id) + "/payments",
								 R"({"amount": "92233720368547758.07"})");
		CPPUNIT_ASSERT_EQUAL(400, over.status);
		CPPUNIT_ASSERT_EQUAL(std::string("amount"), over.errorField());
	}

	void testTwoMaximumInvoicesInThePreview()
	{
		enableReminders();
		const std::string largest = "100000000000.00"; // the largest total in EUR
		_host->createInvoice(_customer, "MAX-1", largest);
		_host->createInvoice(_customer, "MAX-2", largest);
		Reply preview = _host->call("GET", "/api/plugins/reminders/preview?date=2026-11-30", "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(preview.body, 200, preview.status);
		auto message = preview.object()->getArray("messages")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("200000000000.00"),
							 message->getObject("totals")->getValue<std::string>("EUR"));
	}

private:
	void enableReminders()
	{
		Reply on = _host->call(
			"PUT", "/api/plugins/reminders/settings",
			R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 7, "stop_after_months": 2})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
	}

	static std::string wrapAround(Poco::Int64 id)
	/// 2^64 + id, written out in decimal.
	{
		// 2^64 = 18446744073709551616; the ids in these tests are small.
		CPPUNIT_ASSERT(id > 0 && id < 8000);
		return "1844674407370955" + std::to_string(1616 + id);
	}

	Reply create(const std::string& fields, const std::string& number = "N-1")
	{
		return _host->call(
			"POST", "/api/invoices",
			R"({"number": ")" + number + R"(", "customer_id": )" + std::to_string(_customer) +
				(fields.find("issue_date") == std::string::npos ? R"(, "issue_date": "2026-10-01", )" : ", ") + fields +
				"}");
	}

	std::size_t invoiceCount()
	{
		return _host->call("GET", "/api/invoices").object()->getArray("items")->size();
	}

	std::pair<int, std::string> raw(const std::string& method, const std::string& path, const std::string& body,
									const std::string& token = TestHost::ADMIN)
	/// A request whose answer is kept as bytes (TestHost::call parses it).
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(_host->runtime().httpPort()));
		Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
		request.set("Authorization", "Bearer " + token);
		request.setContentType("application/json");
		request.setContentLength(static_cast<std::streamsize>(body.size()));
		session.sendRequest(request) << body;
		Poco::Net::HTTPResponse response;
		std::istream& in = session.receiveResponse(response);
		std::string answer;
		Poco::StreamCopier::copyToString(in, answer);
		return {response.getStatus(), answer};
	}

	Poco::Int64 _customer = 0;
	Poco::Int64 _other = 0;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StrictInputTest, "host");
