//
// DatabaseCopy.h
//


#ifndef Host_DatabaseCopy_INCLUDED
#define Host_DatabaseCopy_INCLUDED


#include "erp/Database.h"
#include <Poco/Exception.h>
#include <Poco/Types.h>
#include <map>
#include <string>
#include <vector>


namespace host {


POCO_DECLARE_EXCEPTION(, DatabaseCopyException, Poco::RuntimeException)


class DatabaseCopy
/// Copies a whole erp-host database, the host's tables and every plugin's,
/// into an empty database of either dialect (erp-host --copy-database):
/// moving a SQLite installation to MySQL/MariaDB.
///
///  1. checks, before anything is written: the source was migrated by this
///     version (each component's recorded versions are exactly its
///     migration files), every plugin component has its folder, and the
///     target has no table at all;
///  2. creates the schema on the target with the target dialect's
///     migrations (host first, then each plugin), as erp-host would;
///  3. copies every table's rows from one consistent read of the source
///     (foreign keys checked off on the target meanwhile), ids included;
///  4. compares the row counts of every table.
///
/// A refusal in step 1 changes nothing. A failure later leaves a partial
/// copy in the target: drop and recreate it before trying again.
{
public:
	struct Table
	{
		std::string name;
		Poco::Int64 rows = 0;
	};

	static const std::size_t BATCH = 1000;

	DatabaseCopy(erp::Database& source, erp::Database& target, std::size_t batch = BATCH);
	/// `batch`: rows read, written and committed per round.

	std::vector<Table> run(const std::string& schemaDirectory, const std::string& pluginsDirectory);
	/// schemaDirectory: the host's migrations (holding sqlite/ and mysql/);
	/// pluginsDirectory: the plugins folder. Returns the tables copied with
	/// their rows, in name order. Throws DatabaseCopyException.

	static std::vector<std::string> tables(erp::Database& database);
	/// The tables of a database (SQLite's own left out), in name order.

private:
	std::map<std::string, std::string> migrationFolders(const std::string& schemaDirectory,
														const std::string& pluginsDirectory) const;
	/// Component -> the target dialect's migration folder, checked against
	/// what the source recorded.
	void copyTable(Poco::Data::Session& from, Poco::Data::Session& to, const std::string& table) const;
	static Poco::Int64 count(Poco::Data::Session& session, const std::string& table);

	erp::Database& _source;
	erp::Database& _target;
	std::size_t _batch;
};


} // namespace host


#endif // Host_DatabaseCopy_INCLUDED
