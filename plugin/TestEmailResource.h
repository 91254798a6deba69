//
// TestEmailResource.h
//


#ifndef Reminders_TestEmailResource_INCLUDED
#define Reminders_TestEmailResource_INCLUDED


#include "erp/Host.h"
#include "plugin/mail/TemplateSet.h"
#include "plugin/mail/TransportFactory.h"
#include "plugin/store/SettingsStore.h"


namespace reminders {


class TestEmailResource
/// POST test-email {"to": address, "language": "el" | "en"}
/// (administrators): one short message through the delivery in force
/// (what is saved on the Email tab over the configuration), from the
/// reminders' sender, so that an administrator sees at once whether the
/// mail server takes the reminders' mail. Answers 200 with the outcome:
/// "state" (accepted, spooled, deferred, rejected, unknown), the
/// server's "reply_code" and "reply_text", "delivery" (the transport,
/// never the password) and a one-line "summary". 400 for a missing or
/// bad "to", or while no sender's address is set. Audited as
/// reminders.test_email with the recipient and the outcome. Nothing of a
/// weekly run is touched.
{
public:
	TestEmailResource(erp::Host& host, const SettingsStore& settings, const TemplateSet& templates,
					  const TransportFactory& transports);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse send(const erp::HttpRequest& request);

private:
	erp::Host& _host;
	const SettingsStore& _settings;
	const TemplateSet& _templates;
	const TransportFactory& _transports;
};


} // namespace reminders


#endif // Reminders_TestEmailResource_INCLUDED
