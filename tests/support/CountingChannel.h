//
// CountingChannel.h
//


#ifndef Tests_CountingChannel_INCLUDED
#define Tests_CountingChannel_INCLUDED


#include <Poco/Channel.h>
#include <Poco/Message.h>
#include <atomic>


namespace tests {


class CountingChannel: public Poco::Channel
/// A log channel that counts the lines written to it: a test's measure of
/// how much a quiet host logs.
{
public:
	void log(const Poco::Message&) override
	{
		++lines;
	}

	std::atomic<int> lines{0};
};


} // namespace tests


#endif // Tests_CountingChannel_INCLUDED
