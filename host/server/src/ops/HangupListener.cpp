//
// HangupListener.cpp
//


#include "ops/HangupListener.h"
#include <csignal>
#include <pthread.h>


namespace host {


namespace {

sigset_t hangupSet()
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	return set;
}

} // namespace


void HangupListener::block()
{
	const sigset_t set = hangupSet();
	pthread_sigmask(SIG_BLOCK, &set, nullptr);
}


HangupListener::HangupListener(std::function<void()> onHangup):
	_onHangup(std::move(onHangup))
{
	block();
	_thread = std::thread([this] { run(); });
}


HangupListener::~HangupListener()
{
	_stopping = true;
	signal();
	_thread.join();
}


void HangupListener::signal()
{
	pthread_kill(_thread.native_handle(), SIGHUP);
}


void HangupListener::run()
{
	const sigset_t set = hangupSet();
	for (;;)
	{
		int received = 0;
		if (sigwait(&set, &received) != 0) continue;
		if (_stopping) return;
		try
		{
			_onHangup();
		}
		catch (...)
		{
			// Nothing to tell from here: the callback logs what it can.
		}
	}
}


} // namespace host
