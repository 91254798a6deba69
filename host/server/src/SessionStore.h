//
// SessionStore.h
//


#ifndef Host_SessionStore_INCLUDED
#define Host_SessionStore_INCLUDED


#include "SessionLifetime.h"
#include "erp/Clock.h"
#include "erp/Database.h"
#include <optional>
#include <string>


namespace host {


class SessionStore
/// Web sessions in the sessions table. A session id is 256 random bits
/// written as 64 hex digits; only its SHA-256 is stored, so a copy of the
/// database signs nobody in. Each session has a CSRF token derived from
/// its id (never stored, never equal to it, and not the stored hash).
///
/// Thread-safe (each call uses its own database session).
{
public:
	SessionStore(erp::Database& database, const erp::Clock& clock, const SessionLifetime& lifetime);

	std::string open(const std::string& user);
	/// Starts a session for the user and returns its id (for the cookie
	/// only). Removes the sessions that have ended, on the way.

	std::optional<std::string> resume(const std::string& id);
	/// The user of a live session, which counts as used now; nullopt for an
	/// unknown or ended session (an ended one is removed).

	void close(const std::string& id);
	/// Removes the session (signing out); an unknown id is no error.

	int closeAll(const std::string& user);
	/// Removes every session of the user; returns how many there were.

	const SessionLifetime& lifetime() const;

	static std::string csrfToken(const std::string& id);
	/// The CSRF token of the session `id` (64 hex digits).

	static bool wellFormed(const std::string& id);
	/// 64 lowercase hex digits.

private:
	erp::Database& _database;
	const erp::Clock& _clock;
	SessionLifetime _lifetime;
};


} // namespace host


#endif // Host_SessionStore_INCLUDED
