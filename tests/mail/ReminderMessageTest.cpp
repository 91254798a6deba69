//
// ReminderMessageTest.cpp
//


#include "plugin/core/ReminderPlanner.h"
#include "plugin/mail/HeaderEncoding.h"
#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/ReminderComposer.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>


using namespace reminders;


namespace {

OpenInvoice invoice(Poco::Int64 id, const std::string& number, const char* due, Poco::Int64 total, Poco::Int64 paid,
					const char* currency)
{
	OpenInvoice i;
	i.id = id;
	i.customerId = 1;
	i.number = number;
	i.issueDate = *CalendarDate::parse("2026-09-01");
	if (due) i.dueDate = CalendarDate::parse(due);
	i.currency = currency;
	i.totalMinor = total;
	i.paidMinor = paid;
	i.status = paid ? "partially_paid" : "issued";
	i.withReminder = true;
	return i;
}

} // namespace


class ReminderMessageTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReminderMessageTest);
	CPPUNIT_TEST(testGreekMessageParsesStrictly);
	CPPUNIT_TEST(testEnglishMessageParsesStrictly);
	CPPUNIT_TEST(testCustomerTextIsEscapedInHtml);
	CPPUNIT_TEST(testHeaderEncoding);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_templates = std::make_unique<TemplateSet>(std::string(ERP_SOURCE_DIR) + "/templates");
		_settings.enabled = true;
		_settings.daysAfterDue = 0;
		_settings.fromAddress = "logistirio@example.gr";
		_settings.fromName = "Λογιστήριο Παπαδόπουλος & Συνεργάτες Ανώνυμη Εταιρεία Εμπορίου";
		_settings.replyTo = "apantiseis@example.gr";
	}

	void testGreekMessageParsesStrictly()
	{
		CustomerPlan plan = planFor("Ταβέρνα «Ο Μήτσος» 🍷", "el");
		ReminderComposer composer(*_templates, _settings, "https://pay.example.gr/i/{number}?ποσό={amount}");
		ComposedMessage message = composer.reminder(plan, "r1.c1.test@example.gr");
		CPPUNIT_ASSERT(message.text.find("1.234,56 €") != std::string::npos);
		CPPUNIT_ASSERT(message.text.find("30/09/2026") != std::string::npos);
		CPPUNIT_ASSERT(message.text.find("ημέρες από την έκδοση") != std::string::npos);
		CPPUNIT_ASSERT(message.text.find("https://pay.example.gr/i/%CE%A4%CE%A0%CE%A5-1") != std::string::npos);
		check(message, "Υπενθύμιση ανεξόφλητων τιμολογίων – " + _settings.fromName);
	}

	void testEnglishMessageParsesStrictly()
	{
		CustomerPlan plan = planFor("Northwind Traders Ltd.", "en");
		ReminderComposer composer(*_templates, _settings, "");
		ComposedMessage message = composer.reminder(plan, "r1.c2.test@example.gr");
		CPPUNIT_ASSERT(message.text.find("€1,234.56") != std::string::npos);
		CPPUNIT_ASSERT(message.text.find("£20.00") != std::string::npos);
		CPPUNIT_ASSERT(message.text.find("30 Sep 2026") != std::string::npos);
		CPPUNIT_ASSERT(message.text.find("Pay online") == std::string::npos);
		check(message, "Payment reminder: unpaid invoices from " + _settings.fromName);
	}

	void testCustomerTextIsEscapedInHtml()
	{
		CustomerPlan plan = planFor("Evil <script>alert(\"x\")</script> & Co", "en");
		plan.invoices.front().invoice.number = "<b>INV</b>";
		ReminderComposer composer(*_templates, _settings, "https://pay.example/{number}\"onclick=\"x");
		ComposedMessage message = composer.reminder(plan, "r1.c3.test@example.gr");
		CPPUNIT_ASSERT(message.html.find("<script>") == std::string::npos);
		CPPUNIT_ASSERT(message.html.find("&lt;script&gt;") != std::string::npos);
		CPPUNIT_ASSERT(message.html.find("<b>INV</b>") == std::string::npos);
		CPPUNIT_ASSERT(message.html.find("\"onclick=") == std::string::npos);
		// The plain text part shows the name as it is.
		CPPUNIT_ASSERT(message.text.find("Evil <script>") != std::string::npos);
		check(message, "Payment reminder: unpaid invoices from " + _settings.fromName);
	}

	void testHeaderEncoding()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("Plain ASCII subject"), HeaderEncoding::encodeWords("Plain ASCII subject", 9));
		const std::string injected = HeaderEncoding::encodeWords("Hi\r\nBcc: victim@example.com", 9);
		CPPUNIT_ASSERT(injected.find("\r\nBcc") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string("a@example.com"), HeaderEncoding::mailbox("", "a@example.com", 4));
		CPPUNIT_ASSERT_EQUAL(std::string("Alpha <a@example.com>"),
							 HeaderEncoding::mailbox("Alpha", "a@example.com", 4));
		CPPUNIT_ASSERT_EQUAL(std::string("ab\xEF\xBF\xBD"), HeaderEncoding::sanitize("a\x01"
																					 "b\xC3"));
		// A display name too long for one encoded-word keeps whole words and says it was cut.
		CPPUNIT_ASSERT_EQUAL(std::string("Λογιστήριο…"), HeaderEncoding::displayName(_settings.fromName, 6));
		CPPUNIT_ASSERT_EQUAL(std::string("Ταβέρνα «Ο Μήτσος» 🍷"),
							 HeaderEncoding::displayName("Ταβέρνα «Ο Μήτσος» 🍷", 4));
	}

