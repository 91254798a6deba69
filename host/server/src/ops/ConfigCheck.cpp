//
// ConfigCheck.cpp
//


#include "ops/ConfigCheck.h"
#include "HostClock.h"
#include "HttpFrontend.h"
#include "PluginManifest.h"
#include "SqlDatabase.h"
#include "UserDirectory.h"
#include "ops/LogSetup.h"
#include "ops/RuntimeHealth.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Path.h>
#include <functional>
#include <set>


namespace host {


ConfigCheck::ConfigCheck(const Poco::Util::AbstractConfiguration& config, const std::string& schemaDirectory):
	_config(config),
	_schemaDirectory(schemaDirectory)
{}


std::vector<std::string> ConfigCheck::problems() const
{
	std::vector<std::string> problems, notes;
	check(problems, notes);
	return problems;
}


std::vector<std::string> ConfigCheck::notes() const
{
	std::vector<std::string> problems, notes;
	check(problems, notes);
	return notes;
}


void ConfigCheck::check(std::vector<std::string>& problems, std::vector<std::string>& notes) const
{
	const auto integer = [this](const std::string& key, int fallback) {
		try
		{
			return _config.getInt(key, fallback);
		}
		catch (Poco::SyntaxException&)
		{
			throw Poco::InvalidArgumentException(key + " must be an integer, not " + _config.getString(key));
		}
	};
	const auto attempt = [&problems](const std::function<void()>& step) {
		try
		{
			step();
		}
		catch (Poco::Exception& exc)
		{
			problems.push_back(exc.message().empty() ? exc.displayText() : exc.message());
		}
		catch (std::exception& exc)
		{
			problems.push_back(exc.what());
		}
	};

	// The database: reachable, nothing written.
	const std::string connector = _config.getString("database.connector", "sqlite");
	attempt([&] {
		if (connector != "sqlite" && connector != "mysql")
			throw Poco::InvalidArgumentException("database.connector must be sqlite or mysql, not " + connector);
		if (!_config.has("database.connection") || _config.getString("database.connection").empty())
			throw Poco::InvalidArgumentException("database.connection is required");
		const std::string connection = _config.getString("database.connection");
		const int pool = integer("database.pool.max", 16);
		if (pool < 1 || pool > 1024)
			throw Poco::InvalidArgumentException("database.pool.max must be between 1 and 1024, not " +
												 std::to_string(pool));
		if (connector == "sqlite")
		{
			if (Poco::File(connection).exists())
			{
				const std::string problem = RuntimeHealth::readSqliteFile(connection);
				if (!problem.empty())
					throw Poco::IOException("database.connection: " + connection +
											" does not read as the host's "
											"database: " +
											problem);
				notes.push_back("database: SQLite " + connection);
			}
			else
			{
				const Poco::Path parent = Poco::Path(connection).makeParent();
				const Poco::File folder(parent.toString().empty() ? "." : parent.toString());
				if (!folder.exists() || !folder.isDirectory() || !folder.canWrite())
					throw Poco::IOException("database.connection: " + connection +
											" does not exist and its folder is not a writable folder");
				notes.push_back("database: SQLite " + connection + " (created at the first start)");
			}
		}
		else
		{
			SqlDatabase database(connector, connection, 1);
			notes.push_back("database: MySQL/MariaDB reachable");
		}
	});

	attempt([&] { HostClock(_config.getString("business.timezone", "UTC"), ""); });
	attempt([&] {
		UserDirectory::checkConfiguration(_config);
		Poco::Util::AbstractConfiguration::Keys users;
		_config.keys("users", users);
		notes.push_back("users: " + std::to_string(users.size()));
	});

	attempt([&] {
		HttpFrontend::Options http;
		http.address = _config.getString("http.address", http.address);
		http.port = integer("http.port", http.port);
		http.threads = integer("http.threads", http.threads);
		http.maxConnections = integer("http.max_connections", http.maxConnections);
		http.maxConnectionsPerClient = integer("http.max_connections_per_client", http.maxConnectionsPerClient);
		http.timeoutSeconds = integer("http.timeout_seconds", http.timeoutSeconds);
		http.tlsCertificate = _config.getString("http.tls.certificate", "");
		http.tlsKey = _config.getString("http.tls.key", "");
		http.tlsMinVersion = _config.getString("http.tls.min_version", http.tlsMinVersion);
		try
		{
			Poco::Net::SocketAddress(http.address, static_cast<Poco::UInt16>(http.port));
		}
		catch (Poco::Exception& exc)
		{
			throw Poco::InvalidArgumentException("http.address: " + exc.displayText());
		}
		HttpFrontend::checkOptions(http);
	});

	attempt([&] {
		if (!_config.has("metrics.listen")) return;
		try
		{
			Poco::Net::SocketAddress(_config.getString("metrics.listen"));
		}
		catch (Poco::Exception& exc)
		{
			throw Poco::InvalidArgumentException("metrics.listen must be ADDRESS:PORT (e.g. 127.0.0.1:9464): " +
												 exc.displayText());
		}
	});
	attempt([&] {
		const int grace = integer("health.scheduler_grace_seconds", 300);
		if (grace < 1) throw Poco::InvalidArgumentException("health.scheduler_grace_seconds must be at least 1");
	});
	attempt([&] {
		const std::string problem = LogSetup::formatProblem(_config);
		if (!problem.empty()) throw Poco::InvalidArgumentException(problem);
	});

	attempt([&] {
		const std::string schema = _config.getString("host.schema.directory", _schemaDirectory);
		const std::string dialect = connector == "mysql" ? "mysql" : "sqlite";
		const Poco::File folder(Poco::Path(schema, dialect).toString());
		if (!folder.exists() || !folder.isDirectory())
			throw Poco::FileNotFoundException("host.schema.directory: no folder " + folder.path());
	});

	attempt([&] {
		const std::string directory = _config.getString("plugins.directory", "plugins");
		const Poco::File folder(directory);
		if (!folder.exists() || !folder.isDirectory())
			throw Poco::FileNotFoundException("plugins.directory: no folder " + directory);
		std::set<std::string> found;
		for (Poco::DirectoryIterator it(directory), end; it != end; ++it)
			if (it->isDirectory()) found.insert(it.name());
		std::string ids;
		for (const std::string& name: found)
			try
			{
				ids += (ids.empty() ? "" : ", ") + PluginManifest::read(Poco::Path(directory, name).toString()).id;
			}
			catch (Poco::Exception& exc)
			{
				problems.push_back("plugins.directory: " + name + ": " + exc.displayText());
			}
		notes.push_back("plugins: " + (ids.empty() ? std::string("none") : ids));
	});
}


} // namespace host
