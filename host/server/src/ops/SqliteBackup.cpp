//
// SqliteBackup.cpp
//


#include "ops/SqliteBackup.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Process.h>
#include <memory>
#include <sqlite3.h>


namespace host {


namespace {

struct Closer
{
	void operator()(sqlite3* db) const
	{
		sqlite3_close(db);
	}
};

using Handle = std::unique_ptr<sqlite3, Closer>;

Handle open(const std::string& file, int flags)
{
	sqlite3* db = nullptr;
	const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
	Handle handle(db);
	if (rc != SQLITE_OK)
		throw Poco::IOException("cannot open " + file + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
	sqlite3_busy_timeout(db, 30000);
	return handle;
}

std::string integrity(sqlite3* db)
{
	std::string answer;
	char* error = nullptr;
	const int rc = sqlite3_exec(
		db, "PRAGMA integrity_check",
		[](void* out, int, char** values, char**) {
			*static_cast<std::string*>(out) += values[0] ? values[0] : "";
			return 0;
		},
		&answer, &error);
	if (rc != SQLITE_OK)
	{
		answer = error ? error : sqlite3_errstr(rc);
		sqlite3_free(error);
	}
	return answer;
}

} // namespace


SqliteBackup::Result SqliteBackup::run(const std::string& database, const std::string& target)
{
	if (Poco::File(target).exists())
		throw Poco::FileExistsException(target + " exists: remove it or name another file");
	if (!Poco::File(database).exists()) throw Poco::IOException("no database file " + database);
	const std::string temporary = target + ".part-" + std::to_string(Poco::Process::id());
	try
	{
		Result result;
		{
			Handle source = open(database, SQLITE_OPEN_READONLY);
			Handle copy = open(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
			sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", source.get(), "main");
			if (!backup)
				throw Poco::IOException(std::string("the backup did not start: ") + sqlite3_errmsg(copy.get()));
			// All pages in one step: one read transaction, one snapshot.
			int rc = SQLITE_OK;
			do
			{
				rc = sqlite3_backup_step(backup, -1);
				if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
			} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			result.pages = sqlite3_backup_pagecount(backup);
			sqlite3_backup_finish(backup);
			if (rc != SQLITE_DONE) throw Poco::IOException(std::string("the backup failed: ") + sqlite3_errstr(rc));
			// A self-contained file: no WAL beside it.
			sqlite3_exec(copy.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
			const std::string check = integrity(copy.get());
			if (check != "ok") throw Poco::IOException("the copy fails its integrity check: " + check);
		}
		Poco::File(temporary).renameTo(target);
		result.bytes = static_cast<long long>(Poco::File(target).getSize());
		return result;
	}
	catch (...)
	{
		try
		{
			Poco::File(temporary).remove();
		}
		catch (Poco::Exception&)
		{
			// Never created.
		}
		throw;
	}
}


} // namespace host
