//
// MySqlLiveness.h
//


#ifndef Host_MySqlLiveness_INCLUDED
#define Host_MySqlLiveness_INCLUDED


#include <Poco/Data/Session.h>


namespace host {


class MySqlLiveness
/// Whether a pooled MySQL/MariaDB session still has a live connection.
///
/// Poco 1.11's pool keeps a session whose connection died: it pings only
/// sessions whose last error code is set, and its statement errors carry
/// no code. So the host pings each session itself before use, and marks a
/// dead one with the server's "gone away" code, which makes the pool drop
/// it when it comes back instead of keeping it idle.
{
public:
	static bool alive(Poco::Data::Session& session);
	/// Pings the session's connection (mysql_ping: one round trip). False,
	/// with the session marked for the pool to drop, when it is dead.
	/// Sessions of other connectors are taken as alive.

	static const int SERVER_GONE = 2006; /// CR_SERVER_GONE_ERROR
};


} // namespace host


#endif // Host_MySqlLiveness_INCLUDED
