//
// PreviewResourceTest.cpp
//


#include "HostClock.h"
#include "HostFixture.h"
#include "RunWait.h"
#include "erp/Transaction.h"
#include "plugin/core/ReminderPlanner.h"
#include "plugin/store/RunStore.h"
#include <Poco/DateTime.h>
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;
using namespace Poco::Data::Keywords;


class PreviewResourceTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(PreviewResourceTest);
	CPPUNIT_TEST(testWhatTheRunWouldSend);
	CPPUNIT_TEST(testMasterSwitchOff);
	CPPUNIT_TEST(testPaymentsAreHonoured);
	CPPUNIT_TEST(testCustomersWhoCannotBeReminded);
	CPPUNIT_TEST(testPages);
	CPPUNIT_TEST(testBadDate);
	CPPUNIT_TEST(testCustomerSwitchedOffIsSkipped);
	CPPUNIT_TEST(testNeverOnTheDueDate);
	CPPUNIT_TEST(testWeekThatHasItsRun);
	CPPUNIT_TEST(testOutboxRecordsCustomerOffAsSkipped);
	CPPUNIT_TEST(testSwitchedOnAfterTheWeeksMoment);
	CPPUNIT_TEST(testNextRunDate);
	CPPUNIT_TEST(testOverviewWordsTheRunsReport);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		HostFixture::setUp();
		Reply on = _host->call(
			"PUT", "/api/plugins/reminders/settings",
			R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 7, "stop_after_months": 2})");
		CPPUNIT_ASSERT_EQUAL(200, on.status);
	}

	void testWhatTheRunWouldSend()
	{
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		invoice(alpha, "A-NEW", "2026-11-01", "2026-11-25", "EUR", "10");    // 5 days late: inside the grace
		invoice(alpha, "A-OLD", "2026-09-01", "2026-10-01", "EUR", "100");   // 60 days late
		invoice(alpha, "A-GBP", "2026-10-01", "", "GBP", "40");              // no due date: basis 1 October
		invoice(alpha, "A-STOP", "2026-07-01", "2026-09-20", "EUR", "1000"); // stopped on 27 November
		invoice(alpha, "A-OFF", "2026-09-01", "2026-10-01", "EUR", "5", R"("reminders": {"with_reminder": false})");
		const auto off = _host->createCustomer("Off", "off@example.com", R"("reminders": {"enabled": false})");
		invoice(off, "O-1", "2026-09-01", "2026-10-01", "EUR", "70");

		Reply reply = preview("2026-11-30");
		auto body = reply.object();
		CPPUNIT_ASSERT(body->getValue<bool>("enabled"));
		auto messages = body->getArray("messages");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), messages->size());
		auto message = messages->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("alpha@example.com"), message->getValue<std::string>("recipient"));
		CPPUNIT_ASSERT_EQUAL(std::string("el"), message->getValue<std::string>("language"));
		auto invoices = message->getArray("invoices");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), invoices->size());
		CPPUNIT_ASSERT_EQUAL(std::string("A-OLD"), invoices->getObject(0)->getValue<std::string>("number"));
		CPPUNIT_ASSERT_EQUAL(60, invoices->getObject(0)->getValue<int>("days_overdue"));
		CPPUNIT_ASSERT_EQUAL(std::string("A-GBP"), invoices->getObject(1)->getValue<std::string>("number"));
		CPPUNIT_ASSERT_EQUAL(std::string("issue_date"), invoices->getObject(1)->getValue<std::string>("basis"));
		CPPUNIT_ASSERT_EQUAL(std::string("100.00"), message->getObject("totals")->getValue<std::string>("EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("40.00"), message->getObject("totals")->getValue<std::string>("GBP"));
		auto summary = body->getObject("summary");
		CPPUNIT_ASSERT_EQUAL(1, summary->getValue<int>("customers_to_remind"));
		CPPUNIT_ASSERT_EQUAL(2, summary->getValue<int>("invoices"));

		// A day earlier, A-STOP was still inside its two months.
		Reply before = preview("2026-11-26");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3),
							 before.object()->getArray("messages")->getObject(0)->getArray("invoices")->size());
	}

	void testMasterSwitchOff()
	{
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		invoice(alpha, "A-1", "2026-09-01", "2026-10-01", "EUR", "100");
		_host->call("PUT", "/api/plugins/reminders/settings", R"({"enabled": false})");
		Reply reply = preview("2026-11-30");
		CPPUNIT_ASSERT(!reply.object()->getValue<bool>("enabled"));
		CPPUNIT_ASSERT(reply.object()->has("note"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), reply.object()->getArray("messages")->size());
	}

	void testPaymentsAreHonoured()
	{
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		const auto id = invoice(alpha, "A-1", "2026-09-01", "2026-10-01", "EUR", "100");
		const std::string payments = "/api/invoices/" + std::to_string(id) + "/payments";
		_host->call("POST", payments, R"({"amount": "30", "paid_on": "2026-11-10"})");
		auto line =
			preview("2026-11-30").object()->getArray("messages")->getObject(0)->getArray("invoices")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("70.00"), line->getValue<std::string>("outstanding"));
		CPPUNIT_ASSERT_EQUAL(std::string("30.00"), line->getValue<std::string>("paid"));
		_host->call("POST", payments, R"({"amount": "70", "paid_on": "2026-11-11"})");
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), preview("2026-11-30").object()->getArray("messages")->size());
	}

	void testCustomersWhoCannotBeReminded()
	{
		const auto none = _host->createCustomer("No Mail", "");
		invoice(none, "N-1", "2026-09-01", "2026-10-01", "EUR", "10");
		const auto bad = _host->createCustomer("Bad Mail", "bad@example.com");
		invoice(bad, "B-1", "2026-09-01", "2026-10-01", "EUR", "20");
		// An address imported before validation existed.
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 id = bad;
		session << "UPDATE customers SET email = 'bad@@example' WHERE id = ?", use(id), now;

		auto body = preview("2026-11-30").object();
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), body->getArray("messages")->size());
		auto skipped = body->getArray("skipped");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), skipped->size());
		CPPUNIT_ASSERT_EQUAL(std::string("no_email"), skipped->getObject(0)->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("invalid_email"), skipped->getObject(1)->getValue<std::string>("reason"));
		CPPUNIT_ASSERT(skipped->getObject(1)->isNull("recipient"));
		CPPUNIT_ASSERT_EQUAL(2, body->getObject("summary")->getValue<int>("customers_without_valid_email"));
	}

	void testPages()
	{
		for (int i = 1; i <= 5; ++i)
		{
			const auto c = _host->createCustomer("C" + std::to_string(i), "c" + std::to_string(i) + "@example.com");
			invoice(c, "P-" + std::to_string(i), "2026-09-01", "2026-10-01", "EUR", "10");
		}
		std::vector<std::string> seen;
		std::string after;
		for (int page = 0; page < 5; ++page)
		{
			Reply reply = _host->call("GET", "/api/plugins/reminders/preview?date=2026-11-30&limit=2" +
												 (after.empty() ? "" : "&after=" + after));
			auto body = reply.object();
			CPPUNIT_ASSERT_EQUAL(5, body->getObject("summary")->getValue<int>("customers_to_remind"));
			auto messages = body->getArray("messages");
			for (std::size_t i = 0; i < messages->size(); ++i)
				seen.push_back(messages->getObject(static_cast<unsigned>(i))
								   ->getObject("customer")
								   ->getValue<std::string>("name"));
			if (body->isNull("next_after")) break;
			after = std::to_string(body->getValue<Poco::Int64>("next_after"));
		}
		CPPUNIT_ASSERT((seen == std::vector<std::string>{"C1", "C2", "C3", "C4", "C5"}));
	}

	void testBadDate()
	{
		for (const char* query: {"date=2026-02-30", "date=tomorrow", "limit=0", "limit=1001", "after=-1"})
		{
			Reply reply = _host->call("GET", std::string("/api/plugins/reminders/preview?") + query);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(query, 400, reply.status);
		}
	}

	void testCustomerSwitchedOffIsSkipped()
	{
		// Flagged while on, then switched off: listed as skipped, never as a message.
		const auto off = _host->createCustomer("Off Later", "later@example.com");
		invoice(off, "L-1", "2026-09-01", "2026-10-01", "EUR", "70");
		invoice(off, "L-2", "2026-11-01", "2026-11-28", "EUR", "5"); // not due yet
		const auto quiet = _host->createCustomer("Quiet", "quiet@example.com");
		invoice(quiet, "Q-1", "2026-11-01", "2026-11-28", "EUR", "5"); // not due yet: nothing to say
		const auto on = _host->createCustomer("On", "on@example.com");
		invoice(on, "N-1", "2026-09-01", "2026-10-01", "EUR", "20");
		for (auto id: {off, quiet})
			CPPUNIT_ASSERT_EQUAL(
				200,
				_host->call("PATCH", "/api/customers/" + std::to_string(id), R"({"reminders": {"enabled": false}})")
					.status);

		auto body = preview("2026-11-30").object();
		auto messages = body->getArray("messages");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), messages->size());
		CPPUNIT_ASSERT_EQUAL(std::string("On"),
							 messages->getObject(0)->getObject("customer")->getValue<std::string>("name"));
		auto skipped = body->getArray("skipped");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), skipped->size());
		auto entry = skipped->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("Off Later"), entry->getObject("customer")->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("customer_off"), entry->getValue<std::string>("reason"));
		CPPUNIT_ASSERT(entry->isNull("recipient"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), entry->getArray("invoices")->size()); // what it would have listed
		auto summary = body->getObject("summary");
		CPPUNIT_ASSERT_EQUAL(1, summary->getValue<int>("customers_to_remind"));
		CPPUNIT_ASSERT_EQUAL(0, summary->getValue<int>("customers_without_valid_email"));
		CPPUNIT_ASSERT_EQUAL(1, summary->getValue<int>("customers_switched_off"));
		CPPUNIT_ASSERT_EQUAL(1, summary->getValue<int>("invoices")); // only what goes out or is reported
	}

	void testNeverOnTheDueDate()
	{
		// days_after_due 0: from the day after the due date, in the database
		// pre-filter and the planner alike.
		CPPUNIT_ASSERT_EQUAL(
			200, _host->call("PUT", "/api/plugins/reminders/settings", R"({"days_after_due": 0})", TestHost::ACCOUNTANT)
					 .status);
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		invoice(alpha, "D-TODAY", "2026-11-01", "2026-11-30", "EUR", "10");
		invoice(alpha, "D-YESTERDAY", "2026-11-01", "2026-11-29", "EUR", "20");
		invoice(alpha, "I-TODAY", "2026-11-30", "", "EUR", "30"); // no due date: issued today
		auto invoices = preview("2026-11-30").object()->getArray("messages")->getObject(0)->getArray("invoices");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), invoices->size());
		CPPUNIT_ASSERT_EQUAL(std::string("D-YESTERDAY"), invoices->getObject(0)->getValue<std::string>("number"));
		CPPUNIT_ASSERT_EQUAL(1, invoices->getObject(0)->getValue<int>("days_overdue"));
		auto next = preview("2026-12-01").object()->getArray("messages")->getObject(0)->getArray("invoices");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), next->size());
	}

	void testWeekThatHasItsRun()
	{
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		invoice(alpha, "A-1", "2026-09-01", "2026-10-01", "EUR", "100");
		const auto beta = _host->createCustomer("Beta", "beta@example.com");
		const auto b1 = invoice(beta, "B-1", "2026-09-01", "2026-10-01", "EUR", "50");
		const auto none = _host->createCustomer("No Mail", "");
		invoice(none, "N-1", "2026-09-01", "2026-10-01", "EUR", "10");

		// No run yet this week.
		auto before = preview("2026-11-25").object();
		CPPUNIT_ASSERT(before->isNull("run"));
		CPPUNIT_ASSERT(before->getArray("messages")->getObject(0)->isNull("this_week"));

		// Monday's run (an operator's, for that date) sends to Alpha and Beta.
		const erp::TaskResult run = _host->runtime().runTask("reminders.weekly", "2026-11-23", false, "test");
		CPPUNIT_ASSERT_MESSAGE(run.summary, run.ok);
		// Since then: Beta paid, Gamma became due.
		_host->call("POST", "/api/invoices/" + std::to_string(b1) + "/payments", R"({"amount": "50"})");
		const auto gamma = _host->createCustomer("Gamma", "gamma@example.com");
		invoice(gamma, "G-1", "2026-09-01", "2026-10-01", "EUR", "30");

		auto body = preview("2026-11-25").object();
		CPPUNIT_ASSERT_EQUAL(std::string("2026-W48"), body->getValue<std::string>("week"));
		auto weekRun = body->getObject("run");
		CPPUNIT_ASSERT(weekRun);
		CPPUNIT_ASSERT_EQUAL(std::string("2026-11-23"), weekRun->getValue<std::string>("business_date"));
		CPPUNIT_ASSERT_EQUAL(std::string("done"), weekRun->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(2, weekRun->getObject("counts")->getValue<int>("spooled"));
		CPPUNIT_ASSERT_EQUAL(1, weekRun->getObject("counts")->getValue<int>("skipped"));
		CPPUNIT_ASSERT(body->getValue<std::string>("note").find("already has its run") != std::string::npos);
		const Poco::Int64 runId = weekRun->getValue<Poco::Int64>("id");

		// What would be sent now, each beside what the run did.
		auto messages = body->getArray("messages");
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), messages->size());
		auto a = messages->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("Alpha"), a->getObject("customer")->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), a->getObject("this_week")->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(runId, a->getObject("this_week")->getValue<Poco::Int64>("run_id"));
		CPPUNIT_ASSERT_EQUAL(std::string("alpha@example.com"),
							 a->getObject("this_week")->getValue<std::string>("recipient"));
		auto g = messages->getObject(1);
		CPPUNIT_ASSERT_EQUAL(std::string("Gamma"), g->getObject("customer")->getValue<std::string>("name"));
		CPPUNIT_ASSERT(g->isNull("this_week"));
		auto skipped = body->getArray("skipped");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), skipped->size());
		CPPUNIT_ASSERT_EQUAL(std::string("skipped"),
							 skipped->getObject(0)->getObject("this_week")->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("no_email"),
							 skipped->getObject(0)->getObject("this_week")->getValue<std::string>("reason"));
		// Beta was sent a reminder this week but would not be now (paid since).
		auto sentOnly = body->getArray("this_week_only");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), sentOnly->size());
		auto b = sentOnly->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("Beta"), b->getObject("customer")->getValue<std::string>("name"));
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), b->getObject("this_week")->getValue<std::string>("state"));

		// The next week has no run.
		auto next = preview("2026-11-30").object();
		CPPUNIT_ASSERT(next->isNull("run"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), next->getArray("this_week_only")->size());
	}

	void testSwitchedOnAfterTheWeeksMoment()
	{
		// Switched on for the first time on Friday 27 November 2026 (Athens):
		// Monday's 09:00 has passed, so the preview says that nothing goes
		// out this week and names next Monday. Switched on before the moment
		// (Monday 08:00, on a fresh host), it says nothing of the kind.
		const std::string words = "switched on after this week's sending moment";
		const Poco::Timestamp friday = Poco::DateTime(2026, 11, 27, 10, 0).timestamp(); // 12:00 in Athens
		const Poco::Timestamp monday8 = Poco::DateTime(2026, 11, 23, 6, 0).timestamp(); // 08:00 in Athens
		for (const bool late: {true, false})
		{
			_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory());
			host::HostClock& clock = _host->runtime().services().clock;
			clock.pin(late ? friday : monday8);
			Reply on = _host->call("PUT", "/api/plugins/reminders/settings",
								   R"({"enabled": true, "from_address": "billing@example.com"})");
			CPPUNIT_ASSERT_EQUAL(200, on.status);
			clock.pin(friday);
			const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
			invoice(alpha, "A-1", "2026-09-01", "2026-10-01", "EUR", "100");
			Reply reply = _host->call("GET", "/api/plugins/reminders/preview");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
			const std::string note = reply.object()->optValue<std::string>("note", "");
			if (late)
			{
				CPPUNIT_ASSERT_MESSAGE(reply.body, note.find(words) != std::string::npos);
				CPPUNIT_ASSERT_MESSAGE(note, note.find("first run is on 2026-11-30") != std::string::npos);
			}
			else
				CPPUNIT_ASSERT_MESSAGE(reply.body, note.find(words) == std::string::npos);
			// A preview of a chosen date is about that date only.
			CPPUNIT_ASSERT(!preview("2026-11-30").object()->has("note"));
			clock.unpin();
		}
	}

	void testNextRunDate()
	{
		// Monday 09:00 in Athens is the moment (the default schedule). Before
		// it, the next run is today; after it, or once the week has a run,
		// next Monday. The screens' overview previews that day.
		host::HostClock& clock = _host->runtime().services().clock;
		const struct
		{
			Poco::Timestamp now;
			const char* expected;
		} cases[] = {
			{Poco::DateTime(2026, 11, 30, 6, 59).timestamp(), "2026-11-30"}, // Monday 08:59
			{Poco::DateTime(2026, 11, 30, 7, 0).timestamp(), "2026-12-07"},  // Monday 09:00
			{Poco::DateTime(2026, 12, 6, 21, 59).timestamp(), "2026-12-07"}, // Sunday 23:59
			{Poco::DateTime(2026, 12, 3, 12, 0).timestamp(), "2026-12-07"},  // Thursday
		};
		for (const auto& each: cases)
		{
			clock.pin(each.now);
			Reply reply = _host->call("GET", "/api/plugins/reminders/preview");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, std::string(each.expected),
										 reply.object()->getValue<std::string>("next_run_date"));
			Reply overview = _host->call("GET", "/api/plugins/reminders/ui/overview?language=en");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(overview.body, std::string(each.expected),
										 overview.object()->getValue<std::string>("date"));
		}
		// An administrator's run on Monday 08:00 takes this week's turn.
		clock.pin(Poco::DateTime(2026, 11, 30, 6, 0).timestamp());
		CPPUNIT_ASSERT_EQUAL(
			std::string("2026-11-30"),
			_host->call("GET", "/api/plugins/reminders/preview").object()->getValue<std::string>("next_run_date"));
		tests::runToEnd(*_host);
		CPPUNIT_ASSERT_EQUAL(
			std::string("2026-12-07"),
			_host->call("GET", "/api/plugins/reminders/preview").object()->getValue<std::string>("next_run_date"));
		clock.unpin();
	}

	void testOverviewWordsTheRunsReport()
	{
		// The reminders page shows each run's report in words: who was
		// reminded and what became of it, who was not and why, and the
		// report to the business; never a bare state code as "the report".
		host::HostClock& clock = _host->runtime().services().clock;
		clock.pin(Poco::DateTime(2026, 11, 30, 8, 0).timestamp()); // Monday 10:00 in Athens
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		invoice(alpha, "A-1", "2026-09-01", "2026-10-01", "EUR", "100");
		const auto mute = _host->createCustomer("Mute", "");
		invoice(mute, "M-1", "2026-09-01", "2026-10-01", "EUR", "30");
		tests::runToEnd(*_host);
		Reply overview = _host->call("GET", "/api/plugins/reminders/ui/overview?language=en");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(overview.body, 200, overview.status);
		auto runs = overview.object()->getArray("runs");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(overview.body, std::size_t(1), runs->size());
		auto first = runs->getObject(0);
		CPPUNIT_ASSERT_MESSAGE(overview.body, first->isNull("report"));
		auto reminded = first->getArray("reminded");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(overview.body, std::size_t(1), reminded->size());
		CPPUNIT_ASSERT_EQUAL(std::string("alpha@example.com"),
							 reminded->getObject(0)->getValue<std::string>("recipient"));
		const std::string state = reminded->getObject(0)->getValue<std::string>("state_text");
		CPPUNIT_ASSERT_MESSAGE(state, state == "accepted by the mail server" || state == "written to the spool folder");
		CPPUNIT_ASSERT_EQUAL(std::string("€100.00"), reminded->getObject(0)->getValue<std::string>("totals_text"));
		auto notReminded = first->getArray("not_reminded");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(overview.body, std::size_t(1), notReminded->size());
		CPPUNIT_ASSERT_EQUAL(std::string("Mute"), notReminded->getObject(0)->getValue<std::string>("customer"));
		CPPUNIT_ASSERT_EQUAL(std::string("no email address"),
							 notReminded->getObject(0)->getValue<std::string>("reason_text"));
		clock.unpin();
	}

	void testOutboxRecordsCustomerOffAsSkipped()
	{
		// The run never plans a customer who is off; were such a plan ever
		// saved, the outbox would keep it as a skipped row with its reason.
		using namespace reminders;
		const auto off = _host->createCustomer("Off", "off@example.com");
		invoice(off, "O-1", "2026-09-01", "2026-10-01", "EUR", "70");
		CustomerContact contact;
		contact.id = off;
		contact.name = "Off";
		contact.email = "off@example.com";
		contact.remindersEnabled = false;
		OpenInvoice open;
		open.id = 1;
		open.customerId = off;
		open.number = "O-1";
		open.issueDate = *CalendarDate::parse("2026-09-01");
		open.dueDate = CalendarDate::parse("2026-10-01");
		open.currency = "EUR";
		open.totalMinor = 7000;
		open.status = "issued";
		open.withReminder = true;
		ReminderSettings settings;
		settings.enabled = true;
		const std::optional<CustomerPlan> plan =
			ReminderPlanner(settings, *CalendarDate::parse("2026-11-30")).planExplained(contact, {open});
		CPPUNIT_ASSERT(plan && plan->outcome == CustomerPlan::Outcome::CUSTOMER_OFF);

		const RunStore runs(TestHost::dialect());
		Poco::Data::Session session = _host->runtime().database().session();
		erp::Transaction tx(session, TestHost::dialect());
		const RunStore::Claim claim = runs.claim(session, "2026-W49", "2026-11-30", "test", "2026-11-30T07:00:00Z",
												 "2026-11-30T07:05:00Z", false, "test");
		runs.savePlan(session, claim.run.id, {*plan}, "2026-11-30T07:00:00Z");
		tx.commit();
		const std::vector<MessageRecord> rows = runs.messages(session, claim.run.id);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), rows.size());
		CPPUNIT_ASSERT_EQUAL(std::string("skipped"), rows.front().state);
		CPPUNIT_ASSERT_EQUAL(std::string("customer_off"), rows.front().skipReason);
		CPPUNIT_ASSERT(rows.front().recipient.empty());
	}

private:
	Reply preview(const std::string& date)
	{
		Reply reply = _host->call("GET", "/api/plugins/reminders/preview?date=" + date, "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		return reply;
	}

	Poco::Int64 invoice(Poco::Int64 customer, const std::string& number, const std::string& issue,
						const std::string& due, const std::string& currency, const std::string& total,
						const std::string& extra = "")
	{
		std::string body = R"({"number": ")" + number + R"(", "customer_id": )" + std::to_string(customer) +
						   R"(, "issue_date": ")" + issue + R"(", "currency": ")" + currency + R"(", "total": ")" +
						   total + "\"";
		if (!due.empty()) body += R"(, "due_date": ")" + due + "\"";
		if (!extra.empty()) body += ", " + extra;
		Reply reply = _host->call("POST", "/api/invoices", body + "}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 201, reply.status);
		return reply.object()->getValue<Poco::Int64>("id");
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PreviewResourceTest, "plugin");
