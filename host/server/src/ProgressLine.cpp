//
// ProgressLine.cpp
//


#include "ProgressLine.h"
#include <algorithm>
#include <unistd.h>


namespace host {


ProgressLine::ProgressLine(std::ostream& out, bool terminal):
	_out(out),
	_terminal(terminal)
{}


bool ProgressLine::isTerminal(int fd)
{
	return ::isatty(fd) == 1;
}


std::string ProgressLine::line(const erp::TaskProgress& progress)
{
	const std::string text = progress.text.empty() && progress.total >= 0
								 ? std::to_string(progress.done) + " of " + std::to_string(progress.total)
								 : progress.text;
	return progress.item.empty() ? text : progress.item + ": " + text;
}


void ProgressLine::operator()(const erp::TaskProgress& progress)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const std::string text = line(progress);
	if (_terminal)
	{
		_out << '\r' << text;
		if (text.size() < _width) _out << std::string(_width - text.size(), ' ') << '\r' << text;
		_out << std::flush;
		_width = text.size();
		return;
	}
	int tenths = 0;
	if (progress.total > 0) tenths = static_cast<int>(std::min<long long>(10, progress.done * 10 / progress.total));
	if (_tenths >= 0 && tenths <= _tenths) return;
	_tenths = tenths;
	_out << text << std::endl;
}


void ProgressLine::finish()
{
	std::lock_guard<std::mutex> lock(_mutex);
	if (_terminal && _width) _out << std::endl;
	_width = 0;
}


} // namespace host
