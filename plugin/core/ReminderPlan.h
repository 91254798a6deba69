//
// ReminderPlan.h
//


#ifndef Reminders_ReminderPlan_INCLUDED
#define Reminders_ReminderPlan_INCLUDED


#include "plugin/core/CalendarDate.h"
#include <Poco/Types.h>
#include <map>
#include <optional>
#include <string>
#include <vector>


namespace reminders {


struct CustomerContact
/// What planning needs of a customer.
{
	Poco::Int64 id = 0;
	std::string name;
	std::string email;    /// empty when the customer has none
	std::string language; /// the customer's language code
	bool remindersEnabled = true;
	std::string bouncedOn; /// when the current address last bounced for good (erp::Instant), empty: it has not,
						   /// or an accountant lifted it
	std::optional<CalendarDate> pausedUntil; /// «Παύση υπενθυμίσεων έως»: no reminder up to and including this day
};


struct OpenInvoice
/// What planning needs of an invoice: the host's figures and the flag.
{
	Poco::Int64 id = 0;
	Poco::Int64 customerId = 0;
	std::string number;
	CalendarDate issueDate;
	std::optional<CalendarDate> dueDate;
	std::string currency;
	Poco::Int64 totalMinor = 0;
	Poco::Int64 paidMinor = 0;
	std::string status; /// issued | partially_paid | paid | void
	bool withReminder = false;
	bool disputed = false;    /// «Αμφισβητούμενο»: left out of the reminders while set
	std::string disputeNote;  /// «Σημείωση αμφισβήτησης»: why, in the accountant's words
	int earlierReminders = 0; /// delivered (accepted or spooled) reminders that listed it before
};


struct DueInvoice
/// An invoice a reminder lists.
{
	OpenInvoice invoice;
	CalendarDate basis; /// the due date, or the issue date when there is none
	bool basisIsIssueDate = false;
	long daysOverdue = 0; /// days since the basis
	Poco::Int64 outstandingMinor = 0;
	CalendarDate lastDay;       /// the last day it is still reminded (stop after months)
	bool finalReminder = false; /// next week's run will no longer include it
};


struct CustomerPlan
/// One customer's outcome for one day: a message to send, or a reason
/// it cannot be sent (the weekly report lists those).
{
	enum class Outcome
	{
		SEND,
		NO_EMAIL,
		INVALID_EMAIL,
		ADDRESS_BOUNCED, /// the address bounced for good (5.x.x) and nobody lifted it
		CUSTOMER_OFF,    /// the customer's reminders are off (only ReminderPlanner::planExplained gives it)
		PAUSED,          /// paused until a date (a promise to pay); only planExplained gives it
		DISPUTED,        /// every due invoice is disputed; only planExplained gives it
		BELOW_MINIMUM    /// what is due is below the minimum of its currency; only planExplained gives it
	};

	CustomerContact customer;
	Outcome outcome = Outcome::SEND;
	std::string language;                      /// the language the reminder is written in
	std::vector<DueInvoice> invoices;          /// oldest first
	std::map<std::string, Poco::Int64> totals; /// outstanding per currency

	static std::string reason(Outcome outcome);
	/// "send", "no_email", "invalid_email", "address_bounced", "customer_off", "paused", "disputed",
	/// "below_minimum".
};


} // namespace reminders


#endif // Reminders_ReminderPlan_INCLUDED
