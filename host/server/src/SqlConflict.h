//
// SqlConflict.h
//


#ifndef Host_SqlConflict_INCLUDED
#define Host_SqlConflict_INCLUDED


#include <Poco/Exception.h>
#include <string>


namespace host {


class SqlConflict
/// What a database error means for the request that met it, in either
/// dialect: another transaction won a race (retry the whole transaction),
/// or a unique key refused a row (answer 409).
{
public:
	static const int ATTEMPTS = 5;
	/// How often a transaction that deadlocked or timed out waiting for a
	/// lock is tried in all.

	static bool retryable(const Poco::Exception& exc);
	/// MySQL/MariaDB: deadlock (1213) or lock wait timeout (1205); the
	/// transaction is rolled back and may simply run again. SQLite:
	/// database or table locked (its busy timeout ran out).

	static bool duplicateKey(const Poco::Exception& exc);
	/// MySQL/MariaDB: duplicate entry (1062); SQLite: UNIQUE constraint.

	template <typename Function> static auto retry(Function&& function) -> decltype(function())
	/// Runs `function` (one whole transaction: it opens, writes and commits
	/// it) again when it fails with a retryable conflict, at most ATTEMPTS
	/// times in all; the last failure propagates.
	{
		for (int attempt = 1;; ++attempt)
		{
			try
			{
				return function();
			}
			catch (Poco::Exception& exc)
			{
				if (attempt >= ATTEMPTS || !retryable(exc)) throw;
			}
		}
	}

private:
	static bool mysqlError(const Poco::Exception& exc, int code);
};


} // namespace host


#endif // Host_SqlConflict_INCLUDED
