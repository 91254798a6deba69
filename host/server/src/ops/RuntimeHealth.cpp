//
// RuntimeHealth.cpp
//


#include "ops/RuntimeHealth.h"
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <cerrno>
#include <cstring>
#include <sqlite3.h>
#include <sys/stat.h>


using namespace Poco::Data::Keywords;


namespace host {


RuntimeHealth::RuntimeHealth(erp::Database& database, const std::string& sqliteFile, PluginManager& plugins,
							 TaskScheduler& scheduler, erp::Clock& clock, int graceSeconds):
	_database(database),
	_sqliteFile(sqliteFile),
	_plugins(plugins),
	_scheduler(scheduler),
	_clock(clock),
	_graceSeconds(graceSeconds)
{
	struct stat status;
	if (!_sqliteFile.empty() && ::stat(_sqliteFile.c_str(), &status) == 0)
	{
		_device = status.st_dev;
		_inode = status.st_ino;
	}
}


void RuntimeHealth::schedulerStarted(bool started)
{
	_started = started;
}


void RuntimeHealth::schedulerExpected(bool expected)
{
	_expected = expected;
}


std::string RuntimeHealth::readSqliteFile(const std::string& file)
{
	sqlite3* db = nullptr;
	int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
	std::string problem;
	if (rc == SQLITE_OK)
	{
		sqlite3_busy_timeout(db, 5000);
		rc = sqlite3_exec(db, "SELECT COUNT(*) FROM schema_migrations", nullptr, nullptr, nullptr);
	}
	if (rc != SQLITE_OK) problem = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	sqlite3_close(db);
	return problem;
}


std::string RuntimeHealth::databaseProblem()
{
	try
	{
		Poco::Data::Session session = _database.session();
		int migrations = 0;
		session << "SELECT COUNT(*) FROM schema_migrations", into(migrations), now;
	}
	catch (Poco::Exception& exc)
	{
		return exc.displayText();
	}
	catch (std::exception& exc)
	{
		return exc.what();
	}
	if (_sqliteFile.empty()) return "";
	struct stat status;
	if (::stat(_sqliteFile.c_str(), &status) != 0)
		return "the database file " + _sqliteFile + " is gone: " + std::strerror(errno);
	if (status.st_dev != _device || status.st_ino != _inode)
		return "the database file " + _sqliteFile +
			   " is not the one the host opened (moved away or replaced): restart the host to use it";
	return readSqliteFile(_sqliteFile);
}


std::vector<HealthSource::Plugin> RuntimeHealth::plugins()
{
	std::vector<Plugin> result;
	for (const PluginManager::Status& status: _plugins.status())
		result.push_back({status.id.empty() ? status.directory : status.id,
						  status.running ? "running" : (status.disabled ? "disabled" : "refused"), status.reason});
	return result;
}


bool RuntimeHealth::schedulerEnabled()
{
	return _expected;
}


std::string RuntimeHealth::schedulerProblem()
{
	if (!_started) return "its timer thread is not running";
	const Poco::Timestamp now = _clock.now();
	const Poco::Timestamp::TimeDiff grace = static_cast<Poco::Timestamp::TimeDiff>(_graceSeconds) * 1000 * 1000;
	const std::vector<TaskScheduler::TaskInfo> tasks = _scheduler.tasks();
	for (const TaskScheduler::TaskInfo& task: tasks)
		if (task.running) return "";
	for (const TaskScheduler::TaskInfo& task: tasks)
		if (task.nextRun && *task.nextRun + grace < now)
			return "the task " + task.name + " is overdue by " +
				   std::to_string(static_cast<long long>((now - *task.nextRun) / 1000000)) + " s";
	return "";
}


} // namespace host
