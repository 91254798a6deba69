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
///   [basis + daysAfterDue, basis + daysAfterDue + stopAfterMonths)
/// (calendar months, clamped to month ends), basis being the due date or,
/// when there is none, the issue date.
///
/// Pure: no I/O, no clock. Thread-safe.
{
public:
	ReminderPlanner(const ReminderSettings& settings, const CalendarDate& today);

	std::optional<DueInvoice> due(const OpenInvoice& invoice) const;
	/// The invoice as a reminder lists it, or nullopt when it is not due
	/// today (the customer's switch is not considered here).

	std::optional<CustomerPlan> planCustomer(const CustomerContact& customer,
											 const std::vector<OpenInvoice>& invoices) const;
	/// The customer's plan from its open invoices, or nullopt when nothing
	/// of theirs is due (or the switches are off).

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

private:
	ReminderSettings _settings;
	CalendarDate _today;
};


} // namespace reminders


#endif // Reminders_ReminderPlanner_INCLUDED
