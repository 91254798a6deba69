//
// RunsResource.h
//


#ifndef Reminders_RunsResource_INCLUDED
#define Reminders_RunsResource_INCLUDED


#include "erp/Host.h"
#include "plugin/WeeklyRun.h"
#include "plugin/store/BounceStore.h"
#include "plugin/store/RunStore.h"
#include "plugin/store/SettingsStore.h"


namespace reminders {


class RunsResource
/// The weekly runs over the API:
///   POST runs {"date": "YYYY-MM-DD", "force": bool} (admins): run now,
///     on this request's thread; the once-a-week rule holds unless
///     "force" (audited as reminders.run.forced); only this week can be
///     run: a later week is refused (409 week_not_begun: use the preview),
///     an earlier one too (409 week_over: this week's run covers it);
///     the answer names the run it worked on or found;
///   GET runs?limit=N: the latest runs;
///   GET runs/{id}: a run's report;
///   GET invoices/{id}/history: every weekly reminder that listed the
///     invoice, with its delivery state and the server's reply; a message
///     that came back later from the bounce mailbox says "bounced" with
///     "bounce" (status, diagnostic, when, permanent); one still being
///     tried by a later server says so under "delay", its state unchanged.
{
public:
	RunsResource(erp::Host& host, const SettingsStore& settings, const RunStore& runs, WeeklyRun& weekly,
				 const BounceStore& bounces);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse start(const erp::HttpRequest& request);
	erp::HttpResponse list(const erp::HttpRequest& request);
	erp::HttpResponse get(const erp::HttpRequest& request);
	erp::HttpResponse history(const erp::HttpRequest& request);

private:
	erp::Host& _host;
	const SettingsStore& _settings;
	const RunStore& _runs;
	WeeklyRun& _weekly;
	const BounceStore& _bounces;
};


} // namespace reminders


#endif // Reminders_RunsResource_INCLUDED
