//
// PlanJson.cpp
//


#include "plugin/PlanJson.h"
#include "erp/Money.h"
#include <Poco/JSON/Array.h>


namespace reminders {


Poco::JSON::Object::Ptr PlanJson::openInvoice(const OpenInvoice& invoice)
{
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("id", invoice.id);
	item->set("number", invoice.number);
	item->set("issue_date", invoice.issueDate.toString());
	item->set("due_date", invoice.dueDate ? Poco::Dynamic::Var(invoice.dueDate->toString()) : Poco::Dynamic::Var());
	item->set("currency", invoice.currency);
	item->set("total", erp::Money::format(invoice.totalMinor, invoice.currency));
	item->set("paid", erp::Money::format(invoice.paidMinor, invoice.currency));
	item->set("outstanding", erp::Money::format(invoice.totalMinor - invoice.paidMinor, invoice.currency));
	item->set("status", invoice.status);
	item->set("with_reminder", invoice.withReminder);
	item->set("disputed", invoice.disputed);
	if (invoice.disputed) item->set("dispute_note", invoice.disputeNote);
	return item;
}


Poco::JSON::Object::Ptr PlanJson::dueInvoice(const DueInvoice& line)
{
	Poco::JSON::Object::Ptr item = openInvoice(line.invoice);
	item->remove("with_reminder");
	item->set("basis", line.basisIsIssueDate ? "issue_date" : "due_date");
	item->set("days_overdue", static_cast<Poco::Int64>(line.daysOverdue));
	item->set("last_reminder_day", line.lastDay.toString());
	item->set("final_reminder", line.finalReminder);
	return item;
}


Poco::JSON::Object::Ptr PlanJson::totals(const std::map<std::string, Poco::Int64>& totals)
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	for (const auto& [currency, minor]: totals)
		object->set(currency, erp::Money::format(minor, currency));
	return object;
}


Poco::JSON::Object::Ptr PlanJson::customerPlan(const CustomerPlan& plan)
{
	Poco::JSON::Object::Ptr customer = new Poco::JSON::Object;
	customer->set("id", plan.customer.id);
	customer->set("name", plan.customer.name);
	customer->set("email",
				  plan.customer.email.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(plan.customer.email));
	Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
	item->set("customer", customer);
	item->set("recipient", plan.outcome == CustomerPlan::Outcome::SEND ? Poco::Dynamic::Var(plan.customer.email)
																	   : Poco::Dynamic::Var());
	item->set("language", plan.language);
	item->set("reason", CustomerPlan::reason(plan.outcome));
	if (plan.outcome == CustomerPlan::Outcome::ADDRESS_BOUNCED)
	{
		item->set("email", plan.customer.email);
		item->set("bounced_on", plan.customer.bouncedOn.substr(0, 10));
	}
	if (plan.outcome == CustomerPlan::Outcome::PAUSED && plan.customer.pausedUntil)
		item->set("paused_until", plan.customer.pausedUntil->toString());
	Poco::JSON::Array::Ptr invoices = new Poco::JSON::Array;
	for (const DueInvoice& line: plan.invoices)
		invoices->add(dueInvoice(line));
	item->set("invoices", invoices);
	item->set("totals", totals(plan.totals));
	return item;
}


} // namespace reminders
