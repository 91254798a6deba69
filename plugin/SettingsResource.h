//
// SettingsResource.h
//


#ifndef Reminders_SettingsResource_INCLUDED
#define Reminders_SettingsResource_INCLUDED


#include "erp/Host.h"
#include "erp/JsonBody.h"
#include "plugin/core/MinimumAmounts.h"
#include "plugin/mail/TransportFactory.h"
#include "plugin/store/PlanningStore.h"
#include "plugin/store/SettingsStore.h"
#include <functional>


namespace reminders {


class SettingsResource
/// GET settings and PUT settings (accountants and admins; no secret is
/// ever part of the answer).
///
/// PUT takes any subset of the fields and keeps the others. Accountants
/// change the policy (master switch, days, months, owner address,
/// languages, wording); transport and schedule (SettingsRules::
/// administratorsOnly) are the administrators': an accountant's body
/// naming such a field is refused whole (403 "forbidden", the field
/// named). The result must pass SettingsRules and name an existing time
/// zone, else 400 naming the field and nothing is stored. Each change is
/// audited ("reminders.settings.update") with the old and new value of
/// every field that changed.
///
/// "min_amounts" («Ελάχιστο ποσό ανά νόμισμα», an accountant's setting):
/// the minimum a customer must owe in a currency to be reminded of it,
/// answered as text, "EUR 50.00, USD 20.00"; PUT takes that text or an
/// object {"EUR": "50.00"} (MinimumAmounts); "" or null: no minimum. A bad
/// code or amount is a 400 naming min_amounts.
///
/// The answer carries "bulk_enable_suggested": true when this save turned
/// the master switch from off to on while outstanding, unflagged invoices
/// of customers whose reminders are on exist, and "bulk_enable_candidates"
/// (how many; null when the save did not turn the switch on), so that the
/// screens open the bulk-enable page.
///
/// Administrators also see and change the delivery: "delivery" (smtp or
/// spool), smtp_host, smtp_port, smtp_tls, smtp_username, smtp_auth, and
/// the write-only smtp_password (answered only as "smtp_password_set").
/// What is saved wins over the configuration's reminders.smtp.* key by
/// key; null or "" gives a field back to the configuration (clearing the
/// user name clears the saved password too). A delivery that cannot work
/// (SmtpSettings' checks) is refused with 400 naming the field. The
/// audit entry of a password change says only that it changed.
/// "spool_directory" is the configuration's, read-only.
///
/// A save that changes the master switch or the schedule (weekday, time,
/// zone) calls `scheduleChanged` after its commit (the plugin re-arms the
/// weekly timer there).
{
public:
	SettingsResource(erp::Host& host, const SettingsStore& store, const PlanningStore& planning,
					 const TransportFactory& transports, std::function<void()> scheduleChanged = {});

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse get(const erp::HttpRequest& request);
	erp::HttpResponse put(const erp::HttpRequest& request);

	Poco::JSON::Object::Ptr toJson(const ReminderSettings& settings, bool administrator) const;
	/// The delivery fields for administrators only.

private:
	static MinimumAmounts::Map readMinimums(const erp::JsonBody& body);

	void readDelivery(const erp::JsonBody& body, const DeliverySettings& before, DeliverySettings& after) const;
	void checkDelivery(const DeliverySettings& delivery) const;

	erp::Host& _host;
	const SettingsStore& _store;
	const PlanningStore& _planning;
	const TransportFactory& _transports;
	std::function<void()> _scheduleChanged;
};


} // namespace reminders


#endif // Reminders_SettingsResource_INCLUDED
