//
// RunsResource.h
//


#ifndef Reminders_RunsResource_INCLUDED
#define Reminders_RunsResource_INCLUDED


#include "erp/Host.h"
#include "plugin/BackgroundRuns.h"
#include "plugin/store/BounceStore.h"
#include "plugin/store/RunStore.h"
#include "plugin/store/SettingsStore.h"


namespace reminders {


class RunsResource
/// The weekly runs over the API:
///   POST runs {"date": "YYYY-MM-DD", "force": bool} (admins): run now,
///     in the background (BackgroundRuns): 202 {"run_id", "status_url",
///     "summary"} as soon as the run is claimed; while this instance's
///     earlier run still goes on, 409 run_in_progress naming it (run_id,
///     status_url) and nothing started; the once-a-week rule holds unless
///     "force" (audited as reminders.run.forced); only this week can be
///     run: a later week is refused (409 week_not_begun: use the preview),
///     an earlier one too (409 week_over: this week's run covers it); a
///     run that ends without claiming (switched off, the week already
///     done, another instance planning it) answers 200 {"ok", "summary",
///     "run_id"} (500 when it failed) as before;
///   GET runs?limit=N: the latest runs;
///   GET runs/{id}: a run's report, with "progress" (RunProgressJson,
///     from the database) and, for a run started on this instance,
///     "background" {"state": running|finished|failed, "summary"};
///   GET invoices/{id}/history: every weekly reminder that listed the
///     invoice, with its delivery state and the server's reply; a message
///     that came back later from the bounce mailbox says "bounced" with
///     "bounce" (status, diagnostic, when, permanent); one still being
///     tried by a later server says so under "delay", its state unchanged.
{
public:
	RunsResource(erp::Host& host, const SettingsStore& settings, const RunStore& runs, BackgroundRuns& background,
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
	BackgroundRuns& _background;
	const BounceStore& _bounces;
};


} // namespace reminders


#endif // Reminders_RunsResource_INCLUDED
