//
// MigrationLock.cpp
//


#include "MigrationLock.h"
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>


using namespace Poco::Data::Keywords;


namespace host {


namespace {

// SQLite: how often BEGIN IMMEDIATE waits its busy timeout (30 s) in all.
const int SQLITE_ATTEMPTS = MigrationLock::WAIT_SECONDS / 30;

} // namespace


MigrationLock::MigrationLock(Poco::Data::Session& session, const std::string& dialect):
	_session(session),
	_dialect(dialect)
{
	if (_dialect == "mysql")
	{
		Poco::Int64 got = -1;
		int wait = WAIT_SECONDS;
		_session << "SELECT COALESCE(GET_LOCK(" + nameExpression() + ", ?), -1)", use(wait), into(got), now;
		if (got == 0)
			throw Poco::TimeoutException("another instance has held the migration lock for more than " +
										 std::to_string(WAIT_SECONDS) + " s");
		if (got != 1) throw Poco::Data::DataException("GET_LOCK failed for the migration lock");
	}
	else
	{
		for (int attempt = 1;; ++attempt)
		{
			try
			{
				_session << "BEGIN IMMEDIATE", now;
				break;
			}
			catch (Poco::Data::SQLite::DBLockedException&)
			{
				// Another instance is still migrating (or writing): wait again.
				if (attempt >= SQLITE_ATTEMPTS)
					throw Poco::TimeoutException("the database stayed locked for more than " +
												 std::to_string(WAIT_SECONDS) + " s");
			}
		}
	}
	_held = true;
}


MigrationLock::~MigrationLock()
{
	if (!_held) return;
	try
	{
		_session << (_dialect == "mysql" ? "SELECT RELEASE_LOCK(" + nameExpression() + ")" : std::string("ROLLBACK")),
			now;
	}
	catch (...)
	{
		// The connection is gone, and the lock (or transaction) with it.
	}
}


void MigrationLock::release()
{
	if (!_held) return;
	_session << (_dialect == "mysql" ? "SELECT RELEASE_LOCK(" + nameExpression() + ")" : std::string("COMMIT")), now;
	_held = false;
}


std::string MigrationLock::nameExpression()
{
	return "LEFT(CONCAT('erp_migrations.', DATABASE()), 64)";
}


} // namespace host
