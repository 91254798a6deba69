//
// CreditControlsTest.cpp
//
// The credit controller's controls (pause until a date, disputed invoices,
// the minimum amount per currency) through the API, the preview and the
// weekly run, the re-check right before a send included.
//


#include "TestHost.h"
#include "WeeklyRunFixture.h"
#include "erp/Instant.h"
#include "plugin/WeeklyRun.h"
#include <algorithm>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <map>


using namespace reminders;
using tests::Reply;
using tests::TestHost;
using namespace Poco::Data::Keywords;


namespace {

class RecordingTransport: public Transport
{
public:
	using Hook = std::function<void(const ComposedMessage&)>;

	RecordingTransport(Hook hook, std::vector<std::string>& sent, std::map<std::string, std::string>& texts,
					   const std::string& refused):
		_hook(std::move(hook)),
		_sent(sent),
		_texts(texts),
		_refused(refused)
	{}

	Delivery send(const ComposedMessage& message) override
	{
		_sent.push_back(message.to);
		_texts[message.to] = message.text + "\n" + message.html;
		if (_hook) _hook(message);
		if (message.to == _refused) return Delivery{Delivery::State::REJECTED, 550, "5.1.1 No such user"};
		return Delivery{Delivery::State::ACCEPTED, 250, "2.0.0 Ok"};
	}

	std::string describe() const override
	{
		return "recording";
	}

private:
	Hook _hook;
	std::vector<std::string>& _sent;
	std::map<std::string, std::string>& _texts;
	std::string _refused;
};

const Poco::Timestamp::TimeDiff MINUTE = 60 * Poco::Timestamp::resolution();
// Monday 30 November 2026, 08:00 in Athens; the tests run at 10:00.
const Poco::Timestamp MONDAY_8 = Poco::Timestamp::fromEpochTime(1796018400);
const Poco::Timestamp SUNDAY_NOON = MONDAY_8 - 20 * 60 * MINUTE;
const Poco::Timestamp MONDAY_10 = MONDAY_8 + 120 * MINUTE;

} // namespace


