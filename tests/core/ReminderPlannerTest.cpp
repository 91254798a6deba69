//
// ReminderPlannerTest.cpp
//


#include "plugin/core/ReminderPlanner.h"
#include <cppunit/extensions/HelperMacros.h>
#include <limits>
#include <stdexcept>


using namespace reminders;


namespace {

CalendarDate day(const char* text)
{
	return *CalendarDate::parse(text);
}

OpenInvoice invoice(Poco::Int64 id, const char* issue, const char* dueDate, Poco::Int64 total = 10000,
					Poco::Int64 paid = 0, const char* currency = "EUR")
{
	OpenInvoice i;
	i.id = id;
	i.customerId = 1;
	i.number = "INV-" + std::to_string(id);
	i.issueDate = day(issue);
	if (dueDate) i.dueDate = day(dueDate);
	i.currency = currency;
	i.totalMinor = total;
	i.paidMinor = paid;
	i.status = paid == 0 ? "issued" : (paid >= total ? "paid" : "partially_paid");
	i.withReminder = true;
	return i;
}

ReminderSettings settings(int daysAfterDue, int stopAfterMonths)
{
	ReminderSettings s;
	s.enabled = true;
	s.daysAfterDue = daysAfterDue;
	s.stopAfterMonths = stopAfterMonths;
	return s;
}

CustomerContact customer(Poco::Int64 id = 1, const char* email = "a@example.com", const char* language = "el")
{
	CustomerContact c;
	c.id = id;
	c.name = "Customer " + std::to_string(id);
	c.email = email;
	c.language = language;
	return c;
}

} // namespace


class ReminderPlannerTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReminderPlannerTest);
	CPPUNIT_TEST(testWindow);
	CPPUNIT_TEST(testAmounts);
	CPPUNIT_TEST(testSwitchesAndFlags);
	CPPUNIT_TEST(testOneMessagePerCustomerOldestFirst);
	CPPUNIT_TEST(testSeveralCurrencies);
	CPPUNIT_TEST(testEmailOutcomes);
	CPPUNIT_TEST(testLanguage);
	CPPUNIT_TEST(testPrefilterBoundsNeverLoseADueInvoice);
	CPPUNIT_TEST(testFinalReminderIsTheLastWeekly);
	CPPUNIT_TEST(testFinalReminderBoundary);
	CPPUNIT_TEST(testCustomerOffOutcome);
	CPPUNIT_TEST(testTotalsNeverWrapAround);
	CPPUNIT_TEST(testPausedCustomer);
	CPPUNIT_TEST(testTheRunsPlanListsHoldsNotSwitchedOffCustomers);
	CPPUNIT_TEST(testDisputedInvoices);
	CPPUNIT_TEST(testMinimumAmounts);
	CPPUNIT_TEST(testHoldsInOrder);
	CPPUNIT_TEST_SUITE_END();

