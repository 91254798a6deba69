//
// Migrator.cpp
//


#include "Migrator.h"
#include "MigrationLock.h"
#include "erp/Instant.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>


using namespace Poco::Data::Keywords;


namespace host {


POCO_IMPLEMENT_EXCEPTION(MigrationException, Poco::RuntimeException, "Migration failed")


Migrator::Migrator(erp::Database& database):
	_database(database)
{}


void Migrator::ensureTable(Poco::Data::Session& session)
{
	if (_database.dialect() == "mysql")
	{
		// Tables a migration creates without naming a character set get
		// the database's: utf8mb4 with the host's collation, whatever the
		// server's default (docs/operations.md, "Character set").
		session << "ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", now;
		session
			<< "CREATE TABLE IF NOT EXISTS schema_migrations (component VARCHAR(64) NOT NULL, version INT NOT NULL, "
			   "name VARCHAR(200) NOT NULL, applied_at VARCHAR(32) NOT NULL, PRIMARY KEY (component, version)) "
			   "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
			now;
	}
	else
		session << "CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL, "
				   "name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))",
			now;
}


std::set<std::string> Migrator::tables(Poco::Data::Session& session) const
{
	std::vector<std::string> names;
	if (_database.dialect() == "mysql")
		session << "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", into(names), now;
	return {names.begin(), names.end()};
}


void Migrator::dropTablesSince(Poco::Data::Session& session, const std::set<std::string>& before) const
{
	if (_database.dialect() != "mysql") return; // SQLite rolled the whole file back
	try
	{
		for (const std::string& table: tables(session))
			if (!before.count(table)) session << "DROP TABLE `" + table + "`", now;
	}
	catch (Poco::Exception&)
	{
		// The migration's own error is the one to report.
	}
}


std::vector<int> Migrator::applied(const std::string& component)
{
	Poco::Data::Session session = _database.session();
	ensureTable(session);
	return applied(session, component);
}


std::vector<int> Migrator::applied(Poco::Data::Session& session, const std::string& component)
{
	std::vector<int> versions;
	session << "SELECT version FROM schema_migrations WHERE component = ? ORDER BY version", useRef(component),
		into(versions), now;
	return versions;
}


std::vector<std::string> Migrator::statements(const std::string& script)
{
	std::vector<std::string> result;
	std::istringstream in(script);
	std::string line;
	std::string current;
	while (std::getline(in, line))
	{
		std::string trimmed = Poco::trim(line);
		if (trimmed.empty() || trimmed.compare(0, 2, "--") == 0) continue;
		current += line;
		current += '\n';
		if (trimmed.back() == ';')
		{
			current = Poco::trim(current);
			current.pop_back();
			result.push_back(current);
			current.clear();
		}
	}
	if (!Poco::trim(current).empty()) result.push_back(Poco::trim(current));
	return result;
}


std::map<int, std::string> Migrator::files(const std::string& directory)
{
	Poco::File folder(directory);
	if (!folder.exists() || !folder.isDirectory()) throw MigrationException("no migration folder", directory);
	std::map<int, std::string> result;
	for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
	{
		const std::string name = it.name();
		if (!it->isFile() || name.size() < 6 || name.substr(name.size() - 4) != ".sql") continue;
		int version = 0;
		const std::string::size_type underscore = name.find('_');
		if (underscore == std::string::npos || !Poco::NumberParser::tryParse(name.substr(0, underscore), version) ||
			version <= 0)
			throw MigrationException("migration file name must start with a positive number and '_'", it->path());
		if (!result.emplace(version, it->path()).second)
			throw MigrationException("two migration files share a number", it->path());
	}
	return result;
}


int Migrator::apply(const std::string& component, const std::string& directory)
{
	const std::map<int, std::string> files = Migrator::files(directory);

	// Everything below on one session, under the migration lock: an
	// instance started at the same moment waits here, then finds these
	// versions recorded and applies nothing twice.
	Poco::Data::Session session = _database.session();
	const bool sqlite = _database.dialect() == "sqlite";
	std::unique_ptr<MigrationLock> lock;
	try
	{
		lock = std::make_unique<MigrationLock>(session, _database.dialect());
	}
	catch (Poco::Exception& exc)
	{
		throw MigrationException(component + ": waiting for the migration lock: " + exc.displayText());
	}
	ensureTable(session);
	const std::vector<int> done = applied(session, component);
	const std::set<int> doneSet(done.begin(), done.end());
	int count = 0;
	for (const auto& [version, path]: files)
	{
		if (doneSet.count(version)) continue;
		std::string script;
		{
			Poco::FileInputStream in(path);
			Poco::StreamCopier::copyToString(in, script);
		}
		const std::string name = Poco::Path(path).getFileName();
		// MySQL commits each CREATE TABLE at once: the tables a failing
		// file created are dropped again, so that it leaves no trace there
		// either and a retry starts from the same place.
		const std::set<std::string> tablesBefore = tables(session);
		try
		{
			// SQLite: one savepoint per file inside the lock's transaction;
			// MySQL: a transaction per file (the lock is not one).
			session << (sqlite ? "SAVEPOINT migration_file" : "START TRANSACTION"), now;
			for (const std::string& statement: statements(script))
				session << statement, now;
			std::string at = erp::Instant::now();
			session << "INSERT INTO schema_migrations (component, version, name, applied_at) VALUES (?, ?, ?, ?)",
				useRef(component), useRef(version), useRef(name), use(at), now;
			session << (sqlite ? "RELEASE migration_file" : "COMMIT"), now;
		}
		catch (Poco::Exception& exc)
		{
			try
			{
				if (sqlite)
					session << "ROLLBACK TO migration_file", now;
				else
					session << "ROLLBACK", now;
				dropTablesSince(session, tablesBefore);
				// The files before this one stay applied.
				lock->release();
			}
			catch (Poco::Exception&)
			{
				// The migration's own error is the one to report.
			}
			throw MigrationException(component + "/" + name + ": " + exc.displayText());
		}
		++count;
	}
	lock->release();
	return count;
}


} // namespace host
