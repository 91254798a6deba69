//
// ReopenableFileChannel.h
//


#ifndef Host_ReopenableFileChannel_INCLUDED
#define Host_ReopenableFileChannel_INCLUDED


#include <Poco/FileChannel.h>
#include <mutex>


namespace host {


class ReopenableFileChannel: public Poco::FileChannel
/// Poco's FileChannel that can be re-opened at its path while others log
/// (after logrotate or an administrator moved the file away: SIGHUP).
/// Every FileChannel of the logging configuration is one of these
/// (LogSetup). Poco's own close() is not safe against a concurrent log();
/// here both go through one more lock.
{
public:
	ReopenableFileChannel();

	void log(const Poco::Message& msg) override;

	void reopen();
	/// Closes the file and opens its path again (a new file when the old
	/// one was moved away).

	static int reopenAll();
	/// Re-opens every live channel; returns how many.

protected:
	~ReopenableFileChannel() override;

private:
	std::mutex _reopening;
};


} // namespace host


#endif // Host_ReopenableFileChannel_INCLUDED
