//
// SqlDatabase.h
//


#ifndef Host_SqlDatabase_INCLUDED
#define Host_SqlDatabase_INCLUDED


#include "erp/Database.h"
#include <Poco/Data/SessionPool.h>
#include <memory>
#include <string>


namespace host {


class SqlDatabase: public erp::Database
/// The host's database: a Poco::Data session pool over SQLite (a file
/// path) or MySQL/MariaDB (a Poco MySQL connection string).
{
public:
	SqlDatabase(const std::string& connector, const std::string& connection, int maxSessions);
	/// Opens the pool and checks that one session connects. Throws
	/// Poco::InvalidArgumentException for an unknown connector and
	/// Poco::Data::DataException when the database cannot be opened.

	~SqlDatabase() override;

	struct PoolUse
	{
		int capacity = 0; /// database.pool.max
		int used = 0;     /// sessions handed out now
		int idle = 0;     /// open, waiting in the pool
	};

	PoolUse poolUse() const;
	/// For the metrics.

	Poco::Data::Session session() override;
	/// MySQL/MariaDB: the session's connection is pinged first, and a dead
	/// one replaced (MySqlLiveness), so a restarted server costs no failed
	/// request once it answers again.
	std::string dialect() const override;

private:
	static void useWriteAheadLog(Poco::Data::Session& session);
	/// SQLite: the file in WAL mode, waiting (up to the busy timeout) for
	/// another connection that holds it.

	std::string _dialect;
	int _maxSessions;
	std::unique_ptr<Poco::Data::SessionPool> _pool;
};


} // namespace host


#endif // Host_SqlDatabase_INCLUDED
