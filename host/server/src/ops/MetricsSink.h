//
// MetricsSink.h
//


#ifndef Host_MetricsSink_INCLUDED
#define Host_MetricsSink_INCLUDED


#include <string>


namespace host {


class MetricsSink
/// Where the HTTP front door and the plugins' scheduler count what they
/// did (MetricsRegistry in the host). Thread-safe.
{
public:
	virtual ~MetricsSink() = default;

	virtual void countRequest(const std::string& method, const std::string& route, int status) = 0;
	/// One answered request; `route` is the matched route pattern (never the
	/// path itself, so that ids do not multiply the series).

	virtual void countTask(const std::string& task, bool ok, double seconds) = 0;
	/// One run of a task's body and how long it took.
};


} // namespace host


#endif // Host_MetricsSink_INCLUDED
