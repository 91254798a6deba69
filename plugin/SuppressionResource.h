//
// SuppressionResource.h
//


#ifndef Reminders_SuppressionResource_INCLUDED
#define Reminders_SuppressionResource_INCLUDED


#include "erp/Host.h"
#include "plugin/store/BounceStore.h"


namespace reminders {


class SuppressionResource
/// An address that bounced for good is left out of the reminders (the
/// preview and the run say "address_bounced") until the customer's
/// address changes or this lifts it:
///   POST bounces/lift {"address": "..."} (accountants and administrators):
///   200 {"lifted": N, "summary": ...}; 404 when the address has no bounce
///   to lift. Audited as reminders.bounce.lift.
{
public:
	SuppressionResource(erp::Host& host, const BounceStore& store);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse lift(const erp::HttpRequest& request);

private:
	erp::Host& _host;
	const BounceStore& _store;
};


} // namespace reminders


#endif // Reminders_SuppressionResource_INCLUDED
