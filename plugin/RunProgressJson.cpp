//
// RunProgressJson.cpp
//


#include "plugin/RunProgressJson.h"
#include "erp/Instant.h"
#include <cmath>


namespace reminders {


Poco::JSON::Object::Ptr RunProgressJson::toJson(const RunRecord& run, const std::map<std::string, int>& states,
												const Poco::Timestamp& now)
{
	long long planned = 0, decided = 0, sent = 0;
	Poco::JSON::Object::Ptr byState = new Poco::JSON::Object;
	for (const auto& [state, count]: states)
	{
		planned += count;
		if (state != "pending" && state != "sending" && state != "deferred") decided += count;
		if (state == "accepted" || state == "spooled") sent += count;
		byState->set(state, count);
	}
	Poco::JSON::Object::Ptr progress = new Poco::JSON::Object;
	progress->set("planned", planned);
	progress->set("decided", decided);
	progress->set("sent", sent);
	progress->set("by_state", byState);

	const std::optional<Poco::Timestamp> started = erp::Instant::parse(run.startedAt);
	const std::optional<Poco::Timestamp> finished = erp::Instant::parse(run.finishedAt);
	const Poco::Timestamp until = finished && run.state != "running" ? *finished : now;
	const double seconds =
		started && until > *started ? static_cast<double>(until - *started) / Poco::Timestamp::resolution() : 0.0;
	Poco::Dynamic::Var rate, end;
	if (seconds >= 1.0)
	{
		const double perSecond = static_cast<double>(decided) / seconds;
		rate = std::round(perSecond * 10.0) / 10.0;
		const long long left = planned - decided;
		if (run.state == "running" && planned > 0 && left > 0 && perSecond > 0)
		{
			const double rest = static_cast<double>(left) / perSecond;
			end = erp::Instant::format(now + static_cast<Poco::Timestamp::TimeDiff>(
												 std::ceil(rest) * static_cast<double>(Poco::Timestamp::resolution())));
		}
	}
	progress->set("rate", rate);
	progress->set("estimated_end", end);
	return progress;
}


} // namespace reminders
