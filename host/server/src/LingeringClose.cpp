//
// LingeringClose.cpp
//


#include "LingeringClose.h"
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>


namespace host {


const Poco::Timespan LingeringClose::IDLE(1, 0);
const Poco::Timespan LingeringClose::TOTAL(2, 0);


void LingeringClose::drain(Poco::Net::StreamSocket& socket, const Poco::Timespan& idle, const Poco::Timespan& total)
{
	try
	{
		const Poco::Timestamp start;
		socket.setReceiveTimeout(idle);
		char buffer[16384];
		while (!start.isElapsed(total.totalMicroseconds()))
			if (socket.receiveBytes(buffer, sizeof(buffer)) <= 0) return;
	}
	catch (Poco::Exception&)
	{
		// Silent for `idle`, reset or shut out: the connection ends here.
	}
}


} // namespace host
