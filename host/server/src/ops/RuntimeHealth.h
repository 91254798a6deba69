//
// RuntimeHealth.h
//


#ifndef Host_RuntimeHealth_INCLUDED
#define Host_RuntimeHealth_INCLUDED


#include "PluginManager.h"
#include "TaskScheduler.h"
#include "erp/Clock.h"
#include "erp/Database.h"
#include "ops/HealthSource.h"
#include <atomic>
#include <string>


namespace host {


class RuntimeHealth: public HealthSource
/// HealthSource over the running host.
///
/// - database: a pooled session reads schema_migrations; with SQLite the
///   path must still name the file opened at the start (same device and
///   inode: a file removed, moved away or replaced under the running host
///   is not seen by the pool's open connections), and the file is opened
///   anew, read-only, and read;
/// - plugins: the plugin manager's list;
/// - scheduler: started, and no task waiting more than `graceSeconds` past
///   its due time while none runs (the timer thread would have started it).
{
public:
	RuntimeHealth(erp::Database& database, const std::string& sqliteFile, PluginManager& plugins,
				  TaskScheduler& scheduler, erp::Clock& clock, int graceSeconds);
	/// sqliteFile: the SQLite database file, empty for MySQL/MariaDB.

	void schedulerStarted(bool started);
	/// Whether the scheduler's timer thread should be running now.

	void schedulerExpected(bool expected);
	/// Whether this process runs a scheduler at all.

	std::string databaseProblem() override;
	std::vector<Plugin> plugins() override;
	bool schedulerEnabled() override;
	std::string schedulerProblem() override;

	static std::string readSqliteFile(const std::string& file);
	/// Empty when the file opens read-only and its schema_migrations reads;
	/// else SQLite's error.

private:
	erp::Database& _database;
	std::string _sqliteFile;
	PluginManager& _plugins;
	TaskScheduler& _scheduler;
	erp::Clock& _clock;
	int _graceSeconds;
	unsigned long long _device = 0; /// the SQLite file's, at the start
	unsigned long long _inode = 0;
	std::atomic<bool> _expected{false};
	std::atomic<bool> _started{false};
};


} // namespace host


#endif // Host_RuntimeHealth_INCLUDED
