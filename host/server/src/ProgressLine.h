//
// ProgressLine.h
//


#ifndef Host_ProgressLine_INCLUDED
#define Host_ProgressLine_INCLUDED


#include "erp/Scheduler.h"
#include <mutex>
#include <ostream>
#include <string>


namespace host {


class ProgressLine
/// What `erp-host --run-task` prints while the task reports its progress
/// (TaskRun::progress): on a terminal one line, rewritten in place (\r)
/// at each report; otherwise (a log file, a pipe) a plain line at the
/// first report and each time another tenth of the total is done, never
/// more than one line per report. finish() ends the terminal's line so
/// that the summary that follows stands on a line of its own.
///
/// Thread-safe: the task reports from its own thread.
{
public:
	ProgressLine(std::ostream& out, bool terminal);

	void operator()(const erp::TaskProgress& progress);

	void finish();

	static bool isTerminal(int fd);

private:
	static std::string line(const erp::TaskProgress& progress);

	std::mutex _mutex;
	std::ostream& _out;
	bool _terminal;
	std::size_t _width = 0; /// the terminal line's length, to blank what a shorter one leaves
	int _tenths = -1;       /// the last tenth printed; -1: nothing yet
};


} // namespace host


#endif // Host_ProgressLine_INCLUDED
