//
// ReopenableFileChannel.cpp
//


#include "ops/ReopenableFileChannel.h"
#include <Poco/Exception.h>
#include <set>
#include <vector>


namespace host {


namespace {

// Never destroyed: Poco's logging registry releases the channels during
// the static destruction at exit, after statics made later would be gone.
std::mutex& registryMutex()
{
	static std::mutex* mutex = new std::mutex;
	return *mutex;
}

std::set<ReopenableFileChannel*>& registry()
{
	static std::set<ReopenableFileChannel*>* channels = new std::set<ReopenableFileChannel*>;
	return *channels;
}

} // namespace


ReopenableFileChannel::ReopenableFileChannel()
{
	std::lock_guard<std::mutex> lock(registryMutex());
	registry().insert(this);
}


ReopenableFileChannel::~ReopenableFileChannel()
{
	std::lock_guard<std::mutex> lock(registryMutex());
	registry().erase(this);
}


void ReopenableFileChannel::log(const Poco::Message& msg)
{
	std::lock_guard<std::mutex> lock(_reopening);
	FileChannel::log(msg);
}


void ReopenableFileChannel::reopen()
{
	std::lock_guard<std::mutex> lock(_reopening);
	close();
	open();
}


int ReopenableFileChannel::reopenAll()
{
	// Held while re-opening: a channel cannot be destroyed meanwhile.
	std::lock_guard<std::mutex> lock(registryMutex());
	int reopened = 0;
	for (ReopenableFileChannel* channel: registry())
		try
		{
			channel->reopen();
			++reopened;
		}
		catch (Poco::Exception&)
		{
			// The folder is gone or not writable: the channel opens again at
			// its next message, and fails there as it would have.
		}
	return reopened;
}


} // namespace host
