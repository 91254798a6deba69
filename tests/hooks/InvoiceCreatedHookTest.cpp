//
// InvoiceCreatedHookTest.cpp
//


#include "TestHost.h"
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>


using tests::Reply;
using tests::TestHost;


class InvoiceCreatedHookTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(InvoiceCreatedHookTest);
	CPPUNIT_TEST(testDefaultsFromCustomer);
	CPPUNIT_TEST(testNothingIsFlaggedWhileTheFeatureIsOff);
	CPPUNIT_TEST(testTheSwitchHoldsAtOnceOnAnotherInstance);
	CPPUNIT_TEST(testTheAnswerSectionIsWhatAFreshReadSays);
	CPPUNIT_TEST(testNothingHandedOverOutlivesItsTransaction);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDefaultsFromCustomer()
	{
		TestHost host(TestHost::remindersPluginsDirectory());
		switchOn(host, true);
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
			// A dispute given at creation is not a choice of the flag: the
			// customer's default still decides it (the dispute keeps the
			// invoice out of the reminders while it lasts).
			{"", R"("reminders": {"disputed": true})", true},
			{R"("reminders": {"default": false})", R"("reminders": {"disputed": true, "dispute_note": "x"})", false},
			{"", R"("reminders": {"disputed": true, "with_reminder": false})", false}, // explicit still wins
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

	void testNothingIsFlaggedWhileTheFeatureIsOff()
	{
		// A business that has not turned reminders on yet: its invoices stay
		// unflagged (the bulk-enable page offers them once it does), and the
		// plugin writes nothing for them.
		TestHost host(TestHost::remindersPluginsDirectory());
		const auto customer = host.createCustomer("Early", "early@example.com");
		const auto before = host.createInvoice(customer, "E-1", "10");
		CPPUNIT_ASSERT(!withReminder(host, before));
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("reminders.invoice.flag", std::to_string(before)));
		// An explicit choice in the request is still honoured.
		const auto chosen = host.createInvoice(customer, "E-2", "10", R"("reminders": {"with_reminder": true})");
		CPPUNIT_ASSERT(withReminder(host, chosen));

		// Once on, the customer's default applies to new invoices...
		switchOn(host, true);
		const auto during = host.createInvoice(customer, "E-3", "10");
		CPPUNIT_ASSERT(withReminder(host, during));
		CPPUNIT_ASSERT(!withReminder(host, before)); // ...not to the old ones.

		// Off again: new invoices are no longer flagged.
		switchOn(host, false);
		const auto after = host.createInvoice(customer, "E-4", "10");
		CPPUNIT_ASSERT(!withReminder(host, after));
		CPPUNIT_ASSERT(withReminder(host, during));
	}

	void testTheSwitchHoldsAtOnceOnAnotherInstance()
	{
		// Two instances on one database: the hook reads the switch and the
		// customer's default in the creating transaction, so what one
		// instance saved holds for the other's very next invoice (nothing
		// cached to go stale).
		TestHost first(TestHost::remindersPluginsDirectory());
		TestHost second(TestHost::remindersPluginsDirectory(), true, first.folder());
		switchOn(first, true);
		const auto customer = first.createCustomer("Shared", "shared@example.com");
		CPPUNIT_ASSERT(withReminder(second, second.createInvoice(customer, "S-1", "10")));
		switchOn(first, false);
		CPPUNIT_ASSERT(!withReminder(second, second.createInvoice(customer, "S-2", "10")));
		switchOn(second, true);
		Reply off =
			first.call("PATCH", "/api/customers/" + std::to_string(customer), R"({"reminders": {"default": false}})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(off.body, 200, off.status);
		CPPUNIT_ASSERT(!withReminder(second, second.createInvoice(customer, "S-3", "10")));
	}

	void testTheAnswerSectionIsWhatAFreshReadSays()
	{
		// The answer to POST /api/invoices takes its "reminders" section
		// from what the hook read and decided in the creating transaction
		// (ReminderFields::handOver) instead of reading it again: it must
		// be exactly what a fresh GET of the same invoice says, whichever
		// way the hook decided.
		TestHost host(TestHost::remindersPluginsDirectory());
		const struct
		{
			bool switchOn;
			const char* customerFields;
			const char* invoiceExtra;
		} cases[] = {
			{true, "", ""},                                         // the customer's default: on
			{true, R"("reminders": {"default": false})", ""},       // the customer's default: off
			{true, R"("reminders": {"enabled": false})", ""},       // the customer's reminders off
			{false, "", ""},                                        // the switch off: left unflagged
			{false, "", R"("reminders": {"with_reminder": true})"}, // the switch off, explicit choice
			{true, "", R"("reminders": {"disputed": true, "dispute_note": "Goods returned"})"}, // disputed at creation
			{true, R"("reminders": {"default": false})", R"("reminders": {"with_reminder": true})"}, // explicit on
			{true, "", R"("reminders": {"with_reminder": false, "disputed": true})"}, // explicit off, disputed
			{true, "", R"("paid": true)"},                                            // paid at issue
			{true, "", R"("issue_date": "2024-01-01", "due_date": "2024-01-31")"},    // its window over
		};
		int n = 0;
		for (const auto& c: cases)
		{
			++n;
			const std::string label = "case " + std::to_string(n);
			switchOn(host, c.switchOn);
			const auto customer = host.createCustomer("A" + std::to_string(n), "a" + std::to_string(n) + "@example.com",
													  c.customerFields);
			std::string body = R"({"number": "A-)" + std::to_string(n) + R"(", "customer_id": )" +
							   std::to_string(customer) + R"(, "total": "10", "currency": "EUR")";
			if (std::string(c.invoiceExtra).find("issue_date") == std::string::npos)
				body += R"(, "issue_date": "2026-10-01", "due_date": "2026-10-31")";
			if (*c.invoiceExtra) body += std::string(", ") + c.invoiceExtra;
			body += "}";
			Reply created = host.call("POST", "/api/invoices", body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label + ": " + created.body, 201, created.status);
			const auto invoice = created.object()->getValue<Poco::Int64>("id");
			Reply fresh = host.call("GET", "/api/invoices/" + std::to_string(invoice));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label + ": " + fresh.body, 200, fresh.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, text(fresh.object()->getObject("reminders")),
										 text(created.object()->getObject("reminders")));
		}
	}

	void testNothingHandedOverOutlivesItsTransaction()
	{
		// What the hook hands over serves only the answer of its own
		// transaction: after the commit, another instance's change of the
		// flag, the dispute or the switch shows at once in every read.
		TestHost first(TestHost::remindersPluginsDirectory());
		TestHost second(TestHost::remindersPluginsDirectory(), true, first.folder());
		switchOn(first, true);
		const auto customer = first.createCustomer("Handed", "handed@example.com");
		const auto invoice = second.createInvoice(customer, "H-1", "10");
		const std::string path = "/api/plugins/reminders/invoices/" + std::to_string(invoice);
		Reply off = first.call("PUT", path, R"({"with_reminder": false})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(off.body, 200, off.status);
		CPPUNIT_ASSERT(!withReminder(second, invoice));
		Reply disputed = first.call("PUT", path, R"({"disputed": true})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(disputed.body, 200, disputed.status);
		Reply reply = second.call("GET", "/api/invoices/" + std::to_string(invoice));
		CPPUNIT_ASSERT(reply.object()->getObject("reminders")->getValue<bool>("disputed"));
		// The next invoice's answer is its own, not the one before's.
		switchOn(first, false);
		Reply next = second.call("POST", "/api/invoices",
								 R"({"number": "H-2", "customer_id": )" + std::to_string(customer) +
									 R"(, "total": "10", "currency": "EUR", "issue_date": "2026-10-01"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(next.body, 201, next.status);
		Poco::JSON::Object::Ptr section = next.object()->getObject("reminders");
		CPPUNIT_ASSERT(!section->getValue<bool>("with_reminder"));
		CPPUNIT_ASSERT(!section->getValue<bool>("disputed"));
		CPPUNIT_ASSERT_EQUAL(std::string("feature_off"), section->getValue<std::string>("because"));
	}

private:
	static std::string text(const Poco::JSON::Object::Ptr& object)
	{
		CPPUNIT_ASSERT(object);
		std::ostringstream out;
		object->stringify(out);
		return out.str();
	}

	static void switchOn(TestHost& host, bool on)
	{
		Reply reply = host.call("PUT", "/api/plugins/reminders/settings",
								std::string(R"({"from_address": "billing@example.com", "enabled": )") +
									(on ? "true" : "false") + "}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
	}

	static bool withReminder(TestHost& host, Poco::Int64 invoice)
	{
		Reply reply = host.call("GET", "/api/invoices/" + std::to_string(invoice));
		return reply.object()->getObject("reminders")->getValue<bool>("with_reminder");
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InvoiceCreatedHookTest, "hooks");
