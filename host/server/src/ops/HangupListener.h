//
// HangupListener.h
//


#ifndef Host_HangupListener_INCLUDED
#define Host_HangupListener_INCLUDED


#include <atomic>
#include <functional>
#include <thread>


namespace host {


class HangupListener
/// A thread that waits for SIGHUP (sigwait) and calls `onHangup` each time
/// (erp-host: re-open the log files). SIGHUP must be blocked in every
/// thread of the process, else one that does not block it takes the
/// default action (the process ends): call block() on the main thread
/// before any other thread starts; the constructor blocks it in the
/// calling thread too, so the listener's own thread inherits the mask.
{
public:
	explicit HangupListener(std::function<void()> onHangup);
	~HangupListener();
	/// Stops and joins the thread.

	HangupListener(const HangupListener&) = delete;
	HangupListener& operator=(const HangupListener&) = delete;

	static void block();
	/// Blocks SIGHUP in the calling thread (threads started later inherit it).

	void signal();
	/// Sends SIGHUP to the listener's thread (tests; the process's own
	/// SIGHUP from `kill -HUP` arrives the same way).

private:
	void run();

	std::function<void()> _onHangup;
	std::atomic<bool> _stopping{false};
	std::thread _thread;
};


} // namespace host


#endif // Host_HangupListener_INCLUDED