public:
	void testWindow()
	{
		// days after due, stop after months, issue date, due date (or none), today, due?, days overdue
		const struct
		{
			int days;
			int months;
			const char* issue;
			const char* dueDate;
			const char* today;
			bool due;
			long overdue;
			const char* what;
		} cases[] = {
			{0, 6, "2026-10-01", "2026-11-30", "2026-11-30", false, 0, "never overdue on its due date, even with 0"},
			{0, 6, "2026-10-01", "2026-11-29", "2026-11-30", true, 1, "0 days after due: from the day after"},
			{1, 6, "2026-10-01", "2026-11-30", "2026-11-30", false, 0, "due today, one grace day"},
			{1, 6, "2026-10-01", "2026-11-29", "2026-11-30", true, 1, "one grace day: the day after, like 0"},
			{0, 6, "2026-11-30", nullptr, "2026-11-30", false, 0, "issued today, no due date: not yet"},
			{0, 6, "2026-11-29", nullptr, "2026-11-30", true, 1, "issued yesterday, no due date, 0 days"},
			{7, 6, "2026-10-01", "2026-11-23", "2026-11-30", true, 7, "exactly at the threshold"},
			{7, 6, "2026-10-01", "2026-11-24", "2026-11-30", false, 0, "one day before the threshold"},
			{7, 6, "2026-10-01", nullptr, "2026-10-08", true, 7, "no due date: counts from the issue date"},
			{7, 6, "2026-10-02", nullptr, "2026-10-08", false, 0, "no due date, one day early"},
			{0, 1, "2026-01-01", "2026-01-30", "2026-02-27", true, 28, "31 January + 1 month: still in"},
			{0, 1, "2026-01-01", "2026-01-30", "2026-02-28", false, 0, "31 January + 1 month ends 28 February"},
			{1, 1, "2026-01-01", "2026-01-30", "2026-02-28", false, 0, "the same window with one grace day"},
			{0, 12, "2024-01-01", "2024-02-28", "2025-02-27", true, 365, "29 February + 12 months: still in"},
			{0, 12, "2024-01-01", "2024-02-28", "2025-02-28", false, 0, "29 February + 12 months ends 28 February"},
			{3, 6, "2026-01-01", "2026-03-10", "2026-09-12", true, 186, "last day before the stop"},
			{3, 6, "2026-01-01", "2026-03-10", "2026-09-13", false, 0, "the stop boundary itself"},
			{3, 6, "2026-01-01", "2026-03-10", "2027-01-01", false, 0, "long past the stop"},
			{0, 6, "2026-12-01", "2026-12-31", "2026-11-30", false, 0, "not yet due"},
		};
		for (const auto& c: cases)
		{
			const ReminderPlanner planner(settings(c.days, c.months), day(c.today));
			const std::optional<DueInvoice> line = planner.due(invoice(1, c.issue, c.dueDate));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.due, line.has_value());
			if (line)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.overdue, line->daysOverdue);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.dueDate == nullptr, line->basisIsIssueDate);
			}
		}
	}

	void testAmounts()
	{
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		const struct
		{
			Poco::Int64 total;
			Poco::Int64 paid;
			const char* status;
			bool due;
			Poco::Int64 outstanding;
			const char* what;
		} cases[] = {
			{10000, 0, "issued", true, 10000, "unpaid"},
			{10000, 2550, "partially_paid", true, 7450, "partly paid: lists what is outstanding"},
			{10000, 10000, "paid", false, 0, "paid in full"},
			{10000, 12000, "partially_paid", false, 0, "overpaid"},
			{0, 0, "issued", false, 0, "nothing owed"},
			{-5000, 0, "issued", false, 0, "a credit note"},
			{10000, 0, "void", false, 0, "void"},
		};
		for (const auto& c: cases)
		{
			OpenInvoice i = invoice(1, "2026-10-01", "2026-10-31", c.total, c.paid);
			i.status = c.status;
			const std::optional<DueInvoice> line = planner.due(i);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.due, line.has_value());
			if (line) CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, c.outstanding, line->outstandingMinor);
		}
	}

	void testSwitchesAndFlags()
	{
		const std::vector<OpenInvoice> invoices = {invoice(1, "2026-10-01", "2026-10-31")};
		ReminderSettings off = settings(0, 6);
		off.enabled = false;
		CPPUNIT_ASSERT(!ReminderPlanner(off, day("2026-11-30")).planCustomer(customer(), invoices));
		CPPUNIT_ASSERT(ReminderPlanner(off, day("2026-11-30")).plan({customer()}, invoices).empty());

		CustomerContact disabled = customer();
		disabled.remindersEnabled = false;
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		CPPUNIT_ASSERT(!planner.planCustomer(disabled, invoices));

		OpenInvoice unflagged = invoices.front();
		unflagged.withReminder = false;
		CPPUNIT_ASSERT(!planner.planCustomer(customer(), {unflagged}));
		CPPUNIT_ASSERT(planner.planCustomer(customer(), invoices));
	}

	void testOneMessagePerCustomerOldestFirst()
	{
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		std::vector<OpenInvoice> invoices = {
			invoice(3, "2026-10-20", "2026-11-19"), invoice(1, "2026-09-01", "2026-10-01", 5000, 1000),
			invoice(2, "2026-09-15", nullptr), invoice(4, "2026-11-01", "2026-12-15"), // not yet due
		};
		OpenInvoice other = invoice(5, "2026-09-01", "2026-10-01");
		other.customerId = 2;
		invoices.push_back(other);
		const std::vector<CustomerPlan> plans = planner.plan({customer(2, "b@example.com"), customer(1)}, invoices);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), plans.size());
		const CustomerPlan& first = plans.front();
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), first.customer.id);
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), first.invoices.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), first.invoices[0].invoice.id); // basis 2026-09-15
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1), first.invoices[1].invoice.id); // basis 2026-10-01
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(3), first.invoices[2].invoice.id); // basis 2026-11-19
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(4000 + 10000 + 10000), first.totals.at("EUR"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), plans.back().customer.id);
	}

	void testSeveralCurrencies()
	{
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		const CustomerPlan plan =
			*planner.planCustomer(customer(), {invoice(1, "2026-10-01", "2026-10-31", 10000, 0, "EUR"),
											   invoice(2, "2026-10-01", "2026-10-31", 20000, 5000, "GBP"),
											   invoice(3, "2026-10-01", "2026-10-31", 2500, 0, "EUR"),
											   invoice(4, "2026-10-01", "2026-10-31", 700, 0, "JPY")});
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), plan.totals.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(12500), plan.totals.at("EUR"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(15000), plan.totals.at("GBP"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(700), plan.totals.at("JPY"));
	}

	void testEmailOutcomes()
	{
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		const std::vector<OpenInvoice> invoices = {invoice(1, "2026-10-01", "2026-10-31")};
		CPPUNIT_ASSERT(planner.planCustomer(customer(1, "a@example.com"), invoices)->outcome ==
					   CustomerPlan::Outcome::SEND);
		const auto none = planner.planCustomer(customer(1, ""), invoices);
		CPPUNIT_ASSERT(none->outcome == CustomerPlan::Outcome::NO_EMAIL);
		CPPUNIT_ASSERT_EQUAL(std::string("no_email"), CustomerPlan::reason(none->outcome));
		const auto bad = planner.planCustomer(customer(1, "a@b"), invoices);
		CPPUNIT_ASSERT(bad->outcome == CustomerPlan::Outcome::INVALID_EMAIL);
		CPPUNIT_ASSERT_EQUAL(std::string("invalid_email"), CustomerPlan::reason(bad->outcome));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), bad->invoices.size()); // the report still lists what is owed
		// An address that bounced for good: left out, and said why.
		CustomerContact bounced = customer(1, "a@example.com");
		bounced.bouncedOn = "2026-11-23T07:00:00Z";
		const auto left = planner.planCustomer(bounced, invoices);
		CPPUNIT_ASSERT(left->outcome == CustomerPlan::Outcome::ADDRESS_BOUNCED);
		CPPUNIT_ASSERT_EQUAL(std::string("address_bounced"), CustomerPlan::reason(left->outcome));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), left->invoices.size());
		// No address at all says so first.
		CustomerContact nothing = customer(1, "");
		nothing.bouncedOn = "2026-11-23T07:00:00Z";
		CPPUNIT_ASSERT(planner.planCustomer(nothing, invoices)->outcome == CustomerPlan::Outcome::NO_EMAIL);
	}

	void testLanguage()
	{
		ReminderSettings s = settings(0, 6);
		s.fallbackLanguage = "en";
		const ReminderPlanner planner(s, day("2026-11-30"));
		CPPUNIT_ASSERT_EQUAL(std::string("el"), planner.languageFor(customer(1, "a@example.com", "el")));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), planner.languageFor(customer(1, "a@example.com", "en")));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), planner.languageFor(customer(1, "a@example.com", "de")));
	}

	void testPrefilterBoundsNeverLoseADueInvoice()
	{
		// For every basis over four years and a spread of settings, an invoice
		// that is due lies within [earliestBasis, latestBasis].
		for (int days: {0, 1, 7, 30})
			for (int months: {1, 2, 6, 12})
				for (const char* today: {"2026-03-31", "2026-02-28", "2024-02-29", "2026-11-30"})
				{
					const ReminderPlanner planner(settings(days, months), day(today));
					for (CalendarDate basis = day("2023-01-01"); basis <= day("2027-01-01"); basis = basis.plusDays(1))
					{
						const bool due = planner.due(invoice(1, "2023-01-01", basis.toString().c_str())).has_value();
						const bool inBounds = basis >= planner.earliestBasis() && basis <= planner.latestBasis();
						CPPUNIT_ASSERT(!due || inBounds);
					}
				}
	}

	void testFinalReminderIsTheLastWeekly()
	{
		// "final_reminder" says: the run a week later will no longer list the
		// invoice. For every day of the window, and around it, it is true
		// exactly when the invoice is due today and not due seven days later;
		// the last reminder day is the last day the invoice is due.
		for (int days: {0, 3, 7})
			for (int months: {1, 2, 6})
			{
				const CalendarDate basis = day("2026-01-31");
				for (CalendarDate today = basis; today <= basis.plusDays(7 * 31); today = today.plusDays(1))
				{
					const ReminderPlanner planner(settings(days, months), today);
					const ReminderPlanner nextWeek(settings(days, months), today.plusDays(7));
					const OpenInvoice open = invoice(1, "2026-01-01", basis.toString().c_str());
					const std::optional<DueInvoice> line = planner.due(open);
					if (!line) continue;
					const std::string what =
						today.toString() + " days " + std::to_string(days) + " months " + std::to_string(months);
					CPPUNIT_ASSERT_EQUAL_MESSAGE(what, !nextWeek.due(open).has_value(), line->finalReminder);
					CPPUNIT_ASSERT_MESSAGE(what, ReminderPlanner(settings(days, months), line->lastDay).due(open));
					CPPUNIT_ASSERT_MESSAGE(
						what, !ReminderPlanner(settings(days, months), line->lastDay.plusDays(1)).due(open));
				}
			}
	}

	void testFinalReminderBoundary()
	{
		// Due 20 September, 7 days' grace, 2 months: reminded from 27 September
		// up to 26 November. The Monday run of 16 November is not the last
		// (23 November still lists it); 23 November's is.
		const OpenInvoice open = invoice(1, "2026-08-01", "2026-09-20");
		const struct
		{
			const char* today;
			bool due;
			bool final;
		} cases[] = {
			{"2026-11-18", true, false},                              // the next run (25th) still lists it
			{"2026-11-19", true, false},                              // eight days before the end: the 26th is still in
			{"2026-11-20", true, true},                               // seven days before the end: the 27th is out
			{"2026-11-23", true, true},   {"2026-11-26", true, true}, // the last day
			{"2026-11-27", false, false},
		};
		for (const auto& c: cases)
		{
			const std::optional<DueInvoice> line = ReminderPlanner(settings(7, 2), day(c.today)).due(open);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.today, c.due, line.has_value());
			if (!line) continue;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.today, c.final, line->finalReminder);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.today, std::string("2026-11-26"), line->lastDay.toString());
		}
	}

	void testCustomerOffOutcome()
	{
		// The run never plans a customer whose reminders are off; the preview
		// asks what it would otherwise get, to list it as skipped.
		CustomerContact off = customer();
		off.remindersEnabled = false;
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		const std::vector<OpenInvoice> invoices = {invoice(1, "2026-10-01", "2026-10-31")};
		CPPUNIT_ASSERT(!planner.planCustomer(off, invoices));
		const std::optional<CustomerPlan> explained = planner.planExplained(off, invoices);
		CPPUNIT_ASSERT(explained);
		CPPUNIT_ASSERT(explained->outcome == CustomerPlan::Outcome::CUSTOMER_OFF);
		CPPUNIT_ASSERT_EQUAL(std::string("customer_off"), CustomerPlan::reason(explained->outcome));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), explained->invoices.size());
		// Without anything due, nothing to explain; a customer who is on gets its plan.
		CPPUNIT_ASSERT(!ReminderPlanner(settings(0, 6), day("2026-10-15")).planExplained(off, invoices));
		CPPUNIT_ASSERT(planner.planExplained(customer(), invoices)->outcome == CustomerPlan::Outcome::SEND);
		// Unflagged invoices of a customer who is off: nothing to explain either.
		OpenInvoice unflagged = invoices.front();
		unflagged.withReminder = false;
		CPPUNIT_ASSERT(!planner.planExplained(off, {unflagged}));
	}

	void testTotalsNeverWrapAround()
	{
		// Two invoices of the largest total the host takes: a correct, positive sum.
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		const Poco::Int64 largest = 10000000000000LL; // erp::Money::MAX_AMOUNT
		const CustomerPlan plan = *planner.planCustomer(customer(), {invoice(1, "2026-10-01", "2026-10-31", largest),
																	 invoice(2, "2026-10-01", "2026-10-31", largest)});
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2 * largest), plan.totals.at("EUR"));
		// Two of 92,233,720,368,547,758.07 made -0.02: now the sum is refused.
		const Poco::Int64 huge = std::numeric_limits<Poco::Int64>::max();
		const std::vector<OpenInvoice> wrapping = {invoice(1, "2026-10-01", "2026-10-31", huge),
												   invoice(2, "2026-10-01", "2026-10-31", huge)};
		CPPUNIT_ASSERT_THROW(planner.planCustomer(customer(), wrapping), std::overflow_error);
	}

	void testPausedCustomer()
	{
		// Paused up to and including the date: the run gets nothing, the preview the reason.
		const std::vector<OpenInvoice> invoices = {invoice(1, "2026-10-01", "2026-10-31")};
		CustomerContact paused = customer();
		paused.pausedUntil = day("2026-12-14");
		struct Row
		{
			const char* today;
			bool sent;
		};
		for (const Row& row: {Row{"2026-12-07", false}, Row{"2026-12-14", false}, Row{"2026-12-15", true}})
		{
			const ReminderPlanner planner(settings(0, 6), day(row.today));
			const auto plan = planner.planCustomer(paused, invoices);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row.today, row.sent, plan.has_value());
			const auto explained = planner.planExplained(paused, invoices);
			CPPUNIT_ASSERT(explained);
			CPPUNIT_ASSERT_EQUAL(std::string(row.sent ? "send" : "paused"), CustomerPlan::reason(explained->outcome));
			CPPUNIT_ASSERT_EQUAL(std::size_t(1), explained->invoices.size());
			CPPUNIT_ASSERT_EQUAL(std::string("2026-12-14"), explained->customer.pausedUntil->toString());
		}
		// A pause in the past changes nothing; a paused customer owing nothing due is not listed.
		CustomerContact past = customer();
		past.pausedUntil = day("2026-11-01");
		CPPUNIT_ASSERT(ReminderPlanner(settings(0, 6), day("2026-12-07")).planCustomer(past, invoices));
		CPPUNIT_ASSERT(!ReminderPlanner(settings(0, 6), day("2026-10-15")).planExplained(paused, invoices));
		// The plan of all customers leaves the paused one out.
		const auto plans = ReminderPlanner(settings(0, 6), day("2026-12-07")).plan({paused}, invoices);
		CPPUNIT_ASSERT(plans.empty());
	}

	void testTheRunsPlanListsHoldsNotSwitchedOffCustomers()
	{
		// The weekly run writes a held customer as skipped (the owner's
		// report lists it); one whose reminders are off, not at all.
		const std::vector<OpenInvoice> invoices = {invoice(1, "2026-10-01", "2026-10-31")};
		const ReminderPlanner planner(settings(0, 6), day("2026-12-07"));
		CustomerContact paused = customer();
		paused.pausedUntil = day("2026-12-14");
		CustomerContact off = customer();
		off.remindersEnabled = false;
		CustomerContact pausedAndOff = paused;
		pausedAndOff.remindersEnabled = false;
		CPPUNIT_ASSERT_EQUAL(std::string("paused"),
							 CustomerPlan::reason(planner.planWithHolds(paused, invoices)->outcome));
		CPPUNIT_ASSERT(!planner.planWithHolds(off, invoices));
		CPPUNIT_ASSERT(!planner.planWithHolds(pausedAndOff, invoices));
		CPPUNIT_ASSERT_EQUAL(std::string("send"),
							 CustomerPlan::reason(planner.planWithHolds(customer(), invoices)->outcome));
		CPPUNIT_ASSERT(!ReminderPlanner(settings(0, 6), day("2026-10-15")).planWithHolds(paused, invoices));
	}

	void testDisputedInvoices()
	{
		const ReminderPlanner planner(settings(0, 6), day("2026-11-30"));
		OpenInvoice disputed = invoice(1, "2026-10-01", "2026-10-31", 10000);
		disputed.disputed = true;
		const OpenInvoice other = invoice(2, "2026-10-02", "2026-10-31", 3000);
		// Set: never due, left out of the message and its totals.
		CPPUNIT_ASSERT(!planner.due(disputed));
		const CustomerPlan plan = *planner.planCustomer(customer(), {disputed, other});
		CPPUNIT_ASSERT(plan.outcome == CustomerPlan::Outcome::SEND);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), plan.invoices.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2), plan.invoices.front().invoice.id);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(3000), plan.totals.at("EUR"));
		// Only disputed ones: nothing is sent, the preview says why and lists them.
		CPPUNIT_ASSERT(!planner.planCustomer(customer(), {disputed}));
		const auto explained = planner.planExplained(customer(), {disputed});
		CPPUNIT_ASSERT(explained && explained->outcome == CustomerPlan::Outcome::DISPUTED);
		CPPUNIT_ASSERT_EQUAL(std::string("disputed"), CustomerPlan::reason(explained->outcome));
		CPPUNIT_ASSERT(explained->invoices.front().invoice.disputed);
		// Cleared: due again as before.
		disputed.disputed = false;
		CPPUNIT_ASSERT(planner.due(disputed));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(13000), planner.planCustomer(customer(), {disputed, other})->totals.at("EUR"));
	}

	void testMinimumAmounts()
	{
		ReminderSettings s = settings(0, 6);
		s.minAmounts = {{"EUR", 50000}, {"GBP", 1000}};
		const ReminderPlanner planner(s, day("2026-11-30"));
		struct Row
		{
			Poco::Int64 eurOutstanding;
			bool sent;
		};
		// The customer's due total per currency counts, not each invoice.
		for (const Row& row: {Row{49999, false}, Row{50000, true}, Row{50001, true}})
		{
			const std::vector<OpenInvoice> invoices = {invoice(1, "2026-10-01", "2026-10-31", row.eurOutstanding - 100),
													   invoice(2, "2026-10-01", "2026-10-31", 100)};
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(row.eurOutstanding), row.sent,
										 planner.planCustomer(customer(), invoices).has_value());
			if (!row.sent)
			{
				const auto explained = planner.planExplained(customer(), invoices);
				CPPUNIT_ASSERT(explained->outcome == CustomerPlan::Outcome::BELOW_MINIMUM);
				CPPUNIT_ASSERT_EQUAL(std::string("below_minimum"), CustomerPlan::reason(explained->outcome));
				CPPUNIT_ASSERT_EQUAL(row.eurOutstanding, explained->totals.at("EUR"));
			}
		}
		// Each currency on its own: the GBP part goes, the small EUR part is left out.
		const CustomerPlan mixed =
			*planner.planCustomer(customer(), {invoice(1, "2026-10-01", "2026-10-31", 400),
											   invoice(2, "2026-10-01", "2026-10-31", 1000, 0, "GBP"),
											   invoice(3, "2026-10-01", "2026-10-31", 5, 0, "USD")});
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), mixed.totals.size());
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(1000), mixed.totals.at("GBP"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(5), mixed.totals.at("USD")); // no minimum for USD
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), mixed.invoices.size());
	}

	void testHoldsInOrder()
	{
		// Switched off before paused before disputed before below the minimum.
		ReminderSettings s = settings(0, 6);
		s.minAmounts = {{"EUR", 50000}};
		const ReminderPlanner planner(s, day("2026-11-30"));
		OpenInvoice disputed = invoice(1, "2026-10-01", "2026-10-31", 100);
		disputed.disputed = true;
		const std::vector<OpenInvoice> invoices = {disputed, invoice(2, "2026-10-01", "2026-10-31", 100)};
		CustomerContact c = customer();
		c.remindersEnabled = false;
		c.pausedUntil = day("2026-12-01");
		CPPUNIT_ASSERT(planner.planExplained(c, invoices)->outcome == CustomerPlan::Outcome::CUSTOMER_OFF);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), planner.planExplained(c, invoices)->invoices.size());
		c.remindersEnabled = true;
		CPPUNIT_ASSERT(planner.planExplained(c, invoices)->outcome == CustomerPlan::Outcome::PAUSED);
		c.pausedUntil.reset();
		CPPUNIT_ASSERT(planner.planExplained(c, {disputed})->outcome == CustomerPlan::Outcome::DISPUTED);
		const auto below = planner.planExplained(c, invoices);
		CPPUNIT_ASSERT(below->outcome == CustomerPlan::Outcome::BELOW_MINIMUM);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), below->invoices.size()); // the disputed one is not counted
		// A customer without an email who is held back is held, not flagged.
		c.email.clear();
		CPPUNIT_ASSERT(planner.planExplained(c, invoices)->outcome == CustomerPlan::Outcome::BELOW_MINIMUM);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReminderPlannerTest, "core");
