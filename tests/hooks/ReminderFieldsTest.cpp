//
// ReminderFieldsTest.cpp
//


#include "HostFixture.h"
#include "erp/JsonBody.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class ReminderFieldsTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(ReminderFieldsTest);
	CPPUNIT_TEST(testCustomerFieldsRoundTrip);
	CPPUNIT_TEST(testInvoiceFlagInRequest);
	CPPUNIT_TEST(testInvoiceFlagRefusals);
	CPPUNIT_TEST(testToggleRoute);
	CPPUNIT_TEST(testEffectiveState);
	CPPUNIT_TEST(testPauseUntil);
	CPPUNIT_TEST(testPauseUntilRefusals);
	CPPUNIT_TEST(testDispute);
	CPPUNIT_TEST(testDisputeRefusals);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		HostFixture::setUp();
		switchOn(true);
	}

	void testCustomerFieldsRoundTrip()
	{
		const auto id = _host->createCustomer("Delta", "delta@example.com", R"("reminders": {"default": false})");
		const std::string path = "/api/customers/" + std::to_string(id);
		auto section = _host->call("GET", path).object()->getObject("reminders");
		CPPUNIT_ASSERT(section->getValue<bool>("enabled"));
		CPPUNIT_ASSERT(!section->getValue<bool>("default"));

		Reply off = _host->call("PATCH", path, R"({"reminders": {"enabled": false}})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(off.body, 200, off.status);
		section = off.object()->getObject("reminders");
		CPPUNIT_ASSERT(!section->getValue<bool>("enabled"));
		CPPUNIT_ASSERT(!section->getValue<bool>("default"));
		CPPUNIT_ASSERT_EQUAL(2, _host->auditCount("reminders.customer.update", std::to_string(id)));

		// The same values again change nothing and audit nothing.
		_host->call("PATCH", path, R"({"reminders": {"enabled": false}})");
		CPPUNIT_ASSERT_EQUAL(2, _host->auditCount("reminders.customer.update", std::to_string(id)));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.customer.update&entity_id=" + std::to_string(id));
		auto latest = audit.object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), latest->getValue<std::string>("actor"));
		CPPUNIT_ASSERT(latest->getObject("details")->getValue<bool>("was_enabled"));
	}

	void testInvoiceFlagInRequest()
	{
		const auto customer = _host->createCustomer("Eps", "eps@example.com", R"("reminders": {"default": false})");
		const auto on = _host->createInvoice(customer, "E-1", "10", R"("reminders": {"with_reminder": true})");
		const auto plain = _host->createInvoice(customer, "E-2", "10");
		CPPUNIT_ASSERT(withReminder(on));
		CPPUNIT_ASSERT(!withReminder(plain));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.invoice.flag", std::to_string(on)));
	}

	void testInvoiceFlagRefusals()
	{
		const auto off = _host->createCustomer("Off", "off@example.com", R"("reminders": {"enabled": false})");
		const auto on = _host->createCustomer("On", "on@example.com");
		const struct
		{
			Poco::Int64 customer;
			const char* extra;
			int status;
			const char* code;
		} cases[] = {
			{off, R"("reminders": {"with_reminder": true})", 400, "reminder_not_allowed"},
			{on, R"("paid": true, "reminders": {"with_reminder": true})", 400, "reminder_not_allowed"},
			{on, R"("reminders": {"with_reminder": "yes"})", 400, "invalid_field"},
			{on, R"("reminders": {"with_reminder": true, "weekly": true})", 400, "invalid_field"},
		};
		int n = 0;
		for (const auto& c: cases)
		{
			const std::string body =
				R"({"number": "X-)" + std::to_string(++n) + R"(", "customer_id": )" + std::to_string(c.customer) +
				R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10", )" + c.extra + "}";
			Reply reply = _host->call("POST", "/api/invoices", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, c.status, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string(c.code), reply.errorCode());
			CPPUNIT_ASSERT_EQUAL(std::string(0 == std::string(c.code).compare("invalid_field") &&
													 std::string(c.extra).find("weekly") != std::string::npos
												 ? "reminders.weekly"
												 : "reminders.with_reminder"),
								 reply.errorField());
		}
		// Nothing was created by the refused requests.
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), _host->call("GET", "/api/invoices").object()->getArray("items")->size());
		// Turning it off is always allowed; a disabled customer's invoice starts off.
		const auto quiet = _host->createInvoice(off, "OFF-1", "10", R"("reminders": {"with_reminder": false})");
		CPPUNIT_ASSERT(!withReminder(quiet));
		const auto defaulted = _host->createInvoice(off, "OFF-2", "10");
		CPPUNIT_ASSERT(!withReminder(defaulted));
	}

	void testToggleRoute()
	{
		const auto customer = _host->createCustomer("Zeta", "zeta@example.com");
		const auto invoice = _host->createInvoice(customer, "Z-1", "50");
		const std::string path = "/api/plugins/reminders/invoices/" + std::to_string(invoice);
		CPPUNIT_ASSERT(withReminder(invoice));
		Reply off = _host->call("PUT", path, R"({"with_reminder": false})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(off.body, 200, off.status);
		CPPUNIT_ASSERT(!withReminder(invoice));
		CPPUNIT_ASSERT_EQUAL(2, _host->auditCount("reminders.invoice.flag", std::to_string(invoice)));

		CPPUNIT_ASSERT_EQUAL(400, _host->call("PUT", path, R"({"with_reminder": 1})").status);
		CPPUNIT_ASSERT_EQUAL(400, _host->call("PUT", path, R"({"with_reminder": true, "x": 1})").status);
		CPPUNIT_ASSERT_EQUAL(400, _host->call("PUT", path, "nonsense").status);
		CPPUNIT_ASSERT_EQUAL(
			404, _host->call("PUT", "/api/plugins/reminders/invoices/777", R"({"with_reminder": true})").status);
		CPPUNIT_ASSERT_EQUAL(
			404, _host->call("PUT", "/api/plugins/reminders/invoices/x", R"({"with_reminder": true})").status);

		_host->call("POST", "/api/invoices/" + std::to_string(invoice) + "/payments", R"({"amount": "50"})");
		Reply paid = _host->call("PUT", path, R"({"with_reminder": true})");
		CPPUNIT_ASSERT_EQUAL(400, paid.status);
		CPPUNIT_ASSERT_EQUAL(std::string("reminder_not_allowed"), paid.errorCode());
		CPPUNIT_ASSERT(!withReminder(invoice));
	}

	void testEffectiveState()
	{
		// The invoice answer says whether its flag takes effect, and why not.
		const auto customer = _host->createCustomer("Iota", "iota@example.com");
		// Issued today and due in a year (due dates lie at most ten years after issue).
		const std::string today = _host->runtime().services().clock.today();
		const std::string later = erp::JsonBody::addYears(today, 1);
		const auto flagged = invoice(customer, "I-1", later, "", today);
		const auto plain = invoice(customer, "I-2", later, R"(, "reminders": {"with_reminder": false})", today);
		const auto old = invoice(customer, "I-3", "2020-01-31"); // its six months ended long ago
		const auto paid = invoice(customer, "I-4", later, "", today);
		_host->call("POST", "/api/invoices/" + std::to_string(paid) + "/payments", R"({"amount": "10"})");
		expect(flagged, true, true, "");
		expect(plain, false, false, "not_flagged");
		expect(old, true, false, "reminders_ended");
		expect(paid, true, false, "paid");

		// The customer switched off: its flags stay, and say they do nothing.
		const std::string path = "/api/customers/" + std::to_string(customer);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("PATCH", path, R"({"reminders": {"enabled": false}})").status);
		expect(flagged, true, false, "customer_off");
		Reply listed = _host->call("GET", "/api/invoices?customer_id=" + std::to_string(customer));
		auto first = listed.object()->getArray("items")->getObject(0)->getObject("reminders");
		CPPUNIT_ASSERT(first->getValue<bool>("with_reminder"));
		CPPUNIT_ASSERT(!first->getValue<bool>("effective"));
		CPPUNIT_ASSERT_EQUAL(std::string("customer_off"), first->getValue<std::string>("because"));

		// The master switch off comes first.
		switchOn(false);
		expect(flagged, true, false, "feature_off");
		_host->call("PATCH", path, R"({"reminders": {"enabled": true}})");
		switchOn(true);
		expect(flagged, true, true, "");

		// The toggle's answer carries the same.
		Reply toggled = _host->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(old),
									R"({"with_reminder": true})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(toggled.body, 200, toggled.status);
		CPPUNIT_ASSERT(!toggled.object()->getValue<bool>("effective"));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders_ended"), toggled.object()->getValue<std::string>("because"));
	}

	void testPauseUntil()
	{
		const auto id = _host->createCustomer("Kappa", "kappa@example.com");
		const std::string path = "/api/customers/" + std::to_string(id);
		CPPUNIT_ASSERT(_host->call("GET", path).object()->getObject("reminders")->isNull("paused_until"));
		// An accountant may set it, as the other reminder fields.
		Reply paused =
			_host->call("PATCH", path, R"({"reminders": {"paused_until": "2026-12-31"}})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(paused.body, 200, paused.status);
		auto section = paused.object()->getObject("reminders");
		CPPUNIT_ASSERT_EQUAL(std::string("2026-12-31"), section->getValue<std::string>("paused_until"));
		CPPUNIT_ASSERT(section->getValue<bool>("enabled")); // the other fields keep their values
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.customer.update", std::to_string(id)));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.customer.update&entity_id=" + std::to_string(id));
		auto details = audit.object()->getArray("items")->getObject(0)->getObject("details");
		CPPUNIT_ASSERT_EQUAL(std::string("2026-12-31"), details->getValue<std::string>("paused_until"));
		CPPUNIT_ASSERT(details->isNull("was_paused_until"));
		CPPUNIT_ASSERT_EQUAL(std::string("maria"),
							 audit.object()->getArray("items")->getObject(0)->getValue<std::string>("actor"));
		// The same date again audits nothing; "" (the form's empty field) and null lift the pause.
		_host->call("PATCH", path, R"({"reminders": {"paused_until": "2026-12-31"}})");
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.customer.update", std::to_string(id)));
		Reply lifted = _host->call("PATCH", path, R"({"reminders": {"paused_until": ""}})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(lifted.body, 200, lifted.status);
		CPPUNIT_ASSERT(lifted.object()->getObject("reminders")->isNull("paused_until"));
		_host->call("PATCH", path, R"({"reminders": {"paused_until": "2027-01-15"}})");
		Reply nulled = _host->call("PATCH", path, R"({"reminders": {"paused_until": null}})");
		CPPUNIT_ASSERT(nulled.object()->getObject("reminders")->isNull("paused_until"));
		CPPUNIT_ASSERT_EQUAL(4, _host->auditCount("reminders.customer.update", std::to_string(id)));
	}

	void testPauseUntilRefusals()
	{
		const auto id = _host->createCustomer("Lambda", "lambda@example.com");
		const std::string path = "/api/customers/" + std::to_string(id);
		_host->call("PATCH", path, R"({"reminders": {"paused_until": "2026-12-31"}})");
		for (const char* value: {R"("2026-02-30")", R"("31/12/2026")", R"("2026-12-31T00:00")", "20261231", "true",
								 R"("tomorrow")", R"({"date": "2026-12-31"})"})
		{
			const std::string body =
				std::string(R"({"name": "Renamed", "reminders": {"paused_until": )") + value + "}}";
			Reply refused = _host->call("PATCH", path, body, TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body + " " + refused.body, 400, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("reminders.paused_until"), refused.errorField());
		}
		// Nothing stored: neither the pause nor the host's own field of the same request.
		auto customer = _host->call("GET", path).object();
		CPPUNIT_ASSERT_EQUAL(std::string("Lambda"), customer->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-12-31"),
							 customer->getObject("reminders")->getValue<std::string>("paused_until"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.customer.update", std::to_string(id)));
	}

	void testDispute()
	{
		const auto customer = _host->createCustomer("Mu", "mu@example.com");
		const std::string today = _host->runtime().services().clock.today();
		const auto id = invoice(customer, "M-1", today, "", today);
		const std::string path = "/api/plugins/reminders/invoices/" + std::to_string(id);
		Reply disputed =
			_host->call("PUT", path, R"({"disputed": true, "dispute_note": "  Goods returned, credit note due  "})",
						TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(disputed.body, 200, disputed.status);
		CPPUNIT_ASSERT(disputed.object()->getValue<bool>("disputed"));
		CPPUNIT_ASSERT_EQUAL(std::string("Goods returned, credit note due"),
							 disputed.object()->getValue<std::string>("dispute_note"));
		CPPUNIT_ASSERT(disputed.object()->getValue<bool>("with_reminder")); // the flag is kept
		CPPUNIT_ASSERT(!disputed.object()->getValue<bool>("effective"));
		CPPUNIT_ASSERT_EQUAL(std::string("disputed"), disputed.object()->getValue<std::string>("because"));
		// The invoice record says the same.
		auto section = _host->call("GET", "/api/invoices/" + std::to_string(id)).object()->getObject("reminders");
		CPPUNIT_ASSERT(section->getValue<bool>("disputed"));
		CPPUNIT_ASSERT_EQUAL(std::string("disputed"), section->getValue<std::string>("because"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.invoice.dispute", std::to_string(id)));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.invoice.dispute&entity_id=" + std::to_string(id));
		auto entry = audit.object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), entry->getValue<std::string>("actor"));
		CPPUNIT_ASSERT(entry->getObject("details")->getValue<bool>("disputed"));
		CPPUNIT_ASSERT(!entry->getObject("details")->getValue<bool>("was_disputed"));
		// Again: nothing changes, nothing audited. Cleared: in the reminders again.
		_host->call("PUT", path, R"({"disputed": true})");
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.invoice.dispute", std::to_string(id)));
		Reply cleared = _host->call("PUT", path, R"({"disputed": false, "dispute_note": null})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(cleared.body, 200, cleared.status);
		CPPUNIT_ASSERT(!cleared.object()->getValue<bool>("disputed"));
		CPPUNIT_ASSERT(cleared.object()->isNull("dispute_note"));
		CPPUNIT_ASSERT(cleared.object()->getValue<bool>("effective"));
		CPPUNIT_ASSERT_EQUAL(2, _host->auditCount("reminders.invoice.dispute", std::to_string(id)));
		// An invoice never flagged can be disputed too: its row starts unflagged.
		const auto plain = invoice(customer, "M-2", today, R"(, "reminders": {"with_reminder": false})", today);
		Reply unflagged =
			_host->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(plain), R"({"disputed": true})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(unflagged.body, 200, unflagged.status);
		CPPUNIT_ASSERT(!unflagged.object()->getValue<bool>("with_reminder"));
		CPPUNIT_ASSERT(unflagged.object()->getValue<bool>("disputed"));
	}

	void testDisputeRefusals()
	{
		const auto customer = _host->createCustomer("Nu", "nu@example.com");
		const std::string today = _host->runtime().services().clock.today();
		const auto id = invoice(customer, "N-1", today, "", today);
		const std::string path = "/api/plugins/reminders/invoices/" + std::to_string(id);
		const std::string longNote(std::size_t(500) + 1, 'x');
		const struct
		{
			std::string body;
			const char* field;
		} cases[] = {
			{R"({"disputed": "yes"})", "disputed"},
			{R"({"disputed": 1})", "disputed"},
			{R"({"disputed": true, "dispute_note": 7})", "dispute_note"},
			{R"({"disputed": true, "dispute_note": "a\u0007b"})", "dispute_note"},
			{R"({"disputed": true, "dispute_note": ")" + longNote + R"("})", "dispute_note"},
			{R"({"disputed": true, "note": "x"})", "note"},
			{R"({})", "with_reminder"},
		};
		for (const auto& c: cases)
		{
			Reply refused = _host->call("PUT", path, c.body, TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body + " " + refused.body, 400, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.field), refused.errorField());
		}
		// A refused flag stores no dispute of the same request either.
		_host->call("POST", "/api/invoices/" + std::to_string(id) + "/payments", R"({"amount": "10"})");
		Reply paid = _host->call("PUT", path, R"({"with_reminder": true, "disputed": true})");
		CPPUNIT_ASSERT_EQUAL(400, paid.status);
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.invoice.dispute", std::to_string(id)));
		CPPUNIT_ASSERT(!_host->call("GET", "/api/invoices/" + std::to_string(id))
							.object()
							->getObject("reminders")
							->getValue<bool>("disputed"));
		// The host's invoice form may carry the section too.
		Reply created = _host->call(
			"POST", "/api/invoices",
			R"({"number": "N-2", "customer_id": )" + std::to_string(customer) +
				R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10", "reminders": {"disputed": "no"}})");
		CPPUNIT_ASSERT_EQUAL(400, created.status);
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.disputed"), created.errorField());
	}

private:
	void switchOn(bool on)
	{
		Reply reply = _host->call("PUT", "/api/plugins/reminders/settings",
								  std::string(R"({"from_address": "billing@example.com", "enabled": )") +
									  (on ? "true" : "false") + "}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
	}

	Poco::Int64 invoice(Poco::Int64 customer, const std::string& number, const std::string& due,
						const std::string& extra = "", const std::string& issue = "2019-12-01")
	{
		Reply reply = _host->call("POST", "/api/invoices",
								  R"({"number": ")" + number + R"(", "customer_id": )" + std::to_string(customer) +
									  R"(, "issue_date": ")" + issue + R"(", "due_date": ")" + due +
									  R"(", "currency": "EUR", "total": "10")" + extra + "}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 201, reply.status);
		return reply.object()->getValue<Poco::Int64>("id");
	}

	void expect(Poco::Int64 invoice, bool withReminder, bool effective, const std::string& because)
	{
		auto section = _host->call("GET", "/api/invoices/" + std::to_string(invoice)).object()->getObject("reminders");
		const std::string what = std::to_string(invoice) + " " + because;
		CPPUNIT_ASSERT_EQUAL_MESSAGE(what, withReminder, section->getValue<bool>("with_reminder"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(what, effective, section->getValue<bool>("effective"));
		if (because.empty())
			CPPUNIT_ASSERT_MESSAGE(what, section->isNull("because"));
		else
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, because, section->getValue<std::string>("because"));
	}

	bool withReminder(Poco::Int64 invoice)
	{
		Reply reply = _host->call("GET", "/api/invoices/" + std::to_string(invoice));
		return reply.object()->getObject("reminders")->getValue<bool>("with_reminder");
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReminderFieldsTest, "hooks");