class CreditControlsTest: public tests::WeeklyRunFixture
{
	CPPUNIT_TEST_SUITE(CreditControlsTest);
	CPPUNIT_TEST(testPauseInPreviewAndRun);
	CPPUNIT_TEST(testPauseDateBounds);
	CPPUNIT_TEST(testDisputedInvoicesInPreviewAndRun);
	CPPUNIT_TEST(testMinimumAmountsInPreviewAndRun);
	CPPUNIT_TEST(testReCheckHonoursAPauseAndADispute);
	CPPUNIT_TEST(testMinimumAmountsSetting);
	CPPUNIT_TEST(testReminderNumberCountsDeliveredReminders);
	CPPUNIT_TEST(testOwnersReportHasAgeBands);
	CPPUNIT_TEST(testHeldCustomersAreInTheOwnersReport);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		// Batches of one: the re-check before a batch's sends then sees what
		// changed while the previous customer's reminder went out.
		openHost({{"reminders.batch.size", "1"}}, SUNDAY_NOON);
		_weekly = weeklyRun([this] { return std::make_unique<RecordingTransport>(_hook, _sent, _texts, _refused); });
		switchOn("owner@example.com");
		pin(MONDAY_10);
	}

	void testPauseInPreviewAndRun()
	{
		// a promised to pay by today (paused through today), b by yesterday, c made no promise.
		// (b's pause was set yesterday: a pause ending before today is refused.)
		pin(SUNDAY_NOON);
		const auto a = customer("a", R"("reminders": {"paused_until": "2026-11-30"})");
		const auto b = customer("b", R"("reminders": {"paused_until": "2026-11-29"})");
		pin(MONDAY_10);
		customer("c");
		auto preview = previewOf("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("b@example.com,c@example.com"), recipients(*preview->getArray("messages")));
		auto skipped = preview->getArray("skipped");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), skipped->size());
		CPPUNIT_ASSERT_EQUAL(a, skipped->getObject(0)->getObject("customer")->getValue<Poco::Int64>("id"));
		CPPUNIT_ASSERT_EQUAL(std::string("paused"), skipped->getObject(0)->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-11-30"), skipped->getObject(0)->getValue<std::string>("paused_until"));
		CPPUNIT_ASSERT_EQUAL(1, preview->getObject("summary")->getValue<int>("customers_held"));
		CPPUNIT_ASSERT_EQUAL(0, preview->getObject("summary")->getValue<int>("customers_without_valid_email"));
		// Paused customers' debts are not in the day's totals: b and c owe 100.00 each.
		CPPUNIT_ASSERT_EQUAL(std::string("200.00"),
							 preview->getObject("summary")->getObject("totals")->getValue<std::string>("EUR"));

		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("b@example.com,c@example.com,owner@example.com"), sent());
		// Next week the pause is over.
		_sent.clear();
		_host->runtime().services().clock.pin(MONDAY_10 + 7 * 24 * 60 * MINUTE);
		execute("2026-12-07");
		CPPUNIT_ASSERT(std::find(_sent.begin(), _sent.end(), "a@example.com") != _sent.end());
		(void)b;
	}

	void testPauseDateBounds()
	{
		// Today is Monday 30 November 2026 in the business's zone: a pause
		// ends from today to two years ahead (PauseDateRule); null lifts it.
		const auto a = customer("a");
		const std::string path = "/api/customers/" + std::to_string(a);
		auto pause = [&](const std::string& until) {
			return _host->call("PATCH", path, R"({"reminders": {"paused_until": )" + until + "}}");
		};
		const int audited = _host->auditCount("reminders.customer.update");
		for (const char* refused: {R"("2020-01-01")", R"("2026-11-29")", R"("2028-12-01")", R"("2126-01-01")"})
		{
			Reply reply = pause(refused);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(refused) + " " + reply.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL(std::string("reminders.paused_until"), reply.errorField());
		}
		CPPUNIT_ASSERT_MESSAGE(pause(R"("2020-01-01")").body,
							   pause(R"("2020-01-01")").body.find("before today (2026-11-30)") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(pause(R"("2126-01-01")").body,
							   pause(R"("2126-01-01")").body.find("at most 2028-11-30") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(audited, _host->auditCount("reminders.customer.update")); // nothing written
		for (const char* allowed: {R"("2026-11-30")", R"("2028-11-30")", "null", R"("")", R"("2026-12-15")"})
		{
			Reply reply = pause(allowed);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(allowed) + " " + reply.body, 200, reply.status);
		}
		// A week on, the pause has ended; the customer's form sent back with
		// the date it has (another field changed) is not refused for it.
		pin(MONDAY_10 + 21 * 24 * 60 * MINUTE);
		Reply kept = _host->call("PATCH", path, R"({"reminders": {"paused_until": "2026-12-15", "default": true}})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(kept.body, 200, kept.status);
		CPPUNIT_ASSERT_EQUAL(400, pause(R"("2026-12-14")").status);
	}

	void testDisputedInvoicesInPreviewAndRun()
	{
		// a: one of two invoices disputed; b: its only invoice disputed.
		const auto a = customer("a");
		const auto second = _host->createInvoice(a, "W-a2", "40");
		const auto b = customer("b");
		dispute(invoiceOf("W-a"), true, "Goods returned");
		dispute(invoiceOf("W-b"), true, "");
		auto preview = previewOf("2026-11-30");
		auto messages = preview->getArray("messages");
		CPPUNIT_ASSERT_EQUAL(std::string("a@example.com"), recipients(*messages));
		auto listed = messages->getObject(0)->getArray("invoices");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), listed->size());
		CPPUNIT_ASSERT_EQUAL(second, listed->getObject(0)->getValue<Poco::Int64>("id"));
		CPPUNIT_ASSERT_EQUAL(std::string("40.00"),
							 messages->getObject(0)->getObject("totals")->getValue<std::string>("EUR"));
		auto skipped = preview->getArray("skipped")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(b, skipped->getObject("customer")->getValue<Poco::Int64>("id"));
		CPPUNIT_ASSERT_EQUAL(std::string("disputed"), skipped->getValue<std::string>("reason"));
		CPPUNIT_ASSERT(skipped->getArray("invoices")->getObject(0)->getValue<bool>("disputed"));

		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("a@example.com,owner@example.com"), sent());
		CPPUNIT_ASSERT_EQUAL(std::string("W-a2"), listedNumbers("a@example.com"));

		// Cleared: the next week's reminder lists it again.
		dispute(invoiceOf("W-a"), false, "");
		_sent.clear();
		_host->runtime().services().clock.pin(MONDAY_10 + 7 * 24 * 60 * MINUTE);
		execute("2026-12-07");
		CPPUNIT_ASSERT_EQUAL(std::string("W-a,W-a2"), listedNumbers("a@example.com"));
	}

	void testMinimumAmountsInPreviewAndRun()
	{
		// a owes exactly the minimum, b a cent less; c owes little EUR and much USD.
		const auto a = customer("a", "", "100.00");
		const auto b = customer("b", "", "99.99");
		const auto c = customer("c", "", "5.00");
		_host->createInvoice(c, "W-c2", "100", R"("currency": "USD")");
		Reply set = _host->call("PUT", "/api/plugins/reminders/settings", R"({"min_amounts": "EUR 100, USD 50"})",
								TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(set.body, 200, set.status);
		auto preview = previewOf("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("a@example.com,c@example.com"), recipients(*preview->getArray("messages")));
		auto skipped = preview->getArray("skipped")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(b, skipped->getObject("customer")->getValue<Poco::Int64>("id"));
		CPPUNIT_ASSERT_EQUAL(std::string("below_minimum"), skipped->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("99.99"), skipped->getObject("totals")->getValue<std::string>("EUR"));

		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("a@example.com,c@example.com,owner@example.com"), sent());
		CPPUNIT_ASSERT_EQUAL(std::string("W-c2"), listedNumbers("c@example.com")); // the USD invoice alone
		(void)a;
	}

	void testReCheckHonoursAPauseAndADispute()
	{
		// While a's reminder goes out, b promises to pay and c's invoice is disputed.
		customer("a");
		const auto b = customer("b");
		customer("c");
		const auto cInvoice = invoiceOf("W-c");
		int paused = 0, disputed = 0;
		_hook = [&](const ComposedMessage& m) {
			if (m.to != "a@example.com") return;
			paused = _host
						 ->call("PATCH", "/api/customers/" + std::to_string(b),
								R"({"reminders": {"paused_until": "2026-12-15"}})")
						 .status;
			disputed = _host
						   ->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(cInvoice),
								  R"({"disputed": true})")
						   .status;
		};
		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(200, paused);
		CPPUNIT_ASSERT_EQUAL(200, disputed);
		CPPUNIT_ASSERT_EQUAL(std::string("a@example.com,owner@example.com"), sent());
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		CPPUNIT_ASSERT_EQUAL(2, report->getObject("counts")->getValue<int>("cancelled"));
	}

	void testMinimumAmountsSetting()
	{
		const std::string path = "/api/plugins/reminders/settings";
		// An accountant sets it, in the screen's text or as an object; it is audited.
		Reply text = _host->call("PUT", path, R"({"min_amounts": "usd 20; EUR 50.5"})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(400, text.status); // codes are upper case, as ISO 4217 writes them
		CPPUNIT_ASSERT_EQUAL(std::string("min_amounts"), text.errorField());
		text = _host->call("PUT", path, R"({"min_amounts": "USD 20; EUR 50.5"})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(text.body, 200, text.status);
		CPPUNIT_ASSERT_EQUAL(std::string("EUR 50.50, USD 20.00"), text.object()->getValue<std::string>("min_amounts"));
		const int audited = _host->auditCount("reminders.settings.update");
		Reply object = _host->call("PUT", path, R"({"min_amounts": {"JPY": "1000", "EUR": "50.50"}})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(object.body, 200, object.status);
		CPPUNIT_ASSERT_EQUAL(std::string("EUR 50.50, JPY 1000"), object.object()->getValue<std::string>("min_amounts"));
		CPPUNIT_ASSERT_EQUAL(audited + 1, _host->auditCount("reminders.settings.update"));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.settings.update");
		auto change = audit.object()->getArray("items")->getObject(0)->getObject("details")->getObject("min_amounts");
		CPPUNIT_ASSERT_EQUAL(std::string("EUR 50.50, USD 20.00"), change->getValue<std::string>("old"));
		CPPUNIT_ASSERT_EQUAL(std::string("EUR 50.50, JPY 1000"), change->getValue<std::string>("new"));

		// Refused whole, the field named, nothing stored (not even the request's other fields).
		for (const char* body:
			 {R"({"min_amounts": "EUR"})", R"({"min_amounts": "ZZZ 5"})", R"({"min_amounts": "EUR 0"})",
			  R"({"min_amounts": "EUR -1"})", R"({"min_amounts": "EUR 1.001"})", R"({"min_amounts": "EUR 5, EUR 6"})",
			  R"({"min_amounts": {"EUR": 50}})", R"({"min_amounts": {"EURO": "5"}})",
			  R"({"min_amounts": 50, "days_after_due": 9})", R"({"min_amounts": true})"})
		{
			Reply refused = _host->call("PUT", path, body, TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(body) + " " + refused.body, 400, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("min_amounts"), refused.errorField());
		}
		auto now = _host->call("GET", path).object();
		CPPUNIT_ASSERT_EQUAL(std::string("EUR 50.50, JPY 1000"), now->getValue<std::string>("min_amounts"));
		CPPUNIT_ASSERT_EQUAL(0, now->getValue<int>("days_after_due"));
		CPPUNIT_ASSERT_EQUAL(audited + 1, _host->auditCount("reminders.settings.update"));
		// Empty or null: no minimum.
		CPPUNIT_ASSERT_EQUAL(
			std::string(""),
			_host->call("PUT", path, R"({"min_amounts": ""})").object()->getValue<std::string>("min_amounts"));
		_host->call("PUT", path, R"({"min_amounts": "EUR 1"})");
		CPPUNIT_ASSERT_EQUAL(
			std::string(""),
			_host->call("PUT", path, R"({"min_amounts": null})").object()->getValue<std::string>("min_amounts"));
	}

	void testReminderNumberCountsDeliveredReminders()
	{
		// a's reminders are accepted; b's server rejects the first one.
		const auto a = customer("a");
		const auto b = _host->createCustomer("b", "b@example.com", R"("language": "en")");
		_host->createInvoice(b, "W-b", "100");
		_refused = "b@example.com";
		execute("2026-11-30");
		CPPUNIT_ASSERT_MESSAGE(_texts["a@example.com"], contains(_texts["a@example.com"], "W-a (υπενθύμιση αρ. 1)"));
		CPPUNIT_ASSERT_MESSAGE(_texts["b@example.com"], contains(_texts["b@example.com"], "W-b (reminder no. 1)"));
		// The next week: a's second, b's still the first (the rejected one does not count).
		_refused.clear();
		_host->runtime().services().clock.pin(MONDAY_10 + 7 * 24 * 60 * MINUTE);
		_host->createInvoice(a, "W-a2", "10", R"("due_date": "2026-11-05")");
		execute("2026-12-07");
		CPPUNIT_ASSERT_MESSAGE(_texts["a@example.com"], contains(_texts["a@example.com"], "W-a (υπενθύμιση αρ. 2)"));
		CPPUNIT_ASSERT_MESSAGE(_texts["a@example.com"], contains(_texts["a@example.com"], "W-a2 (υπενθύμιση αρ. 1)"));
		CPPUNIT_ASSERT_MESSAGE(_texts["a@example.com"],
							   contains(_texts["a@example.com"], "W-a<br><small>Υπενθύμιση αρ. 2</small>"));
		CPPUNIT_ASSERT_MESSAGE(_texts["b@example.com"], contains(_texts["b@example.com"], "W-b (reminder no. 1)"));
	}

	void testOwnersReportHasAgeBands()
	{
		// On 30 November: 30, 31, 60, 61, 90 and 91 days after the due date.
		const auto a = _host->createCustomer("a", "a@example.com");
		const auto b = _host->createCustomer("b", "b@example.com");
		_host->createInvoice(a, "D30", "10.00", R"("due_date": "2026-10-31")");
		_host->createInvoice(a, "D31", "20.00", R"("due_date": "2026-10-30")");
		_host->createInvoice(b, "D60", "5.00", R"("due_date": "2026-10-01", "currency": "USD")");
		_host->createInvoice(a, "D61", "1.00", R"("issue_date": "2026-09-01", "due_date": "2026-09-30")");
		_host->createInvoice(b, "D90", "2.00", R"("issue_date": "2026-09-01", "due_date": "2026-09-01")");
		_host->createInvoice(b, "D91", "4.00", R"("issue_date": "2026-08-01", "due_date": "2026-08-31")");
		execute("2026-11-30");
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		auto bands = report->getArray("age_bands");
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), bands->size());
		const char* const codes[] = {"1-30", "31-60", "61-90", "over_90"};
		const int counts[] = {1, 2, 2, 1};
		for (unsigned i = 0; i < 4; ++i)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(codes[i]), bands->getObject(i)->getValue<std::string>("band"));
			CPPUNIT_ASSERT_EQUAL(counts[i], bands->getObject(i)->getValue<int>("invoices"));
		}
		CPPUNIT_ASSERT_EQUAL(std::string("10.00"),
							 bands->getObject(0)->getObject("totals")->getValue<std::string>("EUR"));
		auto band31 = bands->getObject(1)->getObject("totals");
		CPPUNIT_ASSERT_EQUAL(std::string("20.00"), band31->getValue<std::string>("EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("5.00"), band31->getValue<std::string>("USD")); // per currency, never added
		CPPUNIT_ASSERT_EQUAL(std::string("3.00"),
							 bands->getObject(2)->getObject("totals")->getValue<std::string>("EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("4.00"),
							 bands->getObject(3)->getObject("totals")->getValue<std::string>("EUR"));
		// Each listed invoice names its band.
		auto reminded = report->getArray("reminded")->getObject(0)->getArray("invoices");
		for (std::size_t i = 0; i < reminded->size(); ++i)
		{
			auto invoice = reminded->getObject(static_cast<unsigned>(i));
			const std::string number = invoice->getValue<std::string>("number");
			const std::string band = invoice->getValue<std::string>("age_band");
			CPPUNIT_ASSERT_MESSAGE(number + " " + band, (number == "D30" && band == "1-30") ||
															(number == "D31" && band == "31-60") ||
															(number == "D61" && band == "61-90"));
		}
		// The owner's email (Greek, the fallback language): the bands with their totals.
		const std::string owner = _texts["owner@example.com"];
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "ανά παλαιότητα"));
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "* 1–30 ημέρες: 1 τιμολόγιο, υπόλοιπο 10,00 €"));
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "* 31–60 ημέρες: 2 τιμολόγια, υπόλοιπο 20,00 €, 5,00 $"));
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "* πάνω από 90 ημέρες: 1 τιμολόγιο, υπόλοιπο 4,00 €"));
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "<td>61–90 ημέρες</td><td align=\"right\">2</td>"));
	}

	void testHeldCustomersAreInTheOwnersReport()
	{
		// The owner learns who owes but was not reminded this week, and why:
		// a pause (with its date), a dispute, a minimum. A customer whose
		// reminders are off is a standing choice, not this week's news.
		customer("promised", R"("reminders": {"paused_until": "2026-12-15"})");
		customer("quarrel");
		dispute(invoiceOf("W-quarrel"), true, "Wrong goods");
		customer("small", "", "9.99");
		const auto off = customer("quiet");
		Reply quiet = _host->call("PATCH", "/api/customers/" + std::to_string(off),
								  R"({"reminders": {"enabled": false}})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(quiet.body, 200, quiet.status);
		customer("plain");
		Reply set =
			_host->call("PUT", "/api/plugins/reminders/settings", R"({"min_amounts": "EUR 10"})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(set.body, 200, set.status);

		execute("2026-11-30");
		CPPUNIT_ASSERT_EQUAL(std::string("plain@example.com,owner@example.com"), sent());
		auto report = _host->call("GET", "/api/plugins/reminders/runs/1").object();
		auto notReminded = report->getArray("not_reminded");
		std::map<std::string, Poco::JSON::Object::Ptr> byName;
		for (std::size_t i = 0; i < notReminded->size(); ++i)
		{
			auto item = notReminded->getObject(static_cast<unsigned>(i));
			byName[item->getValue<std::string>("customer")] = item;
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), byName.size());
		CPPUNIT_ASSERT_EQUAL(std::string("paused"), byName.at("promised")->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-12-15"), byName.at("promised")->getValue<std::string>("paused_until"));
		CPPUNIT_ASSERT_EQUAL(std::string("disputed"), byName.at("quarrel")->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("below_minimum"), byName.at("small")->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(1, report->getObject("counts")->getValue<int>("accepted"));
		CPPUNIT_ASSERT_EQUAL(3, report->getObject("counts")->getValue<int>("skipped"));
		// Nothing held counts as reminded: the report's totals are plain's alone.
		const std::string owner = _texts["owner@example.com"];
		CPPUNIT_ASSERT_MESSAGE(
			owner, contains(owner, "* promised: σε παύση έως και 15/12/2026 (υπόσχεση πληρωμής)· υπόλοιπο: 100,00 €"));
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "* quarrel: όλα τα ληξιπρόθεσμα τιμολόγια αμφισβητούνται"));
		CPPUNIT_ASSERT_MESSAGE(
			owner,
			contains(owner, "* small: η οφειλή είναι κάτω από το ελάχιστο ποσό του νομίσματος· υπόλοιπο: 9,99 €"));
		CPPUNIT_ASSERT_MESSAGE(owner, !contains(owner, "quiet"));
		CPPUNIT_ASSERT_MESSAGE(owner, contains(owner, "Τιμολόγια στις υπενθυμίσεις: 1"));

		// Held rows count as no reminder: next week, the pause over, promised's
		// invoice is its reminder no. 1.
		_sent.clear();
		_host->runtime().services().clock.pin(MONDAY_10 + 21 * 24 * 60 * MINUTE);
		execute("2026-12-21");
		CPPUNIT_ASSERT_MESSAGE(_texts["promised@example.com"],
							   contains(_texts["promised@example.com"], "υπενθύμιση αρ. 1"));
	}

private:
	Poco::Int64 customer(const std::string& name, const std::string& extra = "", const std::string& total = "100")
	{
		const auto id = _host->createCustomer(name, name + "@example.com", extra);
		_host->createInvoice(id, "W-" + name, total);
		return id;
	}

	Poco::Int64 invoiceOf(const std::string& number)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 id = 0;
		std::string n = number;
		session << "SELECT id FROM invoices WHERE number = ?", use(n), into(id), now;
		return id;
	}

	void dispute(Poco::Int64 invoice, bool disputed, const std::string& note)
	{
		const std::string body =
			std::string(R"({"disputed": )") + (disputed ? "true" : "false") + R"(, "dispute_note": ")" + note + "\"}";
		Reply reply = _host->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(invoice), body,
								  TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
	}

	Poco::JSON::Object::Ptr previewOf(const std::string& date)
	{
		Reply reply = _host->call("GET", "/api/plugins/reminders/preview?date=" + date, "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		return reply.object();
	}

	static bool contains(const std::string& text, const std::string& part)
	{
		return text.find(part) != std::string::npos;
	}

	static std::string recipients(const Poco::JSON::Array& messages)
	{
		std::string list;
		for (std::size_t i = 0; i < messages.size(); ++i)
			list += (i ? "," : "") + messages.getObject(static_cast<unsigned>(i))->getValue<std::string>("recipient");
		return list;
	}

	std::string sent() const
	{
		std::string list;
		for (const std::string& to: _sent)
			list += (list.empty() ? "" : ",") + to;
		return list;
	}

	// The invoice numbers the latest message to `recipient` listed.
	std::string listedNumbers(const std::string& recipient)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		std::vector<std::string> numbers;
		std::string to = recipient;
		session << "SELECT i.number FROM reminder_message_invoices mi JOIN invoices i ON i.id = mi.invoice_id "
				   "WHERE mi.message_id = (SELECT MAX(m.id) FROM reminder_messages m WHERE m.recipient = ?) "
				   "ORDER BY i.number",
			use(to), into(numbers), now;
		std::string list;
		for (const std::string& number: numbers)
			list += (list.empty() ? "" : ",") + number;
		return list;
	}

	erp::TaskResult execute(const std::string& date)
	{
		const erp::TaskResult result = WeeklyRunFixture::execute(date);
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		return result;
	}

	RecordingTransport::Hook _hook;
	std::vector<std::string> _sent;
	std::map<std::string, std::string> _texts; // the latest message's text and HTML per recipient
	std::string _refused;                      // the recipient whose server rejects
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CreditControlsTest, "plugin");
