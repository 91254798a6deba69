//
// ReminderPlanner.h
//


#ifndef Reminders_ReminderPlanner_INCLUDED
#define Reminders_ReminderPlanner_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include "plugin/core/ReminderSettings.h"
#include <optional>
#include <vector>


namespace reminders {


class ReminderPlanner
/// Decides, for one day, which invoices each customer is reminded of.
///
/// An invoice is due when the master switch and its customer's reminders
/// are on, it is flagged "with reminder", it is neither paid nor void,
/// something is still outstanding, and today lies in its window
///   [first, first + stopAfterMonths), first = basis + max(daysAfterDue, 1)
/// (calendar months, clamped to month ends), basis being the due date or,
/// when there is none, the issue date. An invoice is never overdue on its
/// due date itself: 0 days after due means "from the day after", as 1 does.
///
/// The credit controller's holds (ReminderHolds): a disputed invoice is
/// never due; a customer paused until a date gets nothing up to and
/// including that day; a currency whose due total is below its minimum
/// (ReminderSettings::minAmounts) is left out of the customer's reminder.
///
/// Pure: no I/O, no clock. Thread-safe.
{
public:
	ReminderPlanner(const ReminderSettings& settings, const CalendarDate& today);

	std::optional<DueInvoice> due(const OpenInvoice& invoice) const;
	/// The invoice as a reminder lists it, or nullopt when it is not due
	/// today (the customer's switch is not considered here; a disputed
	/// invoice is never due).

	std::optional<CustomerPlan> planCustomer(const CustomerContact& customer,
											 const std::vector<OpenInvoice>& invoices) const;
	/// The customer's plan from its open invoices, or nullopt when nothing
	/// of theirs is due (or the switches are off, or a hold keeps it all back).

	std::optional<CustomerPlan> planExplained(const CustomerContact& customer,
											  const std::vector<OpenInvoice>& invoices) const;
	/// As planCustomer, except when planCustomer has nothing although
	/// something flagged is overdue: the plan the customer would have without
	/// the switch or hold that keeps it back, with the outcome CUSTOMER_OFF,
	/// PAUSED, DISPUTED or BELOW_MINIMUM, in that order (the preview lists it
	/// as skipped).

	std::optional<CustomerPlan> planWithHolds(const CustomerContact& customer,
											  const std::vector<OpenInvoice>& invoices) const;
	/// The weekly run's plan: as planExplained, except that a customer whose
	/// reminders are off is not listed (a choice, not this week's news); a
	/// customer held back by a pause, a dispute or a minimum is, so that the
	/// owner's report says who was not reminded and why.

	std::vector<CustomerPlan> plan(const std::vector<CustomerContact>& customers,
								   const std::vector<OpenInvoice>& invoices) const;
	/// Every customer's plan, in customer id order.

	CalendarDate latestBasis() const;
	/// No invoice whose basis is after this day can be due today.
	CalendarDate earliestBasis() const;
	/// No invoice whose basis is before this day can be due today (a safe
	/// bound for a database pre-filter; due() decides exactly).

	std::string languageFor(const CustomerContact& customer) const;
	/// The customer's language when reminders exist in it, else the fallback.

	CalendarDate windowEnd(const OpenInvoice& invoice) const;
	/// The first day the invoice is no longer reminded (stop after months).

	int firstDayOffset() const;
	/// Days from the basis to the first reminder day: max(daysAfterDue, 1).

private:
	std::optional<CustomerPlan> collect(const CustomerContact& customer, const std::vector<OpenInvoice>& invoices,
										bool honourDisputes, bool honourMinimums) const;
	/// The customer's due invoices and totals, oldest first; outcome SEND.

	ReminderSettings _settings;
	CalendarDate _today;
};


} // namespace reminders


#endif // Reminders_ReminderPlanner_INCLUDED
