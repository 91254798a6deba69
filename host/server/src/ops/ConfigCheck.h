//
// ConfigCheck.h
//


#ifndef Host_ConfigCheck_INCLUDED
#define Host_ConfigCheck_INCLUDED


#include <Poco/Util/AbstractConfiguration.h>
#include <string>
#include <vector>


namespace host {


class ConfigCheck
/// erp-host --check-config: the checks the host makes at start, without
/// starting and without changing anything (no database file created, no
/// migration, no user written). Each problem is one line naming its key;
/// all are collected, not only the first.
///
/// Checked: database.connector and database.connection (SQLite: the file
/// opens read-only, or its folder exists for a first start; MySQL: a
/// connection opens), database.pool.max, business.timezone, users.*
/// (as at start), http.* (ranges, TLS certificate and key), metrics.listen,
/// health.scheduler_grace_seconds, logging.format, plugins.directory (each
/// plugin folder's manifest), host.schema.directory. A plugin's own section
/// (reminders.*) is checked when the plugin starts.
{
public:
	ConfigCheck(const Poco::Util::AbstractConfiguration& config, const std::string& schemaDirectory);
	/// schemaDirectory: the default of host.schema.directory.

	std::vector<std::string> problems() const;

	std::vector<std::string> notes() const;
	/// What was found good, for the "ok" answer (the dialect, users, plugins).

private:
	void check(std::vector<std::string>& problems, std::vector<std::string>& notes) const;

	const Poco::Util::AbstractConfiguration& _config;
	std::string _schemaDirectory;
};


} // namespace host


#endif // Host_ConfigCheck_INCLUDED
