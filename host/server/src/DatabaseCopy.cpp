//
// DatabaseCopy.cpp
//


#include "DatabaseCopy.h"
#include "Migrator.h"
#include "PluginManifest.h"
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/Nullable.h>
#include <Poco/Path.h>
#include <algorithm>
#include <set>


using namespace Poco::Data::Keywords;


namespace host {


POCO_IMPLEMENT_EXCEPTION(DatabaseCopyException, Poco::RuntimeException, "Database copy failed")


namespace {

std::string quoted(const std::string& name)
{
	// Backticks quote a name in MySQL and in SQLite alike.
	return "`" + name + "`";
}

std::string list(const std::vector<int>& versions)
{
	std::string text;
	for (int version: versions)
		text += (text.empty() ? "" : ", ") + std::to_string(version);
	return "[" + text + "]";
}

} // namespace


DatabaseCopy::DatabaseCopy(erp::Database& source, erp::Database& target, std::size_t batch):
	_source(source),
	_target(target),
	_batch(batch)
{
	if (_batch == 0) throw Poco::InvalidArgumentException("a copy's batch must hold a row at least");
}


std::vector<std::string> DatabaseCopy::tables(erp::Database& database)
{
	Poco::Data::Session session = database.session();
	std::vector<std::string> names;
	if (database.dialect() == "mysql")
		session << "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
				   "AND table_type = 'BASE TABLE' ORDER BY table_name",
			into(names), now;
	else
		session << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
				   "ORDER BY name",
			into(names), now;
	return names;
}


Poco::Int64 DatabaseCopy::count(Poco::Data::Session& session, const std::string& table)
{
	Poco::Int64 rows = 0;
	session << "SELECT COUNT(*) FROM " + quoted(table), into(rows), now;
	return rows;
}


std::map<std::string, std::string> DatabaseCopy::migrationFolders(const std::string& schemaDirectory,
																  const std::string& pluginsDirectory) const
{
	const std::vector<std::string> sourceTables = tables(_source);
	if (std::find(sourceTables.begin(), sourceTables.end(), "schema_migrations") == sourceTables.end())
		throw DatabaseCopyException("the source has no schema_migrations table: not an erp-host database");
	std::map<std::string, std::vector<int>> recorded;
	{
		Poco::Data::Session session = _source.session();
		std::vector<std::string> components;
		std::vector<int> versions;
		session << "SELECT component, version FROM schema_migrations ORDER BY component, version", into(components),
			into(versions), now;
		for (std::size_t i = 0; i < components.size(); ++i)
			recorded[components[i]].push_back(versions[i]);
	}
	if (!recorded.count("host")) throw DatabaseCopyException("the source records no host migrations");

	const std::string dialect = _target.dialect();
	std::map<std::string, std::string> folders;
	folders["host"] = Poco::Path(schemaDirectory, dialect).toString();
	if (Poco::File(pluginsDirectory).exists())
		for (Poco::DirectoryIterator it(pluginsDirectory), end; it != end; ++it)
		{
			if (!it->isDirectory()) continue;
			try
			{
				const PluginManifest manifest = PluginManifest::read(it->path());
				auto migrations = manifest.migrations.find(dialect);
				if (recorded.count(manifest.id) && migrations != manifest.migrations.end())
					folders[manifest.id] = migrations->second;
			}
			catch (Poco::Exception&)
			{
				// Not a plugin folder; a component without one is named below.
			}
		}
	for (const auto& [component, versions]: recorded)
	{
		auto folder = folders.find(component);
		if (folder == folders.end())
			throw DatabaseCopyException("the source has tables of " + component + ", and " + pluginsDirectory +
										" holds no plugin " + component + " with " + dialect + " migrations");
		std::vector<int> files;
		for (const auto& [version, path]: Migrator::files(folder->second))
			files.push_back(version);
		if (files != versions)
			throw DatabaseCopyException(component + ": the source has migrations " + list(versions) + ", " +
										folder->second + " holds " + list(files) +
										"; start this version of erp-host on the source once (it applies what "
										"is new), then copy");
	}
	for (auto it = folders.begin(); it != folders.end();)
		it = recorded.count(it->first) ? std::next(it) : folders.erase(it);
	return folders;
}


void DatabaseCopy::copyTable(Poco::Data::Session& from, Poco::Data::Session& to, const std::string& table) const
{
	// Rows the migrations may have put there (defaults) make way for the source's.
	to << "DELETE FROM " + quoted(table), now;
	Poco::Data::Statement select(from);
	select << "SELECT * FROM " + quoted(table), limit(_batch);
	while (!select.done())
	{
		select.execute();
		Poco::Data::RecordSet rows(select);
		if (rows.rowCount() == 0) break;
		std::string columns;
		std::string marks;
		for (std::size_t column = 0; column < rows.columnCount(); ++column)
		{
			columns += (column ? ", " : "") + quoted(rows.columnName(column));
			marks += column ? ", ?" : "?";
		}
		const std::string insert = "INSERT INTO " + quoted(table) + " (" + columns + ") VALUES (" + marks + ")";
		to << (_target.dialect() == "sqlite" ? "BEGIN IMMEDIATE" : "START TRANSACTION"), now;
		for (std::size_t row = 0; row < rows.rowCount(); ++row)
		{
			// Integers as integers, everything else as text (the schema has
			// INTEGER and TEXT columns only); NULL stays NULL.
			std::vector<Poco::Nullable<Poco::Int64>> integers(rows.columnCount());
			std::vector<Poco::Nullable<std::string>> texts(rows.columnCount());
			Poco::Data::Statement statement(to);
			statement << insert;
			for (std::size_t column = 0; column < rows.columnCount(); ++column)
			{
				const Poco::Dynamic::Var value = rows.value(column, row);
				if (rows.isNull(column, row) || value.isEmpty())
					statement.addBind(use(texts[column]));
				else if (value.isInteger())
				{
					integers[column] = value.convert<Poco::Int64>();
					statement.addBind(use(integers[column]));
				}
				else
				{
					texts[column] = value.convert<std::string>();
					statement.addBind(use(texts[column]));
				}
			}
			statement.execute();
		}
		to << "COMMIT", now;
	}
}


std::vector<DatabaseCopy::Table> DatabaseCopy::run(const std::string& schemaDirectory,
												   const std::string& pluginsDirectory)
{
	// 1. Nothing is written before every check has passed.
	const std::map<std::string, std::string> folders = migrationFolders(schemaDirectory, pluginsDirectory);
	const std::vector<std::string> existing = tables(_target);
	if (!existing.empty())
		throw DatabaseCopyException("the target database is not empty (it has the table " + existing.front() +
									"): copy into a new, empty database");

	// 2. The schema, as erp-host would create it: the host's, then the plugins'.
	Migrator migrator(_target);
	migrator.apply("host", folders.at("host"));
	for (const auto& [component, folder]: folders)
		if (component != "host") migrator.apply(component, folder);

	std::vector<std::string> copied;
	const std::vector<std::string> targetTables = tables(_target);
	for (const std::string& table: tables(_source))
	{
		if (table == "schema_migrations") continue; // the target recorded its own
		if (std::find(targetTables.begin(), targetTables.end(), table) == targetTables.end())
			throw DatabaseCopyException("the source's table " + table +
										" is made by no migration; the target holds the schema only now: drop "
										"and recreate it, then copy again without that table");
		copied.push_back(table);
	}

	// 3. The rows, from one consistent read of the source.
	Poco::Data::Session from = _source.session();
	Poco::Data::Session to = _target.session();
	from << (_source.dialect() == "mysql" ? "START TRANSACTION WITH CONSISTENT SNAPSHOT" : "BEGIN"), now;
	to << (_target.dialect() == "mysql" ? "SET FOREIGN_KEY_CHECKS = 0" : "PRAGMA foreign_keys = OFF"), now;
	std::vector<Table> result;
	try
	{
		for (const std::string& table: copied)
			copyTable(from, to, table);
		// 4. Every row arrived.
		for (const std::string& table: copied)
		{
			const Poco::Int64 rows = count(from, table);
			const Poco::Int64 arrived = count(to, table);
			if (rows != arrived)
				throw DatabaseCopyException(table + ": " + std::to_string(rows) + " rows in the source, " +
											std::to_string(arrived) + " in the target");
			result.push_back(Table{table, rows});
		}
	}
	catch (Poco::Exception& exc)
	{
		try
		{
			to << "ROLLBACK", now;
		}
		catch (Poco::Exception&)
		{
			// No transaction was open.
		}
		to << (_target.dialect() == "mysql" ? "SET FOREIGN_KEY_CHECKS = 1" : "PRAGMA foreign_keys = ON"), now;
		from << "ROLLBACK", now;
		if (dynamic_cast<DatabaseCopyException*>(&exc)) throw;
		throw DatabaseCopyException("copying failed; the target holds a partial copy (drop and recreate it "
									"before trying again): " +
									exc.displayText());
	}
	to << (_target.dialect() == "mysql" ? "SET FOREIGN_KEY_CHECKS = 1" : "PRAGMA foreign_keys = ON"), now;
	from << "ROLLBACK", now; // a read: nothing to keep
	return result;
}


} // namespace host
