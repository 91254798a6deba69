//
// MetricsRegistry.cpp
//


#include "ops/MetricsRegistry.h"
#include <Poco/Exception.h>
#include <exception>
#include <set>


namespace host {


MetricsRegistry::MetricsRegistry(Poco::Logger& logger):
	_logger(logger)
{}


std::string MetricsRegistry::methodLabel(const std::string& method)
{
	static const std::set<std::string> known = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
	return known.count(method) ? method : "OTHER";
}


void MetricsRegistry::countRequest(const std::string& method, const std::string& route, int status)
{
	std::lock_guard<std::mutex> lock(_mutex);
	++_requests[std::make_tuple(methodLabel(method), route, status)];
}


void MetricsRegistry::countTask(const std::string& task, bool ok, double seconds)
{
	std::lock_guard<std::mutex> lock(_mutex);
	TaskTotals& totals = _tasks[task];
	++(ok ? totals.ok : totals.failed);
	totals.seconds += seconds;
	totals.lastSeconds = seconds;
}


void MetricsRegistry::addCollector(Collector collector)
{
	std::lock_guard<std::mutex> lock(_gaugeMutex);
	_collectors.push_back(std::move(collector));
}


void MetricsRegistry::addGauge(const std::string& owner, const std::string& name, const std::string& help,
							   erp::Metrics::Collect collect)
{
	std::string prefix = owner + "_";
	for (char& c: prefix)
		if (c == '-') c = '_';
	bool valid = name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0;
	for (const char c: name)
		valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
	if (!valid) throw Poco::InvalidArgumentException("a plugin's gauge is named " + prefix + "[a-z0-9_]+, not", name);
	if (!collect) throw Poco::InvalidArgumentException("a gauge without a collect function", name);
	std::lock_guard<std::mutex> lock(_gaugeMutex);
	if (_gauges.count(name)) throw Poco::ExistsException("gauge already registered", name);
	_gauges[name] = Gauge{owner, help, std::move(collect)};
}


int MetricsRegistry::removeGauges(const std::string& owner)
{
	std::lock_guard<std::mutex> lock(_gaugeMutex);
	int removed = 0;
	for (auto it = _gauges.begin(); it != _gauges.end();)
		if (it->second.owner == owner)
		{
			it = _gauges.erase(it);
			++removed;
		}
		else
			++it;
	return removed;
}


void MetricsRegistry::failed(const std::string& owner, const std::string& what, const std::string& why)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		++_collectFailures[owner];
	}
	_logger.error("metrics: %s failed: %s", what, why);
}


std::string MetricsRegistry::render()
{
	// Collectors and gauges run under their lock: a plugin's gauges cannot
	// be removed (nor its library unloaded) while they run.
	std::unique_lock<std::mutex> gauges(_gaugeMutex);
	std::vector<std::string> parts;
	for (const Collector& collector: _collectors)
	{
		PrometheusText part;
		try
		{
			collector(part);
			parts.push_back(part.str());
		}
		catch (std::exception& exc)
		{
			failed("host", "a host gauge", exc.what());
		}
	}
	for (const auto& [name, gauge]: _gauges)
	{
		PrometheusText part;
		try
		{
			const std::vector<erp::GaugeSample> samples = gauge.collect();
			part.family(name, "gauge", gauge.help);
			for (const erp::GaugeSample& sample: samples)
				part.sample(name, sample.labels, sample.value);
			parts.push_back(part.str());
		}
		catch (Poco::Exception& exc)
		{
			failed(gauge.owner, "the gauge " + name, exc.displayText());
		}
		catch (std::exception& exc)
		{
			failed(gauge.owner, "the gauge " + name, exc.what());
		}
	}
	gauges.unlock();

	std::lock_guard<std::mutex> lock(_mutex);
	PrometheusText text;

	text.family("erp_http_requests_total", "counter", "HTTP requests answered, by method, route pattern and status");
	for (const auto& [key, count]: _requests)
		text.sample(
			"erp_http_requests_total",
			{{"method", std::get<0>(key)}, {"route", std::get<1>(key)}, {"status", std::to_string(std::get<2>(key))}},
			static_cast<double>(count));
	text.family("erp_task_runs_total", "counter", "Task runs (timer and operators), by task and outcome");
	for (const auto& [task, totals]: _tasks)
	{
		text.sample("erp_task_runs_total", {{"task", task}, {"outcome", "ok"}}, static_cast<double>(totals.ok));
		text.sample("erp_task_runs_total", {{"task", task}, {"outcome", "failed"}}, static_cast<double>(totals.failed));
	}
	text.family("erp_task_duration_seconds", "summary", "Time spent in task runs");
	for (const auto& [task, totals]: _tasks)
	{
		text.sample("erp_task_duration_seconds_sum", {{"task", task}}, totals.seconds);
		text.sample("erp_task_duration_seconds_count", {{"task", task}},
					static_cast<double>(totals.ok + totals.failed));
	}
	text.family("erp_task_last_duration_seconds", "gauge", "How long the last run of each task took");
	for (const auto& [task, totals]: _tasks)
		text.sample("erp_task_last_duration_seconds", {{"task", task}}, totals.lastSeconds);
	text.family("erp_metrics_collect_failures_total", "counter",
				"Gauges that failed to read (left out of that answer), by owner");
	for (const auto& [owner, count]: _collectFailures)
		text.sample("erp_metrics_collect_failures_total", {{"owner", owner}}, static_cast<double>(count));

	std::string result = text.str();
	for (const std::string& part: parts)
		result += part;
	return result;
}


} // namespace host
