//
// SessionLifetime.h
//


#ifndef Host_SessionLifetime_INCLUDED
#define Host_SessionLifetime_INCLUDED


#include <Poco/Timestamp.h>


namespace host {


class SessionLifetime
/// Pure: when a web session ends. A session ends when it has been unused
/// for the idle timeout, or at its absolute lifetime from its start,
/// whichever comes first; using it moves only the idle end.
{
public:
	SessionLifetime(int idleMinutes, int lifetimeMinutes);
	/// Throws Poco::InvalidArgumentException unless 1 <= idle <= lifetime
	/// <= 31 days (the keys web.session.idle_minutes and
	/// web.session.lifetime_minutes are named).

	Poco::Timestamp end(const Poco::Timestamp& created) const;
	/// The absolute end of a session started at `created`.

	bool alive(const Poco::Timestamp& created, const Poco::Timestamp& lastSeen, const Poco::Timestamp& now) const;

	int idleMinutes() const;
	int lifetimeMinutes() const;

private:
	int _idleMinutes;
	int _lifetimeMinutes;
};


} // namespace host


#endif // Host_SessionLifetime_INCLUDED
