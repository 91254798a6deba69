//
// MetricsRegistry.h
//


#ifndef Host_MetricsRegistry_INCLUDED
#define Host_MetricsRegistry_INCLUDED


#include "erp/Metrics.h"
#include "ops/MetricsSink.h"
#include "ops/PrometheusText.h"
#include <Poco/Logger.h>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>


namespace host {


class MetricsRegistry: public MetricsSink
/// What GET /metrics answers: the counters of requests and task runs kept
/// here, the host's own gauges (added with addCollector, read at each
/// answer) and the plugins' gauges (erp::Metrics). Thread-safe.
///
/// Families: erp_http_requests_total{method,route,status},
/// erp_task_runs_total{task,outcome}, erp_task_duration_seconds{task}
/// (summary: _sum and _count), erp_task_last_duration_seconds{task},
/// erp_metrics_collect_failures_total{owner}, then the collectors' and
/// the plugins' gauges.
{
public:
	using Collector = std::function<void(PrometheusText&)>;

	explicit MetricsRegistry(Poco::Logger& logger);

	void countRequest(const std::string& method, const std::string& route, int status) override;
	void countTask(const std::string& task, bool ok, double seconds) override;

	void addCollector(Collector collector);
	/// A host gauge family writer, called at every render().

	void addGauge(const std::string& owner, const std::string& name, const std::string& help,
				  erp::Metrics::Collect collect);
	/// A plugin's gauge (owner: the plugin id). Throws
	/// Poco::InvalidArgumentException for a name that is not
	/// "<owner>_[a-z0-9_]*" ('-' in the owner as '_') or an empty collect,
	/// Poco::ExistsException when the name is taken.

	int removeGauges(const std::string& owner);
	/// Removes the owner's gauges; returns how many.

	std::string render();
	/// The text exposition. A collector or gauge that throws is left out
	/// (logged, counted in erp_metrics_collect_failures_total).

	static std::string methodLabel(const std::string& method);
	/// GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS; anything else OTHER.

private:
	struct Gauge
	{
		std::string owner;
		std::string help;
		erp::Metrics::Collect collect;
	};

	struct TaskTotals
	{
		unsigned long ok = 0;
		unsigned long failed = 0;
		double seconds = 0;
		double lastSeconds = 0;
	};

	void failed(const std::string& owner, const std::string& what, const std::string& why);

	Poco::Logger& _logger;
	std::mutex _mutex; /// guards the counters: a slow gauge never holds up a request's count
	std::map<std::tuple<std::string, std::string, int>, unsigned long> _requests;
	std::map<std::string, TaskTotals> _tasks;
	std::map<std::string, unsigned long> _collectFailures;
	std::mutex _gaugeMutex; /// guards the collectors and gauges (held while they run)
	std::vector<Collector> _collectors;
	std::map<std::string, Gauge> _gauges;
};


} // namespace host


#endif // Host_MetricsRegistry_INCLUDED
