//
// SqliteStatementCounter.h
//


#ifndef Tests_SqliteStatementCounter_INCLUDED
#define Tests_SqliteStatementCounter_INCLUDED


#include "erp/Database.h"
#include <Poco/Data/SQLite/Utility.h>
#include <atomic>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <vector>


namespace tests {


class SqliteStatementCounter
/// Counts the SQL statements a SQLite database runs whose text holds
/// `fragment` (e.g. "reminder_": the reminders plugin's tables), on every
/// connection of its pool: a test's measure of how many round trips a
/// request costs. It holds `connections` sessions at once to reach each
/// pooled connection (the pool's maximum, so that no request opens an
/// untraced one). Destroy it before the host.
{
public:
	SqliteStatementCounter(erp::Database& database, int connections, std::string fragment):
		_fragment(std::move(fragment))
	{
		std::vector<Poco::Data::Session> sessions;
		for (int i = 0; i < connections; ++i)
			sessions.push_back(database.session());
		for (Poco::Data::Session& session: sessions)
		{
			sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
			sqlite3_trace_v2(handle, SQLITE_TRACE_STMT, &SqliteStatementCounter::traced, this);
			_handles.push_back(handle);
		}
	}

	~SqliteStatementCounter()
	{
		for (sqlite3* handle: _handles)
			sqlite3_trace_v2(handle, 0, nullptr, nullptr);
	}

	SqliteStatementCounter(const SqliteStatementCounter&) = delete;
	SqliteStatementCounter& operator=(const SqliteStatementCounter&) = delete;

	int take()
	/// The statements counted since the last call.
	{
		return _count.exchange(0);
	}

private:
	static int traced(unsigned, void* context, void*, void* text)
	{
		auto* self = static_cast<SqliteStatementCounter*>(context);
		const char* sql = static_cast<const char*>(text);
		// A trigger's statements come as "-- ..." comments: not counted.
		if (sql && std::strncmp(sql, "--", 2) != 0 && std::strstr(sql, self->_fragment.c_str())) ++self->_count;
		return 0;
	}

	std::string _fragment;
	std::vector<sqlite3*> _handles;
	std::atomic<int> _count{0};
};


} // namespace tests


#endif // Tests_SqliteStatementCounter_INCLUDED
