//
// MigrationLock.h
//


#ifndef Host_MigrationLock_INCLUDED
#define Host_MigrationLock_INCLUDED


#include <Poco/Data/Session.h>
#include <string>


namespace host {


class MigrationLock
/// Holds the database's migration lock on one session, so that instances
/// started together migrate one after the other: the first applies what is
/// new, the others find it recorded and apply nothing.
///
/// MySQL/MariaDB: GET_LOCK on a name made of the database's name (user
/// locks are the server's), waiting up to WAIT_SECONDS; released by
/// RELEASE_LOCK when done (a pooled connection would keep it otherwise).
/// SQLite: BEGIN IMMEDIATE, the database's one write lock, held until
/// release() commits; the migrations run inside it (one SAVEPOINT per file).
{
public:
	static const int WAIT_SECONDS = 300;

	MigrationLock(Poco::Data::Session& session, const std::string& dialect);
	/// Waits for the lock. Throws Poco::TimeoutException when another
	/// instance held it for WAIT_SECONDS, Poco::Data::DataException when the
	/// database fails.

	MigrationLock(const MigrationLock&) = delete;
	MigrationLock& operator=(const MigrationLock&) = delete;

	~MigrationLock();
	/// Releases the lock if release() was not called (SQLite: rolls back).

	void release();
	/// SQLite: commits what was done under the lock; MySQL: RELEASE_LOCK.

	static std::string nameExpression();
	/// MySQL: the SQL expression naming the lock of the current database
	/// (for GET_LOCK, IS_USED_LOCK).

private:
	Poco::Data::Session& _session;
	std::string _dialect;
	bool _held = false;
};


} // namespace host


#endif // Host_MigrationLock_INCLUDED
