//
// RunsResource.cpp
//


#include "plugin/RunsResource.h"
#include "erp/ApiError.h"
#include "erp/JsonBody.h"
#include "erp/Money.h"
#include "erp/QueryParameters.h"
#include "plugin/RunProgressJson.h"
#include "plugin/RunReport.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/StateWords.h"
#include <Poco/JSON/Array.h>
#include <map>
#include <set>


namespace reminders {


RunsResource::RunsResource(erp::Host& host, const SettingsStore& settings, const RunStore& runs,
						   BackgroundRuns& background, const BounceStore& bounces):
	_host(host),
	_settings(settings),
	_runs(runs),
	_background(background),
	_bounces(bounces)
{}


void RunsResource::mount(erp::HttpRoutes& routes)
{
	routes.route("POST", "runs", erp::Role::ADMIN, [this](const erp::HttpRequest& r) { return start(r); });
	routes.route("GET", "runs?limit", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return list(r); });
	routes.route("GET", "runs/{id}", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return get(r); });
	routes.route("GET", "invoices/{id}/history?language", erp::Role::ACCOUNTANT,
				 [this](const erp::HttpRequest& r) { return history(r); });
}


erp::HttpResponse RunsResource::start(const erp::HttpRequest& request)
{
	const erp::JsonBody body(request.body.empty() ? "{}" : request.body);
	body.allowOnly([](const std::string& field) { return field == "date" || field == "force"; });
	erp::TaskRun task;
	task.task = "reminders.weekly";
	task.onDemand = true;
	task.actor = request.user;
	task.today = body.date("date", false).value_or("");
	task.force = body.boolean("force").value_or(false);
	task.startedAt = _host.clock().now();
	if (!task.today.empty())
	{
		// Running a week that has not begun would send next week's
		// reminders now and use up that week's run: the preview answers
		// "what would go out", the run only acts on weeks that have begun.
		Poco::Data::Session session = _host.database().session();
		const CalendarDate today = ZonedClock::today(_settings.load(session), _host.clock());
		const CalendarDate asked = *CalendarDate::parse(task.today);
		if (asked.isoWeek() > today.isoWeek())
			throw erp::ApiError(409, "week_not_begun",
								"week " + asked.isoWeek() + " has not begun (today is in " + today.isoWeek() +
									"); use the preview to see what would be sent",
								"date");
		// An earlier week is over: its reminders would go out now, dated
		// back, beside this week's (a second email in one real week).
		if (asked.isoWeek() < today.isoWeek())
			throw erp::ApiError(409, "week_over",
								"week " + asked.isoWeek() + " is over (today is in " + today.isoWeek() +
									"); this week's run covers its customers",
								"date");
	}
	const BackgroundRuns::Start started = _background.start(task);
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	if (started.kind == BackgroundRuns::Start::Kind::FINISHED)
	{
		answer->set("ok", started.outcome.ok);
		answer->set("summary", started.outcome.summary);
		if (!started.outcome.code.empty()) answer->set("outcome", started.outcome.code);
		answer->set("run_id", started.runId ? Poco::Dynamic::Var(*started.runId) : Poco::Dynamic::Var());
		return erp::HttpResponse::json(started.outcome.ok ? 200 : 500, answer);
	}
	const std::string id = std::to_string(started.runId.value_or(0));
	const std::string url = "/api/plugins/reminders/runs/" + id;
	answer->set("run_id", started.runId ? Poco::Dynamic::Var(*started.runId) : Poco::Dynamic::Var());
	answer->set("status_url", url);
	if (started.kind == BackgroundRuns::Start::Kind::BUSY)
	{
		// An operator who clicks twice, or a script that retries, learns
		// which run goes on and where to follow it; nothing is started.
		Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
		error->set("code", "run_in_progress");
		error->set("message", "run " + id + " is still going on; nothing new was started; follow it at " + url);
		answer->set("error", error);
		return erp::HttpResponse::json(409, answer);
	}
	answer->set("ok", true);
	answer->set("summary", "run " + id + " started; it goes on in the background");
	answer->set("outcome", "started");
	return erp::HttpResponse::json(202, answer);
}


