//
// Migrator.h
//


#ifndef Host_Migrator_INCLUDED
#define Host_Migrator_INCLUDED


#include "erp/Database.h"
#include <Poco/Exception.h>
#include <map>
#include <set>
#include <string>
#include <vector>


namespace host {


POCO_DECLARE_EXCEPTION(, MigrationException, Poco::RuntimeException)


class Migrator
/// Applies forward-only, numbered SQL migrations and records them in
/// schema_migrations (component, version), so a restart applies nothing
/// twice.
///
/// apply() holds the database's migration lock (MigrationLock) from
/// reading what was applied to the last file, on one session: instances
/// started together migrate one after the other, and the later ones find
/// everything recorded.
///
/// A migration folder holds files named NNNN_description.sql, applied in
/// number order. A file is a list of statements, each ending with ';' at
/// the end of a line; lines starting with "--" are comments. Each file
/// runs in one transaction (a savepoint inside the lock's transaction on
/// SQLite; on MySQL, DDL commits implicitly, so a file
/// that fails half-way there needs the operator; keep MySQL files to one
/// idempotent step where possible).
{
public:
	explicit Migrator(erp::Database& database);

	int apply(const std::string& component, const std::string& directory);
	/// Applies the component's pending migrations; returns how many ran.
	/// Throws MigrationException naming the file and the database's message;
	/// the failing file leaves no trace in schema_migrations.

	std::vector<int> applied(const std::string& component);
	/// The versions recorded for a component, ascending.

	static std::vector<std::string> statements(const std::string& script);
	/// Splits a migration file into statements.

	static std::map<int, std::string> files(const std::string& directory);
	/// The migration files of a folder: version -> path. Throws
	/// MigrationException for a missing folder or a badly named file.

private:
	static std::vector<int> applied(Poco::Data::Session& session, const std::string& component);
	void ensureTable(Poco::Data::Session& session);
	std::set<std::string> tables(Poco::Data::Session& session) const;
	/// MySQL: the tables of the current database; SQLite: none (not needed).
	void dropTablesSince(Poco::Data::Session& session, const std::set<std::string>& before) const;
	/// MySQL: drops the tables not in `before` (after a failed file).

	erp::Database& _database;
};


} // namespace host


#endif // Host_Migrator_INCLUDED
