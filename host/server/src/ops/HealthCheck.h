//
// HealthCheck.h
//


#ifndef Host_HealthCheck_INCLUDED
#define Host_HealthCheck_INCLUDED


#include "erp/Http.h"
#include "ops/HealthSource.h"


namespace host {


class HealthCheck
/// The answer of GET /api/health: 200 when the database answers, no
/// plugin was refused and the scheduler is alive, else 503; the body
/// names each check and the reasons.
///
/// Anyone may ask (a load balancer has no token), so the plain answer
/// says only which checks fail, in fixed words:
///
///   {"status": "unavailable",
///    "checks": {"database": "failing", "plugins": "ok", "scheduler": "ok"},
///    "reasons": ["the database does not answer"]}
///
/// With details (an administrator's token) it adds the plugins by state
/// and the reasons' own text (database errors, why a plugin was refused),
/// which may name files, hosts and users.
{
public:
	explicit HealthCheck(HealthSource& source);

	erp::HttpResponse answer(bool details);

private:
	HealthSource& _source;
};


} // namespace host


#endif // Host_HealthCheck_INCLUDED
