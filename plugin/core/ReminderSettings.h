//
// ReminderSettings.h
//


#ifndef Reminders_ReminderSettings_INCLUDED
#define Reminders_ReminderSettings_INCLUDED


#include "plugin/core/DeliverySettings.h"
#include <Poco/Types.h>
#include <map>
#include <string>


namespace reminders {


struct ReminderSettings
/// The feature's settings (the host's application settings, "Email" tab).
{
	bool enabled = false; /// «Ενημέρωση πελατών»: the master switch
	int daysAfterDue = 7; /// «Ημέρες μετά το "πληρωτέο έως"»: grace days before an invoice is reminded
	int stopAfterMonths = 6; /// «Διακοπή μετά από μήνες»: how long an unpaid invoice keeps being reminded
	unsigned sendWeekday = 1;            /// ISO weekday of the weekly run: 1 = Monday
	std::string sendTime = "09:00";      /// local time of the weekly run, HH:MM
	std::string timeZone;                /// IANA zone; empty: the host's business time zone
	std::string ownerEmail;              /// where the weekly report goes; empty: report over the API only
	std::string fromAddress;             /// the reminders' From address (required to enable)
	std::string fromName;                /// the From display name, e.g. the business's name
	std::string replyTo;                 /// Reply-To; empty: replies go to From
	std::string fallbackLanguage = "el"; /// for customers whose language has no templates
	std::map<std::string, Poco::Int64> minAmounts; /// «Ελάχιστο ποσό ανά νόμισμα»: ISO 4217 code -> minor units; a
												   /// customer owing less than this in a currency is not reminded of it
	DeliverySettings delivery;                     /// SMTP or spool, over the configuration (administrators)
	std::string firstEnabledAt;                    /// when the master switch was first turned on (empty: never)
	std::string updatedAt;
	std::string updatedBy;
};


} // namespace reminders


#endif // Reminders_ReminderSettings_INCLUDED
