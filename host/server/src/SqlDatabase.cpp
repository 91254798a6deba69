//
// SqlDatabase.cpp
//


#include "SqlDatabase.h"
#include "MySqlLiveness.h"
#include <Poco/Data/MySQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <Poco/Timestamp.h>
#include <mutex>


using namespace Poco::Data::Keywords;


namespace host {


namespace {

void registerConnectors()
{
	static std::once_flag once;
	std::call_once(once, [] {
		Poco::Data::SQLite::Connector::registerConnector();
		Poco::Data::MySQL::Connector::registerConnector();
	});
}

const std::size_t SQLITE_BUSY_SECONDS = 30;

// MySQL/MariaDB: the connection's character set is the host's, whatever
// the configured string says (Poco's default is the 3-byte "utf8", which
// refuses emoji and other 4-byte characters).
std::string withCharacterSet(const std::string& connection)
{
	std::string result;
	std::string::size_type start = 0;
	while (start <= connection.size())
	{
		std::string::size_type end = connection.find(';', start);
		if (end == std::string::npos) end = connection.size();
		const std::string part = connection.substr(start, end - start);
		const std::string key = Poco::toLower(Poco::trim(part.substr(0, part.find('='))));
		if (!Poco::trim(part).empty() && key != "character-set") result += part + ";";
		start = end + 1;
	}
	return result + "character-set=utf8mb4";
}

} // namespace


SqlDatabase::SqlDatabase(const std::string& connector, const std::string& connection, int maxSessions):
	_maxSessions(maxSessions)
{
	registerConnectors();
	if (connector == "sqlite")
		_dialect = "sqlite";
	else if (connector == "mysql")
		_dialect = "mysql";
	else
		throw Poco::InvalidArgumentException("database.connector must be sqlite or mysql, not", connector);
	if (connection.empty()) throw Poco::InvalidArgumentException("database.connection is empty");

	_pool = std::make_unique<Poco::Data::SessionPool>(_dialect == "sqlite" ? "SQLite" : "MySQL",
													  _dialect == "sqlite" ? connection : withCharacterSet(connection),
													  1, maxSessions, 60);
	Poco::Data::Session first = session();
	if (_dialect == "sqlite") useWriteAheadLog(first);
}


void SqlDatabase::useWriteAheadLog(Poco::Data::Session& session)
{
	// WAL lets readers go on while one writer commits. The mode is kept in
	// the file; turning a new file to it needs the file to itself, and there
	// SQLite answers "locked" at once, without its busy timeout (several
	// instances starting together on a new file; another one's first
	// migration). So it is asked again, for as long as the busy timeout.
	std::string mode;
	session << "PRAGMA journal_mode", into(mode), now;
	if (Poco::icompare(mode, "wal") == 0) return;
	const Poco::Timestamp start;
	for (;;)
	{
		try
		{
			// The answer is the mode now in force ("memory" for a database in memory).
			session << "PRAGMA journal_mode=WAL", into(mode), now;
			return;
		}
		catch (Poco::Data::SQLite::DBLockedException&)
		{
			if (start.isElapsed(static_cast<Poco::Timestamp::TimeDiff>(SQLITE_BUSY_SECONDS) * 1000000))
				throw Poco::TimeoutException("the database stayed locked for more than " +
											 std::to_string(SQLITE_BUSY_SECONDS) + " s while turning to WAL");
			Poco::Thread::sleep(20);
		}
	}
}


SqlDatabase::~SqlDatabase()
{
	if (_pool) _pool->shutdown();
}


Poco::Data::Session SqlDatabase::session()
{
	if (_dialect == "sqlite")
	{
		Poco::Data::Session session = _pool->get();
		session.setConnectionTimeout(SQLITE_BUSY_SECONDS);
		session << "PRAGMA foreign_keys=ON", now;
		return session;
	}
	// MySQL/MariaDB: a pooled connection may have died since it was last
	// used (the server restarted, a network cut, wait_timeout). Each one is
	// pinged before it is handed out; a dead one leaves the pool and the
	// next is tried, until the pool opens a new connection (which throws
	// when the server is still away).
	for (int attempt = 0;; ++attempt)
	{
		Poco::Data::Session session = _pool->get();
		if (MySqlLiveness::alive(session)) return session;
		if (attempt >= _maxSessions)
			throw Poco::Data::DataException("the database connection is lost and a new one fails its check");
	}
}


std::string SqlDatabase::dialect() const
{
	return _dialect;
}


SqlDatabase::PoolUse SqlDatabase::poolUse() const
{
	PoolUse use;
	use.capacity = _pool->capacity();
	use.used = _pool->used();
	use.idle = _pool->idle();
	return use;
}


} // namespace host
