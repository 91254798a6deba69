//
// ReminderScreens.h
//


#ifndef Reminders_ReminderScreens_INCLUDED
#define Reminders_ReminderScreens_INCLUDED


#include "erp/Screens.h"


namespace reminders {


class ReminderScreens
/// What the plugin shows on the host's screens (erp::ScreenSet): the
/// Email tab of the settings, the new invoice's «Με υπενθύμιση οφειλής»
/// preset from the customer, the invoice list's toggle, the reminder
/// history behind an invoice's email icon, and two pages: the reminders
/// page (next run's preview, the runs, "run this week now") and the
/// bulk-enable page shown right after the master switch goes on. Their
/// templates and words are in templates/web/. Pure data.
{
public:
	static erp::ScreenSet declaration();
};


} // namespace reminders


#endif // Reminders_ReminderScreens_INCLUDED
