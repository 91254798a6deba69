//
// ReminderPlanner.cpp
//


#include "plugin/core/ReminderPlanner.h"
#include "erp/EmailAddress.h"
#include "erp/Money.h"
#include "plugin/core/ReminderHolds.h"
#include <algorithm>


namespace reminders {


std::string CustomerPlan::reason(Outcome outcome)
{
	switch (outcome)
	{
	case Outcome::NO_EMAIL:
		return "no_email";
	case Outcome::INVALID_EMAIL:
		return "invalid_email";
	case Outcome::ADDRESS_BOUNCED:
		return "address_bounced";
	case Outcome::CUSTOMER_OFF:
		return "customer_off";
	case Outcome::PAUSED:
		return "paused";
	case Outcome::DISPUTED:
		return "disputed";
	case Outcome::BELOW_MINIMUM:
		return "below_minimum";
	case Outcome::SEND:
		break;
	}
	return "send";
}


ReminderPlanner::ReminderPlanner(const ReminderSettings& settings, const CalendarDate& today):
	_settings(settings),
	_today(today)
{}


std::optional<DueInvoice> ReminderPlanner::due(const OpenInvoice& invoice) const
{
	if (!_settings.enabled || !invoice.withReminder || invoice.disputed || invoice.status == "paid" ||
		invoice.status == "void")
		return std::nullopt;
	const Poco::Int64 outstanding = invoice.totalMinor - invoice.paidMinor;
	if (outstanding <= 0) return std::nullopt;
	const CalendarDate basis = invoice.dueDate.value_or(invoice.issueDate);
	const CalendarDate first = basis.plusDays(firstDayOffset());
	const CalendarDate end = windowEnd(invoice);
	if (_today < first || _today >= end) return std::nullopt;
	DueInvoice line;
	line.invoice = invoice;
	line.basis = basis;
	line.basisIsIssueDate = !invoice.dueDate.has_value();
	line.daysOverdue = _today.daysSince(basis);
	line.outstandingMinor = outstanding;
	line.lastDay = end.plusDays(-1);
	line.finalReminder = end <= _today.plusDays(7);
	return line;
}


std::optional<CustomerPlan> ReminderPlanner::planCustomer(const CustomerContact& customer,
														  const std::vector<OpenInvoice>& invoices) const
{
	if (!_settings.enabled || !customer.remindersEnabled) return std::nullopt;
	if (ReminderHolds::paused(customer.pausedUntil, _today)) return std::nullopt;
	std::optional<CustomerPlan> plan = collect(customer, invoices, true, true);
	if (!plan) return std::nullopt;
	if (customer.email.empty())
		plan->outcome = CustomerPlan::Outcome::NO_EMAIL;
	else if (!erp::EmailAddress::isValid(customer.email))
		plan->outcome = CustomerPlan::Outcome::INVALID_EMAIL;
	else if (!customer.bouncedOn.empty())
		plan->outcome = CustomerPlan::Outcome::ADDRESS_BOUNCED;
	return plan;
}


std::optional<CustomerPlan> ReminderPlanner::planExplained(const CustomerContact& customer,
														   const std::vector<OpenInvoice>& invoices) const
{
	if (std::optional<CustomerPlan> plan = planCustomer(customer, invoices)) return plan;
	if (!_settings.enabled) return std::nullopt;
	// Nothing goes out: say which switch or hold keeps back what would be due.
	std::optional<CustomerPlan> held = collect(customer, invoices, false, false);
	if (!held) return std::nullopt;
	if (!customer.remindersEnabled)
		held->outcome = CustomerPlan::Outcome::CUSTOMER_OFF;
	else if (ReminderHolds::paused(customer.pausedUntil, _today))
		held->outcome = CustomerPlan::Outcome::PAUSED;
	else if (!collect(customer, invoices, true, false))
		held->outcome = CustomerPlan::Outcome::DISPUTED;
	else
	{
		held = collect(customer, invoices, true, false); // the undisputed ones, each currency below its minimum
		held->outcome = CustomerPlan::Outcome::BELOW_MINIMUM;
	}
	return held;
}


std::optional<CustomerPlan> ReminderPlanner::planWithHolds(const CustomerContact& customer,
														   const std::vector<OpenInvoice>& invoices) const
{
	std::optional<CustomerPlan> plan = planExplained(customer, invoices);
	if (plan && plan->outcome == CustomerPlan::Outcome::CUSTOMER_OFF) return std::nullopt;
	return plan;
}


std::optional<CustomerPlan> ReminderPlanner::collect(const CustomerContact& customer,
													 const std::vector<OpenInvoice>& invoices, bool honourDisputes,
													 bool honourMinimums) const
{
	CustomerPlan plan;
	for (const OpenInvoice& invoice: invoices)
	{
		if (invoice.customerId != customer.id) continue;
		if (invoice.disputed && honourDisputes) continue;
		OpenInvoice counted = invoice;
		counted.disputed = false;
		if (std::optional<DueInvoice> line = due(counted))
		{
			line->invoice.disputed = invoice.disputed;
			Poco::Int64& total = plan.totals[invoice.currency];
			total = erp::Money::add(total, line->outstandingMinor); // throws rather than wrap
			plan.invoices.push_back(std::move(*line));
		}
	}
	if (honourMinimums)
	{
		// A currency whose due total is below its minimum is left out whole:
		// the customer is reminded of the other currencies only.
		for (auto it = plan.totals.begin(); it != plan.totals.end();)
		{
			if (!ReminderHolds::belowMinimum(_settings.minAmounts, it->first, it->second))
			{
				++it;
				continue;
			}
			const std::string currency = it->first;
			plan.invoices.erase(
				std::remove_if(plan.invoices.begin(), plan.invoices.end(),
							   [&](const DueInvoice& line) { return line.invoice.currency == currency; }),
				plan.invoices.end());
			it = plan.totals.erase(it);
		}
	}
	if (plan.invoices.empty()) return std::nullopt;
	std::sort(plan.invoices.begin(), plan.invoices.end(), [](const DueInvoice& a, const DueInvoice& b) {
		if (a.basis != b.basis) return a.basis < b.basis;
		if (a.invoice.issueDate != b.invoice.issueDate) return a.invoice.issueDate < b.invoice.issueDate;
		return a.invoice.id < b.invoice.id;
	});
	plan.customer = customer;
	plan.language = languageFor(customer);
	return plan;
}


std::vector<CustomerPlan> ReminderPlanner::plan(const std::vector<CustomerContact>& customers,
												const std::vector<OpenInvoice>& invoices) const
{
	std::map<Poco::Int64, std::vector<OpenInvoice>> byCustomer;
	for (const OpenInvoice& invoice: invoices)
		byCustomer[invoice.customerId].push_back(invoice);
	std::vector<CustomerContact> ordered = customers;
	std::sort(ordered.begin(), ordered.end(),
			  [](const CustomerContact& a, const CustomerContact& b) { return a.id < b.id; });
	std::vector<CustomerPlan> plans;
	for (const CustomerContact& customer: ordered)
	{
		auto found = byCustomer.find(customer.id);
		if (found == byCustomer.end()) continue;
		if (std::optional<CustomerPlan> plan = planCustomer(customer, found->second)) plans.push_back(std::move(*plan));
	}
	return plans;
}


CalendarDate ReminderPlanner::latestBasis() const
{
	return _today.plusDays(-firstDayOffset());
}


CalendarDate ReminderPlanner::earliestBasis() const
{
	// basis + days + months > today. Month clamping moves a date by at most
	// three days, so four days' margin keeps every due invoice in.
	return _today.plusDays(-firstDayOffset()).plusMonths(-_settings.stopAfterMonths).plusDays(-4);
}


CalendarDate ReminderPlanner::windowEnd(const OpenInvoice& invoice) const
{
	const CalendarDate basis = invoice.dueDate.value_or(invoice.issueDate);
	return basis.plusDays(firstDayOffset()).plusMonths(_settings.stopAfterMonths);
}


int ReminderPlanner::firstDayOffset() const
{
	// Never overdue on the due date itself: 0 days after due means "from
	// the day after", the same first day as 1 (PRODUCT.md).
	return std::max(_settings.daysAfterDue, 1);
}


std::string ReminderPlanner::languageFor(const CustomerContact& customer) const
{
	if (customer.language == "el" || customer.language == "en") return customer.language;
	return _settings.fallbackLanguage;
}


} // namespace reminders
