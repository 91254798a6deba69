//
// WeeklyRunFixture.h
//


#ifndef Tests_WeeklyRunFixture_INCLUDED
#define Tests_WeeklyRunFixture_INCLUDED


#include "PluginHost.h"
#include "TestHost.h"
#include "plugin/WeeklyRun.h"
#include "plugin/core/ReminderPlanner.h"
#include <Poco/Timestamp.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <memory>
#include <string>
#include <vector>


namespace tests {


class WeeklyRunFixture: public CppUnit::TestFixture
/// What the weekly run's tests drive it with: a reference host with the
/// reminders plugin, the plugin's facade, templates and stores, and the
/// WeeklyRun a test makes over them with a transport of its own.
/// A test opens the host (openHost), makes its WeeklyRun (weeklyRun),
/// switches the reminders on (switchOn), moves the clock (pin), runs it
/// (execute) and may plan a week by hand (weekPlan).
{
public:
	void tearDown() override
	{
		_weekly.reset();
		_facade.reset();
		_host.reset();
	}

protected:
	void openHost(const std::map<std::string, std::string>& configuration, const Poco::Timestamp& now)
	/// A fresh host with `configuration` (more keys, e.g. reminders.batch.size),
	/// its clock pinned at `now`; the plugin's facade and templates.
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true, "", configuration);
		pin(now);
		_facade = std::make_unique<host::PluginHost>(
			_host->runtime().services(),
			host::PluginManifest::read(TestHost::remindersPluginsDirectory() + "/reminders"));
		_templates =
			std::make_unique<reminders::TemplateSet>(TestHost::remindersPluginsDirectory() + "/reminders/templates");
	}

	std::unique_ptr<reminders::WeeklyRun> weeklyRun(reminders::WeeklyRun::TransportFactory transports,
													reminders::WeeklyRun::Connections connections = {})
	/// An instance's weekly run over the host opened.
	{
		return std::make_unique<reminders::WeeklyRun>(*_facade, _settingsStore, _planning, _runs, *_templates,
													  std::move(transports), std::move(connections));
	}

	void switchOn(const std::string& ownerEmail = "")
	/// Reminders on, from billing@example.com, on the due date; the
	/// owner's report to `ownerEmail` if one is given.
	{
		const std::string owner = ownerEmail.empty() ? "" : R"(, "owner_email": ")" + ownerEmail + "\"";
		Reply on = _host->call("PUT", "/api/plugins/reminders/settings",
							   R"({"enabled": true, "from_address": "billing@example.com", "days_after_due": 0)" +
								   owner + "}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
	}

	host::HostClock& clock()
	{
		return _host->runtime().services().clock;
	}

	void pin(const Poco::Timestamp& instant)
	{
		clock().pin(instant);
	}

	static erp::TaskResult execute(reminders::WeeklyRun& weekly, const std::string& today = "2026-11-30")
	/// An operator's run for `today`.
	{
		erp::TaskRun run;
		run.onDemand = true;
		run.actor = "test";
		run.today = today;
		return weekly.execute(run);
	}

	erp::TaskResult execute(const std::string& today = "2026-11-30")
	/// An operator's run of _weekly (by default for Monday 30 November 2026,
	/// the week the tests run in).
	{
		return execute(*_weekly, today);
	}

	std::vector<reminders::CustomerPlan> weekPlan(Poco::Data::Session& session, const std::string& today = "2026-11-30")
	/// The customers' plans for `today` as the weekly run makes them, from
	/// the settings and the open invoices `session` reads.
	{
		const reminders::ReminderPlanner planner(_settingsStore.load(session), *reminders::CalendarDate::parse(today));
		std::vector<reminders::CustomerPlan> plans;
		_planning.forEachCandidate(
			session, planner.earliestBasis(), planner.latestBasis(),
			[&](const reminders::CustomerContact& c, const std::vector<reminders::OpenInvoice>& i) {
				if (auto plan = planner.planCustomer(c, i)) plans.push_back(*plan);
				return true;
			});
		return plans;
	}

	std::unique_ptr<TestHost> _host;
	std::unique_ptr<host::PluginHost> _facade;
	std::unique_ptr<reminders::TemplateSet> _templates;
	reminders::SettingsStore _settingsStore{TestHost::dialect()};
	reminders::PlanningStore _planning{TestHost::dialect()};
	reminders::RunStore _runs{TestHost::dialect()};
	std::unique_ptr<reminders::WeeklyRun> _weekly;
};


} // namespace tests


#endif // Tests_WeeklyRunFixture_INCLUDED