private:
	CustomerPlan planFor(const std::string& name, const std::string& language)
	{
		CustomerContact customer;
		customer.id = 1;
		customer.name = name;
		customer.email = "customer@example.com";
		customer.language = language;
		const ReminderPlanner planner(_settings, *CalendarDate::parse("2026-11-30"));
		return *planner.planCustomer(customer, {invoice(1, "ΤΠΥ-1", "2026-09-30", 123456, 0, "EUR"),
												invoice(2, "ΤΠΥ-2", nullptr, 5000, 3000, "GBP")});
	}

	void check(const ComposedMessage& message, const std::string& subject)
	{
		Poco::TemporaryFile folder;
		Poco::File(folder.path()).createDirectories();
		{
			Poco::FileOutputStream out(folder.path() + "/message.eml");
			out << MimeBuilder::bytes(message);
		}
		Poco::JSON::Object headers;
		headers.set("Subject", subject);
		headers.set("From", mailbox(HeaderEncoding::displayName(_settings.fromName, 6), _settings.fromAddress));
		headers.set("To", mailbox(HeaderEncoding::displayName(message.toName, 4), message.to));
		headers.set("Reply-To", mailbox("", _settings.replyTo));
		headers.set("Message-ID", "<" + message.messageId + ">");
		Poco::JSON::Object expected;
		expected.set("headers", headers);
		expected.set("text", message.text);
		expected.set("html", message.html);
		{
			Poco::FileOutputStream out(folder.path() + "/expected.json");
			expected.stringify(out);
		}
		const std::string command = "/usr/bin/python3 " + std::string(ERP_SOURCE_DIR) +
									"/tests/mail/check_message.py " + folder.path() + "/message.eml " + folder.path() +
									"/expected.json";
		CPPUNIT_ASSERT_EQUAL_MESSAGE(command, 0, std::system(command.c_str()));
	}

	static Poco::JSON::Object::Ptr mailbox(const std::string& name, const std::string& address)
	{
		Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
		object->set("name", name);
		object->set("address", address);
		return object;
	}

	std::unique_ptr<TemplateSet> _templates;
	ReminderSettings _settings;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReminderMessageTest, "mail");
