//
// ReminderMessageTest.cpp
//


#include "plugin/core/ReminderPlanner.h"
#include "plugin/mail/HeaderEncoding.h"
#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/ReminderComposer.h"
#include <Poco/Base64Decoder.h>
#include <Poco/DateTime.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <regex>
#include <set>
#include <sstream>


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

// A line of one due invoice, as the planner would hand it over.
DueInvoice line(Poco::Int64 id, long daysOverdue, bool byIssueDate, Poco::Int64 total, const char* currency,
				bool final = false)
{
	DueInvoice due;
	due.invoice = invoice(id, "ΤΠΥ-" + std::to_string(id), byIssueDate ? nullptr : "2026-11-01", total, 0, currency);
	due.basisIsIssueDate = byIssueDate;
	due.basis = byIssueDate ? due.invoice.issueDate : *due.invoice.dueDate;
	due.daysOverdue = daysOverdue;
	due.outstandingMinor = total;
	due.finalReminder = final;
	return due;
}

CustomerPlan planOf(const std::string& name, const std::string& language, const std::vector<DueInvoice>& lines)
{
	CustomerPlan plan;
	plan.customer.id = 7;
	plan.customer.name = name;
	plan.customer.email = "customer@example.com";
	plan.customer.language = language;
	plan.language = language;
	plan.invoices = lines;
	for (const DueInvoice& due: lines)
		plan.totals[due.invoice.currency] += due.outstandingMinor;
	return plan;
}

std::vector<std::string> linesOf(const std::string& text)
{
	std::vector<std::string> lines;
	std::istringstream in(text);
	for (std::string l; std::getline(in, l);)
		lines.push_back(l);
	return lines;
}

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

Poco::Timestamp instant(int year, int month, int day, int hour, int minute)
{
	return Poco::DateTime(year, month, day, hour, minute).timestamp();
}

// 60 Greek letters (and the spaces between its words).
const std::string LONG_GREEK_NAME = "Νέα Ελληνική Εταιρεία Παροχής Λογιστικών και Φοροτεχνικών Υπηρεσιών";

} // namespace


class ReminderMessageTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReminderMessageTest);
	CPPUNIT_TEST(testGreekMessageParsesStrictly);
	CPPUNIT_TEST(testEnglishMessageParsesStrictly);
	CPPUNIT_TEST(testCustomerTextIsEscapedInHtml);
	CPPUNIT_TEST(testHeaderEncoding);
	CPPUNIT_TEST(testOneDayOneInvoiceInGreek);
	CPPUNIT_TEST(testOneDayOneInvoiceInEnglish);
	CPPUNIT_TEST(testPluralsWhenThereAreSeveral);
	CPPUNIT_TEST(testGreekGreetingNamesTheCustomerWithoutAGender);
	CPPUNIT_TEST(testCustomerIsNeverToldTheRemindersStop);
	CPPUNIT_TEST(testTotalsOneCurrencyPerLine);
	CPPUNIT_TEST(testDisplayNamesArriveWhole);
	CPPUNIT_TEST(testEncodedWordsKeepRfc2047);
	CPPUNIT_TEST(testDateHeaderInTheBusinessZone);
	CPPUNIT_TEST(testDateHeaderAfter2262);
	CPPUNIT_TEST(testSanitizeIsStrictUtf8);
	CPPUNIT_TEST(testLineBreaksAreCrlf);
	CPPUNIT_TEST(testReminderNumberBesideEachInvoice);
	CPPUNIT_TEST(testMessageIdsAreUniqueAndInTheSendersDomain);
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
		// A name one encoded-word holds is one encoded-word, on its own line
		// when the header's first line has no room for it.
		const std::string test = HeaderEncoding::mailbox("Λογιστήριο \"Δοκιμή\", Α.Ε.", "a@example.gr", 6);
		CPPUNIT_ASSERT_MESSAGE(test, test.find("=?UTF-8?B?") == test.rfind("=?UTF-8?B?"));
		// A display name is never cut, however long.
		CPPUNIT_ASSERT_EQUAL(_settings.fromName, HeaderEncoding::displayName(_settings.fromName));
		CPPUNIT_ASSERT_EQUAL(std::string("Ταβέρνα «Ο Μήτσος» 🍷"), HeaderEncoding::displayName("Ταβέρνα «Ο Μήτσος» 🍷"));
	}

	void testOneDayOneInvoiceInGreek()
	{
		ReminderComposer composer(*_templates, _settings, "");
		const ComposedMessage byDue =
			composer.reminder(planOf("Μαρία Κ.", "el", {line(1, 1, false, 7500, "EUR")}), "a@x");
		CPPUNIT_ASSERT_MESSAGE(byDue.text, contains(byDue.text, "1 ημέρα μετά τη λήξη"));
		CPPUNIT_ASSERT_MESSAGE(byDue.text, !contains(byDue.text, "1 ημέρες"));
		CPPUNIT_ASSERT_MESSAGE(byDue.html, contains(byDue.html, "1 ημέρα μετά τη λήξη"));
		CPPUNIT_ASSERT_MESSAGE(byDue.html, !contains(byDue.html, "1 ημέρες"));
		CPPUNIT_ASSERT_MESSAGE(byDue.text, contains(byDue.text, "το παρακάτω τιμολόγιο παραμένει ανεξόφλητο:"));
		CPPUNIT_ASSERT_MESSAGE(byDue.html, contains(byDue.html, "το παρακάτω τιμολόγιο παραμένει ανεξόφλητο:"));
		CPPUNIT_ASSERT_EQUAL("Υπενθύμιση ανεξόφλητου τιμολογίου – " + _settings.fromName, byDue.subject);
		CPPUNIT_ASSERT(!contains(byDue.html, "τιμολογίων"));
		const ComposedMessage byIssue =
			composer.reminder(planOf("Μαρία Κ.", "el", {line(1, 1, true, 7500, "EUR")}), "a@x");
		CPPUNIT_ASSERT_MESSAGE(byIssue.text, contains(byIssue.text, "1 ημέρα από την έκδοση"));
		CPPUNIT_ASSERT_MESSAGE(byIssue.html, contains(byIssue.html, "1 ημέρα από την έκδοση"));
	}

	void testOneDayOneInvoiceInEnglish()
	{
		ReminderComposer composer(*_templates, _settings, "");
		const ComposedMessage byDue =
			composer.reminder(planOf("Ann Lee", "en", {line(1, 1, false, 7500, "EUR")}), "a@x");
		CPPUNIT_ASSERT_MESSAGE(byDue.text, contains(byDue.text, "1 day past the due date"));
		CPPUNIT_ASSERT_MESSAGE(byDue.text, !contains(byDue.text, "1 days"));
		CPPUNIT_ASSERT_MESSAGE(byDue.html, contains(byDue.html, "1 day past due"));
		CPPUNIT_ASSERT_MESSAGE(byDue.html, !contains(byDue.html, "1 days"));
		CPPUNIT_ASSERT_MESSAGE(byDue.text, contains(byDue.text, "the following invoice is still unpaid:"));
		CPPUNIT_ASSERT_MESSAGE(byDue.html, contains(byDue.html, "the following invoice is still unpaid:"));
		CPPUNIT_ASSERT_EQUAL("Payment reminder: unpaid invoice from " + _settings.fromName, byDue.subject);
		const ComposedMessage byIssue =
			composer.reminder(planOf("Ann Lee", "en", {line(1, 1, true, 7500, "EUR")}), "a@x");
		CPPUNIT_ASSERT_MESSAGE(byIssue.text, contains(byIssue.text, "1 day since issue"));
		CPPUNIT_ASSERT_MESSAGE(byIssue.html, contains(byIssue.html, "1 day since issue"));
	}

	void testPluralsWhenThereAreSeveral()
	{
		ReminderComposer composer(*_templates, _settings, "");
		const std::vector<DueInvoice> lines = {line(1, 1, false, 7500, "EUR"), line(2, 21, true, 1000, "EUR"),
											   line(3, 1500, false, 1000, "EUR")};
		const ComposedMessage el = composer.reminder(planOf("Μαρία Κ.", "el", lines), "a@x");
		for (const std::string& part: {el.text, el.html})
		{
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "τα παρακάτω τιμολόγια παραμένουν ανεξόφλητα:"));
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "1 ημέρα μετά τη λήξη"));
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "21 ημέρες από την έκδοση"));
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "1.500 ημέρες μετά τη λήξη"));
		}
		CPPUNIT_ASSERT_EQUAL("Υπενθύμιση ανεξόφλητων τιμολογίων – " + _settings.fromName, el.subject);
		const ComposedMessage en = composer.reminder(planOf("Ann Lee", "en", lines), "a@x");
		for (const std::string& part: {en.text, en.html})
		{
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "the following invoices are still unpaid:"));
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "21 days since issue"));
			CPPUNIT_ASSERT_MESSAGE(part, contains(part, "1,500 days past"));
		}
		CPPUNIT_ASSERT_EQUAL("Payment reminder: unpaid invoices from " + _settings.fromName, en.subject);
	}

	void testGreekGreetingNamesTheCustomerWithoutAGender()
	{
		ReminderComposer composer(*_templates, _settings, "");
		for (const std::string name: {"Λογιστήριο \"Δοκιμή\", Α.Ε.", "Παπαδόπουλος Γεώργιος", "Μαρία Κωνσταντίνου"})
		{
			const ComposedMessage message =
				composer.reminder(planOf(name, "el", {line(1, 3, false, 7500, "EUR")}), "a@x");
			CPPUNIT_ASSERT_MESSAGE(message.text, contains(message.text, "Προς: " + name + "\n\nΧαίρετε,\n"));
			CPPUNIT_ASSERT_MESSAGE(message.html, contains(message.html, "Χαίρετε,"));
			for (const std::string& part: {message.text, message.html})
			{
				// No masculine (or feminine) form of address in any part.
				CPPUNIT_ASSERT_MESSAGE(part, !contains(part, "Αγαπητέ"));
				CPPUNIT_ASSERT_MESSAGE(part, !contains(part, "Αγαπητή"));
				CPPUNIT_ASSERT_MESSAGE(part, !contains(part, "πελάτη"));
				CPPUNIT_ASSERT_MESSAGE(part, !contains(part, "Κύριε"));
			}
		}
		const ComposedMessage html =
			composer.reminder(planOf("Λογιστήριο \"Δοκιμή\", Α.Ε.", "el", {line(1, 3, false, 7500, "EUR")}), "a@x");
		CPPUNIT_ASSERT_MESSAGE(html.html, contains(html.html, "Προς: Λογιστήριο &quot;Δοκιμή&quot;, Α.Ε."));
	}

	void testCustomerIsNeverToldTheRemindersStop()
	{
		ReminderComposer composer(*_templates, _settings, "");
		const std::vector<DueInvoice> lines = {line(1, 170, false, 7500, "EUR", true), line(2, 9, true, 100, "EUR")};
		const ComposedMessage el = composer.reminder(planOf("Μαρία Κ.", "el", lines), "a@x");
		const ComposedMessage en = composer.reminder(planOf("Ann Lee", "en", lines), "a@x");
		for (const std::string& part: {el.subject, el.text, el.html})
		{
			CPPUNIT_ASSERT_MESSAGE(part, !contains(part, "τελευταία"));
			CPPUNIT_ASSERT_MESSAGE(part, !contains(part, "τελευταίο"));
		}
		for (const std::string& part: {en.subject, en.text, en.html})
		{
			CPPUNIT_ASSERT_MESSAGE(part, !contains(Poco::toLower(part), "last reminder"));
			CPPUNIT_ASSERT_MESSAGE(part, !contains(Poco::toLower(part), "final"));
		}
	}

	void testTotalsOneCurrencyPerLine()
	{
		ReminderComposer composer(*_templates, _settings, "");
		const std::vector<DueInvoice> lines = {line(1, 3, false, 7500, "EUR"), line(2, 3, false, 120000, "GBP"),
											   line(3, 3, false, 2500, "EUR")};
		const ComposedMessage en = composer.reminder(planOf("Ann Lee", "en", lines), "a@x");
		const ComposedMessage el = composer.reminder(planOf("Μαρία Κ.", "el", lines), "a@x");
		assertTotalLines(en.text, "Total outstanding: ", "€100.00", "£1,200.00");
		assertTotalLines(el.text, "Συνολικό υπόλοιπο: ", "100,00 €", "1.200,00 £");
		for (const ComposedMessage* message: {&en, &el})
		{
			CPPUNIT_ASSERT_MESSAGE(message->text, !contains(message->text, "+"));
			CPPUNIT_ASSERT_MESSAGE(message->html, !contains(message->html, " +"));
		}
		// HTML: one table row per currency.
		CPPUNIT_ASSERT_MESSAGE(
			en.html, std::regex_search(en.html, std::regex("<tr><td><strong>Total outstanding:</strong>"
														   "</td><td align=\"right\">€100.00</td></tr>\\s*"
														   "<tr><td></td><td align=\"right\">£1,200.00</td></tr>")));
		CPPUNIT_ASSERT_MESSAGE(
			el.html, std::regex_search(el.html, std::regex("<tr><td><strong>Συνολικό υπόλοιπο:</strong>"
														   "</td><td align=\"right\">100,00 €</td></tr>\\s*"
														   "<tr><td></td><td align=\"right\">1.200,00 £</td></tr>")));
		// One currency: one line, as before.
		const ComposedMessage one = composer.reminder(planOf("Ann Lee", "en", {line(1, 3, false, 7500, "EUR")}), "a@x");
		CPPUNIT_ASSERT_MESSAGE(one.text, contains(one.text, "\nTotal outstanding: €75.00\n\n"));
	}

	void testDisplayNamesArriveWhole()
	{
		_settings.fromName = "Λογιστήριο \"Δοκιμή\", Α.Ε.";
		CPPUNIT_ASSERT_EQUAL(std::size_t(60), letters(LONG_GREEK_NAME));
		ReminderComposer composer(*_templates, _settings, "");
		for (const std::string& name:
			 {LONG_GREEK_NAME, std::string("Λογιστήριο \"Δοκιμή\", Α.Ε."),
			  std::string("Smith, Jones & Partners \"Accounting\" Ltd."), "Ταβέρνα «Ο Μήτσος» 🍷 " + LONG_GREEK_NAME})
		{
			ComposedMessage message = composer.reminder(planOf(name, "el", {line(1, 3, false, 7500, "EUR")}), "r@x.gr");
			message.date = instant(2026, 11, 30, 7, 0);
			check(message, message.subject, name, _settings.fromName);
		}
		_settings.fromName = LONG_GREEK_NAME;
		ReminderComposer longFrom(*_templates, _settings, "");
		ComposedMessage message =
			longFrom.reminder(planOf("Ann Lee", "en", {line(1, 3, false, 7500, "EUR")}), "r@x.gr");
		check(message, message.subject, "Ann Lee", LONG_GREEK_NAME);
	}

	void testEncodedWordsKeepRfc2047()
	{
		// Names of every length, with specials, emoji and long words: each
		// header line within 76 characters, each encoded-word within 75,
		// holding whole UTF-8 characters, and together the whole name.
		const std::string pieces[] = {"Α", "ώ", " ", "\"", ",", "🍷", "x", "Ελληνική", "«", "\\", "(", "."};
		std::string name;
		for (int i = 0; i < 160; ++i)
		{
			name += pieces[(i * 7 + i / 3) % 12];
			for (std::size_t used: {4u, 6u, 10u})
			{
				const std::string header = HeaderEncoding::mailbox(name, "a@example.com", used);
				std::string decoded;
				std::size_t lineNumber = 0;
				for (const std::string& headerLine: linesOf(Poco::replace(header, "\r\n", "\n")))
				{
					CPPUNIT_ASSERT_MESSAGE(header, (lineNumber++ == 0 ? used : 0) + headerLine.size() <= 76);
					if (headerLine.find("=?") == std::string::npos) continue;
					static const std::regex WORD("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
					for (std::sregex_iterator w(headerLine.begin(), headerLine.end(), WORD), end; w != end; ++w)
					{
						CPPUNIT_ASSERT_MESSAGE(header, w->length(0) <= 75);
						const std::string bytes = base64((*w)[1]);
						CPPUNIT_ASSERT_MESSAGE(header, validUtf8(bytes));
						decoded += bytes;
					}
				}
				// Never cut: the name as the header carries it is the whole
				// name (white space runs read as one space in a header anyway).
				const std::string expected = spacesCollapsed(name);
				CPPUNIT_ASSERT_EQUAL(expected, HeaderEncoding::displayName(name));
				if (header.find("=?") != std::string::npos) CPPUNIT_ASSERT_EQUAL_MESSAGE(header, expected, decoded);
			}
		}
	}

	void testDateHeaderAfter2262()
	{
		// Found by tests/fuzz/fuzz_mime_builder: the instant went through
		// system_clock's nanoseconds, which overflow after April 2262.
		CPPUNIT_ASSERT_EQUAL(std::string("Mon, 01 Jan 2300 02:00:00 +0200"),
							 MimeBuilder::dateHeader(instant(2300, 1, 1, 0, 0), "Europe/Athens"));
		CPPUNIT_ASSERT_EQUAL(std::string("Thu, 30 Dec 9999 12:00:00 +0000"),
							 MimeBuilder::dateHeader(instant(9999, 12, 30, 12, 0), ""));
	}

	void testSanitizeIsStrictUtf8()
	{
		// Found by tests/fuzz/fuzz_header_encoding: overlong forms,
		// surrogates and C1 control characters went through.
		const std::string replacement = "\xEF\xBF\xBD";
		CPPUNIT_ASSERT_EQUAL("a" + replacement + replacement + "b", HeaderEncoding::sanitize("a\xC0\xAF"
																							 "b")); // overlong '/'
		CPPUNIT_ASSERT_EQUAL(replacement + replacement + replacement,
							 HeaderEncoding::sanitize("\xED\xA0\x80")); // surrogate U+D800
		CPPUNIT_ASSERT_EQUAL(replacement + replacement + replacement + replacement,
							 HeaderEncoding::sanitize("\xF4\x90\x80\x80")); // above U+10FFFF
		CPPUNIT_ASSERT_EQUAL(std::string("ab"), HeaderEncoding::sanitize("a\xC2\x85"
																		 "b")); // NEL (C1)
		CPPUNIT_ASSERT_EQUAL(std::string("a b"), HeaderEncoding::sanitize("a\tb\x7F"));
		CPPUNIT_ASSERT_EQUAL(std::string("Ταβέρνα «Ο Μήτσος» 🍷"), HeaderEncoding::sanitize("Ταβέρνα «Ο Μήτσος» 🍷"));
		// An encoded display name carries no overlong form either.
		const std::string header = HeaderEncoding::mailbox("\xC0\xBC"
														   "script",
														   "a@example.com", 4);
		CPPUNIT_ASSERT_MESSAGE(header, contains(header, "=?UTF-8?B?"));
		CPPUNIT_ASSERT_EQUAL(replacement + replacement + "script", HeaderEncoding::displayName("\xC0\xBC"
																							   "script"));
	}

	void testLineBreaksAreCrlf()
	{
		// Found by tests/fuzz/fuzz_mime_builder: the templates' LF line
		// breaks went out bare (RFC 5321 2.3.8 allows CRLF only).
		ComposedMessage message;
		message.language = "en";
		message.subject = "Line breaks";
		message.fromAddress = "billing@example.com";
		message.to = "customer@example.com";
		message.messageId = "r.1@example.com";
		message.text = "one\ntwo\rthree\r\nfour\n\n";
		message.html = "<p>one</p>\n<p>two</p>\n";
		const std::string bytes = MimeBuilder::bytes(message);
		for (std::size_t i = 0; i < bytes.size(); ++i)
		{
			if (bytes[i] == '\n') CPPUNIT_ASSERT_MESSAGE(bytes, i > 0 && bytes[i - 1] == '\r');
			if (bytes[i] == '\r') CPPUNIT_ASSERT_MESSAGE(bytes, i + 1 < bytes.size() && bytes[i + 1] == '\n');
		}
		CPPUNIT_ASSERT_MESSAGE(bytes, contains(bytes, "one\r\ntwo\r\nthree\r\nfour\r\n\r\n"));
		CPPUNIT_ASSERT_MESSAGE(bytes, contains(bytes, "<p>one</p>\r\n<p>two</p>\r\n"));
	}

	void testDateHeaderInTheBusinessZone()
	{
		_settings.timeZone = "Europe/Athens";
		ReminderComposer composer(*_templates, _settings, "", "America/New_York");
		ComposedMessage winter = composer.reminder(planOf("Ann Lee", "en", {line(1, 3, false, 7500, "EUR")}), "w@x.gr");
		winter.date = instant(2026, 11, 30, 7, 0);
		CPPUNIT_ASSERT_EQUAL(std::string("Mon, 30 Nov 2026 09:00:00 +0200"), dateHeader(winter));
		ComposedMessage summer = composer.reminder(planOf("Ann Lee", "en", {line(1, 3, false, 7500, "EUR")}), "s@x.gr");
		summer.date = instant(2026, 7, 6, 6, 0);
		CPPUNIT_ASSERT_EQUAL(std::string("Mon, 06 Jul 2026 09:00:00 +0300"), dateHeader(summer));
		// The instant itself is kept: Python reads the same moment back.
		check(summer, summer.subject, "Ann Lee", _settings.fromName, "Mon, 06 Jul 2026 09:00:00 +0300");

		// No zone in the settings: the host's.
		_settings.timeZone.clear();
		ReminderComposer hostZone(*_templates, _settings, "", "America/New_York");
		ComposedMessage newYork =
			hostZone.reminder(planOf("Ann Lee", "en", {line(1, 3, false, 7500, "EUR")}), "n@x.gr");
		newYork.date = instant(2026, 11, 30, 14, 30);
		CPPUNIT_ASSERT_EQUAL(std::string("Mon, 30 Nov 2026 09:30:00 -0500"), dateHeader(newYork));

		// Across the spring change in Athens (03:00 local on 29 Mar 2026 becomes 04:00).
		CPPUNIT_ASSERT_EQUAL(
			std::string("Sun, 29 Mar 2026 02:59:59 +0200"),
			MimeBuilder::dateHeader(instant(2026, 3, 29, 0, 59) + 59 * Poco::Timespan::SECONDS, "Europe/Athens"));
		CPPUNIT_ASSERT_EQUAL(std::string("Sun, 29 Mar 2026 04:00:00 +0300"),
							 MimeBuilder::dateHeader(instant(2026, 3, 29, 1, 0), "Europe/Athens"));
		CPPUNIT_ASSERT_EQUAL(std::string("Thu, 01 Jan 2026 00:00:00 +0000"),
							 MimeBuilder::dateHeader(instant(2026, 1, 1, 0, 0), "UTC"));
		CPPUNIT_ASSERT_EQUAL(std::string("Fri, 01 Jan 2027 05:45:00 +0545"),
							 MimeBuilder::dateHeader(instant(2027, 1, 1, 0, 0), "Asia/Kathmandu"));
	}

	void testMessageIdsAreUniqueAndInTheSendersDomain()
	{
		// 16 hexadecimal digits of randomness after the tag, the sender's
		// domain after the @; no two alike over 10,000.
		const std::regex shape("r\\.7\\.[0-9A-Fa-f]{16}@billing\\.example\\.com");
		std::set<std::string> seen;
		for (int i = 0; i < 10000; ++i)
		{
			const std::string id = MimeBuilder::newMessageId("accounts@billing.example.com", "r.7");
			CPPUNIT_ASSERT_MESSAGE(id, std::regex_match(id, shape));
			CPPUNIT_ASSERT_MESSAGE(id, seen.insert(id).second);
		}
		CPPUNIT_ASSERT_EQUAL(std::string("t.1"),
							 MimeBuilder::newMessageId("nobody", "t.1").substr(0, 3)); // no @: still an id
		CPPUNIT_ASSERT(MimeBuilder::newMessageId("nobody", "t.1").find("@localhost") != std::string::npos);
	}

	void testReminderNumberBesideEachInvoice()
	{
		// The first reminder of one invoice, the fourth of another: N = delivered earlier ones + 1.
		ReminderComposer composer(*_templates, _settings, "");
		std::vector<DueInvoice> lines = {line(1, 40, false, 7500, "EUR"), line(2, 5, false, 1000, "EUR")};
		lines[0].invoice.earlierReminders = 3;
		const ComposedMessage el = composer.reminder(planOf("Μαρία Κ.", "el", lines), "a@x");
		CPPUNIT_ASSERT_MESSAGE(el.text, contains(el.text, "* Τιμολόγιο ΤΠΥ-1 (υπενθύμιση αρ. 4), έκδοση"));
		CPPUNIT_ASSERT_MESSAGE(el.text, contains(el.text, "* Τιμολόγιο ΤΠΥ-2 (υπενθύμιση αρ. 1), έκδοση"));
		CPPUNIT_ASSERT_MESSAGE(el.html, contains(el.html, "ΤΠΥ-1<br><small>Υπενθύμιση αρ. 4</small>"));
		CPPUNIT_ASSERT_MESSAGE(el.html, contains(el.html, "ΤΠΥ-2<br><small>Υπενθύμιση αρ. 1</small>"));
		const ComposedMessage en = composer.reminder(planOf("Ann Lee", "en", lines), "a@x");
		CPPUNIT_ASSERT_MESSAGE(en.text, contains(en.text, "* Invoice ΤΠΥ-1 (reminder no. 4), issued"));
		CPPUNIT_ASSERT_MESSAGE(en.text, contains(en.text, "* Invoice ΤΠΥ-2 (reminder no. 1), issued"));
		CPPUNIT_ASSERT_MESSAGE(en.html, contains(en.html, "ΤΠΥ-1<br><small>Reminder no. 4</small>"));
		// Numbers the language's way: the thousands separator of each.
		lines[0].invoice.earlierReminders = 1233;
		CPPUNIT_ASSERT(contains(composer.reminder(planOf("Μαρία Κ.", "el", lines), "a@x").text, "αρ. 1.234)"));
		CPPUNIT_ASSERT(contains(composer.reminder(planOf("Ann Lee", "en", lines), "a@x").text, "no. 1,234)"));
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
		check(message, subject, message.toName, _settings.fromName);
	}

	void check(const ComposedMessage& message, const std::string& subject, const std::string& toName,
			   const std::string& fromName, const std::string& date = "")
	{
		Poco::TemporaryFile folder;
		Poco::File(folder.path()).createDirectories();
		{
			Poco::FileOutputStream out(folder.path() + "/message.eml");
			out << MimeBuilder::bytes(message);
		}
		Poco::JSON::Object headers;
		headers.set("Subject", subject);
		headers.set("From", mailbox(fromName, _settings.fromAddress));
		headers.set("To", mailbox(toName, message.to));
		if (!date.empty()) headers.set("Date", date);
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
		// Python's email package and, independently, Perl's Email::MIME.
		for (const std::string& checker:
			 {"/usr/bin/python3 " + std::string(ERP_SOURCE_DIR) + "/tests/mail/check_message.py",
			  "/usr/bin/perl " + std::string(ERP_SOURCE_DIR) + "/tests/mail/check_message.pl"})
		{
			const std::string command =
				checker + " " + folder.path() + "/message.eml " + folder.path() + "/expected.json";
			CPPUNIT_ASSERT_EQUAL_MESSAGE(command, 0, std::system(command.c_str()));
		}
	}

	void assertTotalLines(const std::string& text, const std::string& label, const std::string& first,
						  const std::string& second)
	{
		const std::vector<std::string> lines = linesOf(text);
		for (std::size_t i = 0; i + 1 < lines.size(); ++i)
			if (lines[i].rfind(label, 0) == 0)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(text, label + first, lines[i]);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(text, second, Poco::trim(lines[i + 1]));
				// Aligned under the first amount.
				CPPUNIT_ASSERT_EQUAL_MESSAGE(text, codePoints(label), lines[i + 1].find_first_not_of(' '));
				return;
			}
		CPPUNIT_FAIL("no line starts with " + label + " in\n" + text);
	}

	static std::string dateHeader(const ComposedMessage& message)
	{
		// The Date header's value, as a reader parses it.
		std::istringstream in(MimeBuilder::bytes(message));
		Poco::Net::MessageHeader header;
		header.read(in);
		return header.get("Date");
	}

	static std::size_t letters(const std::string& utf8)
	{
		std::size_t count = 0;
		for (unsigned char c: utf8)
			if ((c & 0xC0) != 0x80 && c != ' ') ++count;
		return count;
	}

	static std::size_t codePoints(const std::string& utf8)
	{
		std::size_t count = 0;
		for (unsigned char c: utf8)
			if ((c & 0xC0) != 0x80) ++count;
		return count;
	}

	static std::string spacesCollapsed(const std::string& text)
	{
		std::string out;
		for (char c: text)
			if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
		return Poco::trimRight(out);
	}

	static std::string base64(const std::string& text)
	{
		std::istringstream in(text);
		Poco::Base64Decoder decoder(in);
		return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
	}

	static bool validUtf8(const std::string& bytes)
	{
		return HeaderEncoding::sanitize(bytes) == bytes;
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
