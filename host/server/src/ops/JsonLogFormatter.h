//
// JsonLogFormatter.h
//


#ifndef Host_JsonLogFormatter_INCLUDED
#define Host_JsonLogFormatter_INCLUDED


#include <Poco/Formatter.h>
#include <string>


namespace host {


class JsonLogFormatter: public Poco::Formatter
/// One JSON object per log line (logging.format = json):
///
///   {"time":"2026-12-07T09:00:00.123Z","level":"information","source":"erp.host","message":"..."}
///
/// time in UTC with milliseconds; level is Poco's priority name (fatal,
/// critical, error, warning, notice, information, debug, trace); source
/// the logger's name. Control characters are escaped and bytes that are
/// not UTF-8 become U+FFFD, so every line is valid JSON on one line.
{
public:
	void format(const Poco::Message& msg, std::string& text) override;

	static std::string quote(const std::string& text);
	/// A JSON string literal of the text.

	static std::string levelName(int priority);
};


} // namespace host


#endif // Host_JsonLogFormatter_INCLUDED
