//
// HostApplication.h
//


#ifndef Host_HostApplication_INCLUDED
#define Host_HostApplication_INCLUDED


#include <Poco/Util/ServerApplication.h>
#include <string>


namespace host {


class HostApplication: public Poco::Util::ServerApplication
/// erp-host: serves the API until SIGTERM/SIGINT (SIGHUP re-opens the log
/// files), or runs one task (--run-task) and exits with its outcome, or
/// checks the configuration (--check-config), or backs up a SQLite
/// database (--backup).
{
protected:
	void initialize(Poco::Util::Application& self) override;
	void defineOptions(Poco::Util::OptionSet& options) override;
	void handleOption(const std::string& name, const std::string& value) override;
	int main(const std::vector<std::string>& args) override;

private:
	void help();
	int checkConfiguration();
	bool logsToConsole();
	/// Whether the log goes to the terminal (then an error is printed once, not logged too).
	int backup();
	int copyDatabase();
	/// --copy-database: the configured database into the named one (DatabaseCopy).

	bool _helpRequested = false;
	bool _hashPassword = false;
	std::string _passwordUser;
	bool _force = false;
	std::string _task;
	std::string _today;
	bool _checkConfig = false;
	std::string _backup;
	std::string _copyTo;
	std::string _copyConnector = "mysql";
};


} // namespace host


#endif // Host_HostApplication_INCLUDED