erp::HttpResponse RunsResource::list(const erp::HttpRequest& request)
{
	const int limit = static_cast<int>(erp::QueryParameters::integer(request.query, "limit", 20, 1, 500));
	Poco::Data::Session session = _host.database().session();
	Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
	for (const RunRecord& run: _runs.runs(session, limit))
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("id", run.id);
		item->set("iso_week", run.isoWeek);
		item->set("sequence", run.sequence);
		item->set("business_date", run.businessDate);
		item->set("state", run.state);
		item->set("started_by", run.startedBy);
		item->set("started_at", run.startedAt);
		item->set("finished_at", run.finishedAt.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(run.finishedAt));
		const std::string report = RunReport::reportState(run, _runs.reports(session, run.id));
		item->set("report", report.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(report));
		items->add(item);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("items", items);
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse RunsResource::get(const erp::HttpRequest& request)
{
	const Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "run");
	Poco::Data::Session session = _host.database().session();
	const RunReport report = RunReport::load(session, _runs, id);
	Poco::JSON::Object::Ptr body = report.toJson();
	body->set("progress", RunProgressJson::toJson(report.run(), _runs.stateCounts(session, id), _host.clock().now()));
	if (const std::optional<BackgroundRuns::Status> status = _background.status(id))
	{
		Poco::JSON::Object::Ptr background = new Poco::JSON::Object;
		background->set("state", status->state);
		background->set("summary", status->summary);
		body->set("background", background);
	}
	return erp::HttpResponse::json(200, body);
}


erp::HttpResponse RunsResource::history(const erp::HttpRequest& request)
{
	Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "invoice");
	Poco::Data::Session session = _host.database().session();
	int exists = 0;
	session << "SELECT COUNT(*) FROM invoices WHERE id = ?", Poco::Data::Keywords::use(id),
		Poco::Data::Keywords::into(exists), Poco::Data::Keywords::now;
	if (!exists) throw erp::ApiError::notFound("invoice " + std::to_string(id));
	Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
	const std::vector<RunStore::HistoryEntry> entries = _runs.history(session, id);
	std::set<std::string> tags;
	for (const RunStore::HistoryEntry& entry: entries)
		if (!entry.message.messageId.empty())
			tags.insert(entry.message.messageId.substr(0, entry.message.messageId.find('@')));
	const std::map<std::string, BounceRecord> bounces = _bounces.latest(session, tags);
	for (const RunStore::HistoryEntry& entry: entries)
	{
		const std::string tag = entry.message.messageId.substr(0, entry.message.messageId.find('@'));
		const auto bounce = entry.message.messageId.empty() ? bounces.end() : bounces.find(tag);
		const bool bounced = bounce != bounces.end() && bounce->second.kind == "bounce";
		const std::string state = bounced ? std::string("bounced") : entry.message.state;
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("run_id", entry.run.id);
		item->set("iso_week", entry.run.isoWeek);
		item->set("date", entry.run.businessDate);
		item->set("recipient",
				  entry.message.recipient.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(entry.message.recipient));
		item->set("state", state);
		// With ?language=el|en (the screens): the state in words, honestly.
		if (auto language = request.query.find("language"); language != request.query.end())
			item->set("state_text", StateWords::label(state, language->second == "en" ? "en" : "el"));
		if (bounce != bounces.end())
		{
			Poco::JSON::Object::Ptr returned = new Poco::JSON::Object;
			returned->set("status", bounce->second.status.empty() ? Poco::Dynamic::Var()
																  : Poco::Dynamic::Var(bounce->second.status));
			returned->set("diagnostic", bounce->second.diagnostic.empty()
											? Poco::Dynamic::Var()
											: Poco::Dynamic::Var(bounce->second.diagnostic));
			returned->set("received_at", bounce->second.receivedAt);
			returned->set("permanent", bounce->second.permanent);
			item->set(bounced ? "bounce" : "delay", returned);
			// The server's reply column of the screens: what came back.
			if (bounced)
				item->set("reply_text", (bounce->second.status.empty() ? "" : bounce->second.status + " ") +
											bounce->second.diagnostic);
		}
		item->set("reason", entry.message.skipReason.empty() ? Poco::Dynamic::Var()
															 : Poco::Dynamic::Var(entry.message.skipReason));
		item->set("attempts", entry.message.attempts);
		item->set("reply_code",
				  entry.message.replyCode ? Poco::Dynamic::Var(entry.message.replyCode) : Poco::Dynamic::Var());
		if (!bounced)
			item->set("reply_text", entry.message.replyText.empty() ? Poco::Dynamic::Var()
																	: Poco::Dynamic::Var(entry.message.replyText));
		item->set("message_id",
				  entry.message.messageId.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(entry.message.messageId));
		item->set("updated_at", entry.message.updatedAt);
		item->set("outstanding", erp::Money::format(entry.listed.outstandingMinor, entry.listed.currency));
		item->set("currency", entry.listed.currency);
		item->set("days_overdue", entry.listed.daysOverdue);
		items->add(item);
	}
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	body->set("invoice_id", id);
	body->set("items", items);
	return erp::HttpResponse::json(200, body);
}


} // namespace reminders
