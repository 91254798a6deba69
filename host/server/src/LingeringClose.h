//
// LingeringClose.h
//


#ifndef Host_LingeringClose_INCLUDED
#define Host_LingeringClose_INCLUDED


#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>


namespace host {


class LingeringClose
/// The end of a connection whose request body was refused unread (413,
/// 401 before the body, bad framing): what the client still sends is read
/// and dropped until it closes its side, stays silent for `idle`, or
/// `total` has passed. A socket closed with unread bytes in its buffer
/// sends a reset, and a client still sending its body (curl, most HTTP
/// libraries) fails on that reset before it reads the answer already on
/// its way. The bounds keep a client from holding the connection.
{
public:
	static const Poco::Timespan IDLE;  /// 1 s
	static const Poco::Timespan TOTAL; /// 2 s

	static void drain(Poco::Net::StreamSocket& socket, const Poco::Timespan& idle = IDLE,
					  const Poco::Timespan& total = TOTAL);
	/// Never throws: a failed read ends the draining.
};


} // namespace host


#endif // Host_LingeringClose_INCLUDED
