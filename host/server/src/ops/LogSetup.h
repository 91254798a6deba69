//
// LogSetup.h
//


#ifndef Host_LogSetup_INCLUDED
#define Host_LogSetup_INCLUDED


#include <Poco/Util/AbstractConfiguration.h>
#include <string>


namespace host {


class LogSetup
/// What the host adds to Poco's logging configuration (logging.*):
///
/// - every channel of class FileChannel is a ReopenableFileChannel, so
///   that SIGHUP re-opens the log files;
/// - logging.format = json writes one JSON object per line
///   (JsonLogFormatter) on every logger's channel, the console included,
///   in place of any pattern; logging.format = text (the default) leaves
///   the configured formatters.
{
public:
	static std::string formatProblem(const Poco::Util::AbstractConfiguration& config);
	/// Empty when logging.format is absent, "text" or "json"; else the message.

	static void prepare(Poco::Util::AbstractConfiguration& config);
	/// Before Poco reads logging.*: registers the classes and substitutes
	/// the channel class (in `config`'s writeable layer).

	static void applyFormat(const Poco::Util::AbstractConfiguration& config);
	/// After Poco configured the loggers: puts the JSON formatter on every
	/// logger's channel when logging.format = json. Throws
	/// Poco::InvalidArgumentException for another value than text or json.
};


} // namespace host


#endif // Host_LogSetup_INCLUDED
