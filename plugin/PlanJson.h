//
// PlanJson.h
//


#ifndef Reminders_PlanJson_INCLUDED
#define Reminders_PlanJson_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include <Poco/JSON/Object.h>
#include <map>


namespace reminders {


class PlanJson
/// Plans as the API shows them: amounts as decimal strings with their
/// currency, dates as YYYY-MM-DD.
{
public:
	static Poco::JSON::Object::Ptr customerPlan(const CustomerPlan& plan);
	/// {"customer": {...}, "recipient", "language", "reason", "invoices": [...], "totals": {...}}
	static Poco::JSON::Object::Ptr dueInvoice(const DueInvoice& line);
	static Poco::JSON::Object::Ptr openInvoice(const OpenInvoice& invoice);
	static Poco::JSON::Object::Ptr totals(const std::map<std::string, Poco::Int64>& totals);
};


} // namespace reminders


#endif // Reminders_PlanJson_INCLUDED
