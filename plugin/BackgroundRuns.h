//
// BackgroundRuns.h
//


#ifndef Reminders_BackgroundRuns_INCLUDED
#define Reminders_BackgroundRuns_INCLUDED


#include "erp/Host.h"
#include "plugin/WeeklyRun.h"
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>


namespace reminders {


class BackgroundRuns
/// The weekly runs an administrator starts over the API (POST runs), each
/// on a thread this class owns, so that the request is answered as soon as
/// the run has an id: WeeklyRun names it in its first progress report
/// ("run N"), right after claiming it.
///
/// One run at a time per instance: a start() while this instance's run
/// is still going starts nothing and names that run (BUSY). Other
/// instances' runs are not seen here; they meet at WeeklyRun's claim as
/// before (the week's run is shared, never sent twice).
///
/// A run that ends before it claims anything (reminders switched off, the
/// week already done, another instance planning it) is answered as before:
/// start() waits for it and returns its outcome (FINISHED); an exception
/// thrown that early is rethrown to the caller.
///
/// What became of a run started here is kept in memory (the last 20 runs)
/// for GET runs/{id}; errors after the id is known are logged and kept as
/// a "failed" status. The database stays the truth for the progress.
///
/// Thread-safe. stop() (and the destructor) waits for a running run to end.
{
public:
	struct Start
	{
		enum class Kind
		{
			STARTED,  /// a new run, going on in the background
			BUSY,     /// this instance's earlier run is still going: nothing started
			FINISHED, /// run() returned before it claimed a run: `outcome` says why
		};
		Kind kind = Kind::FINISHED;
		std::optional<Poco::Int64> runId;
		WeeklyRun::Outcome outcome;
	};

	struct Status
	/// A run started on this instance, as its thread saw it.
	{
		std::string state; /// running | finished | failed (ended with ok false, or threw)
		std::string summary;
	};

	BackgroundRuns(erp::Host& host, WeeklyRun& weekly);
	~BackgroundRuns();

	Start start(erp::TaskRun task);
	/// Starts the run on its thread and waits until it has an id or ended.
	/// Throws what WeeklyRun::run throws before it has claimed a run, and
	/// Poco::IllegalStateException after stop().

	std::optional<Status> status(Poco::Int64 runId) const;
	/// The status of a run started here; nullopt for others.

	void stop();
	/// Refuses new runs and waits for the running one to end.

private:
	void work(erp::TaskRun task);
	void remember(Poco::Int64 runId, const Status& status);
	// REQUIRES: _mutex is held.

	erp::Host& _host;
	WeeklyRun& _weekly;
	std::mutex _starting; /// one start() at a time: each waits for its run's id
	mutable std::mutex _mutex;
	std::condition_variable _changed;
	std::thread _thread;
	bool _running = false;
	bool _stopped = false;
	std::optional<Poco::Int64> _runId;          /// the current (or last) run's id, once claimed
	std::optional<WeeklyRun::Outcome> _outcome; /// set when run() returned
	std::exception_ptr _error;                  /// set when run() threw
	std::map<Poco::Int64, Status> _statuses;
};


} // namespace reminders


#endif // Reminders_BackgroundRuns_INCLUDED
