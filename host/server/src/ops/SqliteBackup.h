//
// SqliteBackup.h
//


#ifndef Host_SqliteBackup_INCLUDED
#define Host_SqliteBackup_INCLUDED


#include <string>


namespace host {


class SqliteBackup
/// erp-host --backup=FILE for SQLite: SQLite's online backup API
/// (sqlite3_backup_*) copies the database, plugin tables included, in one
/// read transaction: a consistent snapshot of the last commit, taken while
/// the host serves (in WAL mode readers do not block the writer, nor it
/// them). The copy is written under a temporary name beside FILE, checked
/// (PRAGMA integrity_check), then renamed to FILE: FILE is either the whole
/// backup or absent. An existing FILE is refused, nothing changed.
{
public:
	struct Result
	{
		long long pages = 0;
		long long bytes = 0;
	};

	static Result run(const std::string& database, const std::string& target);
	/// Throws Poco::FileExistsException when target exists,
	/// Poco::IOException with SQLite's message for anything else (the
	/// temporary file removed).
};


} // namespace host


#endif // Host_SqliteBackup_INCLUDED
