//
// HostApplication.cpp
//


#include "HostApplication.h"
#include "DatabaseCopy.h"
#include "HostClock.h"
#include "HostRuntime.h"
#include "PasswordPrompt.h"
#include "ProgressLine.h"
#include "ops/ConfigCheck.h"
#include "ops/HangupListener.h"
#include "ops/LogSetup.h"
#include "ops/ReopenableFileChannel.h"
#include "ops/SqliteBackup.h"
#include <Poco/ConsoleChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <iostream>
#include <unistd.h>


namespace host {


void HostApplication::defineOptions(Poco::Util::OptionSet& options)
{
	ServerApplication::defineOptions(options);
	options.addOption(Poco::Util::Option("help", "h", "print this help and exit").required(false).repeatable(false));
	options.addOption(Poco::Util::Option("config", "c", "read the configuration (properties) from FILE")
						  .required(false)
						  .repeatable(false)
						  .argument("FILE"));
	options.addOption(Poco::Util::Option("run-task", "t", "run the named task once, then exit (status 70 if it failed)")
						  .required(false)
						  .repeatable(false)
						  .argument("NAME"));
	options.addOption(Poco::Util::Option("today", "d", "act as if the business date were DATE (YYYY-MM-DD)")
						  .required(false)
						  .repeatable(false)
						  .argument("DATE"));
	options.addOption(
		Poco::Util::Option("force", "f", "with --run-task: repeat work already done (audited)").required(false));
	options.addOption(Poco::Util::Option("hash-password", "",
										 "read a password from standard input, print its users.NAME.password_hash "
										 "line (or the hash alone without NAME), and exit")
						  .required(false)
						  .repeatable(false)
						  .argument("NAME", false));
	options.addOption(Poco::Util::Option("copy-database", "",
										 "copy the configured database, every plugin's tables included, into the "
										 "new, empty database CONNECTION (a MySQL/MariaDB connection string), "
										 "then exit")
						  .required(false)
						  .repeatable(false)
						  .argument("CONNECTION"));
	options.addOption(Poco::Util::Option("copy-database-connector", "",
										 "with --copy-database: the target's connector, mysql (the default) or "
										 "sqlite (CONNECTION is then a file)")
						  .required(false)
						  .repeatable(false)
						  .argument("CONNECTOR"));
	options.addOption(Poco::Util::Option("check-config", "",
										 "check the configuration (FILE, or the one of --config) without starting; "
										 "exit 0 when it is good, 78 with the problems")
						  .required(false)
						  .repeatable(false)
						  .argument("FILE", false));
	options.addOption(Poco::Util::Option("backup", "",
										 "SQLite: copy the database to FILE (online, consistent, while the host "
										 "serves), then exit")
						  .required(false)
						  .repeatable(false)
						  .argument("FILE"));
}


void HostApplication::initialize(Poco::Util::Application& self)
{
	// Before Poco reads logging.*: re-openable file channels, the JSON format.
	LogSetup::prepare(config());
	ServerApplication::initialize(self);
	try
	{
		LogSetup::applyFormat(config());
	}
	catch (Poco::Exception&)
	{
		// --check-config and the start say what is wrong with logging.format.
	}
}


void HostApplication::handleOption(const std::string& name, const std::string& value)
{
	ServerApplication::handleOption(name, value);
	if (name == "help")
	{
		_helpRequested = true;
		stopOptionsProcessing();
	}
	else if (name == "config")
		loadConfiguration(value);
	else if (name == "run-task")
		_task = value;
	else if (name == "today")
		_today = value;
	else if (name == "force")
		_force = true;
	else if (name == "check-config")
	{
		_checkConfig = true;
		if (!value.empty()) loadConfiguration(value);
	}
	else if (name == "backup")
		_backup = value;
	else if (name == "copy-database")
		_copyTo = value;
	else if (name == "copy-database-connector")
		_copyConnector = value;
	else if (name == "hash-password")
	{
		_hashPassword = true;
		_passwordUser = value;
	}
}


void HostApplication::help()
{
	Poco::Util::HelpFormatter formatter(options());
	formatter.setCommand(commandName());
	formatter.setUsage("--config=FILE [--run-task=NAME [--today=YYYY-MM-DD] [--force] | --copy-database=CONNECTION]");
	formatter.setHeader("The reference ERP host: customers, invoices, payments, an audit log, a JSON API and plugins.");
	formatter.format(std::cout);
}


int HostApplication::main(const std::vector<std::string>&)
{
	if (_helpRequested)
	{
		help();
		return Application::EXIT_OK;
	}
	if (_hashPassword) return PasswordPrompt::run(_passwordUser, std::cin, std::cout, std::cerr);
	if (_checkConfig) return checkConfiguration();
	if (!config().has("database.connection"))
	{
		std::cerr << "erp-host: no configuration: pass --config=FILE (see --help)" << std::endl;
		return Application::EXIT_CONFIG;
	}
	if (!_backup.empty()) return backup();
	const std::string logFormat = LogSetup::formatProblem(config());
	if (!logFormat.empty())
	{
		std::cerr << "erp-host: " << logFormat << std::endl;
		return Application::EXIT_CONFIG;
	}
	// SIGHUP re-opens the log files: blocked here, before any other thread
	// starts, and taken by the listener's thread alone.
	HangupListener::block();
	HangupListener hangup([this] {
		const int reopened = ReopenableFileChannel::reopenAll();
		logger().information("SIGHUP: %d log file(s) re-opened", reopened);
	});
	try
	{
		if (!_copyTo.empty()) return copyDatabase();
		if (!_task.empty() && !_today.empty())
		{
			// A task acts for a day that has begun: a later --today would send
			// that day's reminders now, with days overdue counted from a date
			// not yet reached, and use up its week's run. The preview answers
			// "what would go out" for a later day.
			const std::string zone = config().getString("business.timezone", "UTC");
			const std::string realToday = HostClock(zone).today();
			if (HostClock::isDate(_today) && _today > realToday)
			{
				std::cerr << "erp-host: --today=" << _today << " has not begun (today is " << realToday << " in "
						  << zone << "); a task acts only for today or an earlier day; nothing was done" << std::endl;
				return Application::EXIT_SOFTWARE;
			}
		}
		HostRuntime::Options options;
		options.fixedToday = _today;
		options.http = _task.empty();
		options.scheduler = _task.empty();
		HostRuntime runtime(config(), options);
		runtime.start();
		if (!_task.empty())
		{
			// How far the task has come, as it reports it: one line rewritten
			// in place on a terminal, a line per tenth in a log.
			ProgressLine progress(std::cout, ProgressLine::isTerminal(STDOUT_FILENO));
			const erp::TaskResult result = runtime.runTask(
				_task, _today, _force, "cli", [&progress](const erp::TaskProgress& report) { progress(report); });
			progress.finish();
			std::cout << (result.ok ? "ok: " : "failed: ") << result.summary << std::endl;
			runtime.stop();
			return result.ok ? Application::EXIT_OK : Application::EXIT_SOFTWARE;
		}
		waitForTerminationRequest();
		logger().information("shutting down");
		runtime.stop();
		return Application::EXIT_OK;
	}
	catch (Poco::Exception& exc)
	{
		// Once on the terminal: the log line only where the log goes elsewhere.
		if (!logsToConsole()) logger().fatal(exc.displayText());
		std::cerr << "erp-host: " << exc.displayText() << std::endl;
		return Application::EXIT_SOFTWARE;
	}
	catch (std::exception& exc)
	{
		if (!logsToConsole()) logger().fatal(exc.what());
		std::cerr << "erp-host: " << exc.what() << std::endl;
		return Application::EXIT_SOFTWARE;
	}
}


bool HostApplication::logsToConsole()
{
	Poco::Channel* channel = logger().getChannel();
	if (auto* formatting = dynamic_cast<Poco::FormattingChannel*>(channel)) channel = formatting->getChannel();
	return !channel || dynamic_cast<Poco::ConsoleChannel*>(channel) ||
		   dynamic_cast<Poco::ColorConsoleChannel*>(channel);
}


int HostApplication::checkConfiguration()
{
	const ConfigCheck check(config(), HostRuntime::defaultSchemaDirectory());
	const std::vector<std::string> problems = check.problems();
	for (const std::string& problem: problems)
		std::cerr << "erp-host: configuration: " << problem << std::endl;
	if (!problems.empty())
	{
		std::cerr << "erp-host: configuration: " << problems.size() << " problem(s)" << std::endl;
		return Application::EXIT_CONFIG;
	}
	std::cout << "configuration ok";
	for (const std::string& note: check.notes())
		std::cout << "; " << note;
	std::cout << std::endl;
	return Application::EXIT_OK;
}


int HostApplication::copyDatabase()
{
	const std::string connector = config().getString("database.connector", "sqlite");
	if (connector == _copyConnector && config().getString("database.connection") == _copyTo)
		throw Poco::InvalidArgumentException("--copy-database names the configured database itself");
	SqlDatabase source(connector, config().getString("database.connection"), 2);
	SqlDatabase target(_copyConnector, _copyTo, 2);
	const std::vector<DatabaseCopy::Table> tables =
		DatabaseCopy(source, target)
			.run(config().getString("host.schema.directory", HostRuntime::defaultSchemaDirectory()),
				 config().getString("plugins.directory", "plugins"));
	Poco::Int64 rows = 0;
	for (const DatabaseCopy::Table& table: tables)
	{
		std::cout << table.name << ": " << table.rows << " row(s)" << std::endl;
		rows += table.rows;
	}
	std::cout << "copied " << tables.size() << " tables, " << rows << " rows; the row counts match" << std::endl;
	return Application::EXIT_OK;
}


int HostApplication::backup()
{
	if (config().getString("database.connector", "sqlite") != "sqlite")
	{
		std::cerr << "erp-host: --backup copies a SQLite database; for MySQL/MariaDB use scripts/backup-mariadb "
					 "(mariadb-dump --single-transaction)"
				  << std::endl;
		return Application::EXIT_USAGE;
	}
	try
	{
		const SqliteBackup::Result result = SqliteBackup::run(config().getString("database.connection"), _backup);
		std::cout << "backup: " << _backup << " (" << result.pages << " pages, " << result.bytes
				  << " bytes, integrity ok)" << std::endl;
		return Application::EXIT_OK;
	}
	catch (Poco::Exception& exc)
	{
		std::cerr << "erp-host: backup failed: " << exc.message() << "; nothing written" << std::endl;
		return Application::EXIT_IOERR;
	}
}


} // namespace host
