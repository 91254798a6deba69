//
// SettingsResource.h
//


#ifndef Reminders_SettingsResource_INCLUDED
#define Reminders_SettingsResource_INCLUDED


#include "erp/Host.h"
#include "plugin/store/SettingsStore.h"


namespace reminders {


class SettingsResource
/// GET settings (accountants and admins) and PUT settings (admins).
///
/// PUT takes any subset of the fields and keeps the others; the result
/// must pass SettingsRules and name an existing time zone, else 400
/// naming the field and nothing is stored. Each change is audited
/// ("reminders.settings.update") with the old and new value of every
/// field that changed. The answer carries "bulk_enable_suggested": true
/// when this save turned the master switch on for the first time, so
/// that the screens open the bulk-enable page.
{
public:
	SettingsResource(erp::Host& host, const SettingsStore& store);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse get(const erp::HttpRequest& request);
	erp::HttpResponse put(const erp::HttpRequest& request);

	Poco::JSON::Object::Ptr toJson(const ReminderSettings& settings) const;

private:
	erp::Host& _host;
	const SettingsStore& _store;
};


} // namespace reminders


#endif // Reminders_SettingsResource_INCLUDED
