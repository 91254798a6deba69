//
// TestHost.h
//


#ifndef Tests_TestHost_INCLUDED
#define Tests_TestHost_INCLUDED


#include "HostRuntime.h"
#include "SqlDatabase.h"
#include <Poco/AutoPtr.h>
#include <Poco/JSON/Object.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <map>
#include <memory>
#include <string>


namespace tests {


struct Reply
{
	int status = 0;
	std::string body;
	Poco::Dynamic::Var json;

	Poco::JSON::Object::Ptr object() const;
	/// The body as a JSON object (fails the test when it is not one).
	std::string errorField() const;
	std::string errorCode() const;
};


class TestHost
/// A real reference host in this process: a fresh database, the configured
/// plugin folder, the HTTP API on a free loopback port, and two users
/// ("admin", "maria" the accountant).
///
/// The database is a SQLite file in a temporary folder, or, when the
/// environment names a running test server (ERP_TEST_MARIADB=<folder of
/// scripts/mariadb-test-server>), a fresh MariaDB database on it: one
/// parameter switches every test that goes through this class.
{
public:
	static const std::string ADMIN;
	static const std::string ACCOUNTANT;

	explicit TestHost(const std::string& pluginsDirectory, bool http = true, const std::string& folder = "",
					  const std::map<std::string, std::string>& extra = {});
	/// `folder`: reuse a database folder (to test restarts); empty: a new one.
	/// `extra`: more configuration keys, e.g. {"reminders.retry.attempts", "2"}.

	~TestHost();

	host::HostRuntime& runtime();
	const std::string& folder() const;

	Reply call(const std::string& method, const std::string& path, const std::string& body = "",
			   const std::string& token = ADMIN);

	Poco::Int64 createCustomer(const std::string& name, const std::string& email, const std::string& extra = "");
	/// Creates a customer through the API and returns its id (asserts 201).
	Poco::Int64 createInvoice(Poco::Int64 customerId, const std::string& number, const std::string& total,
							  const std::string& extra = "");
	/// Creates an EUR invoice issued 2026-10-01, due 2026-10-31 (asserts 201);
	/// issue_date, due_date or currency in `extra` replace these.

	int auditCount(const std::string& action, const std::string& entityId = "");

	static std::string dialect();
	/// "mysql" when ERP_TEST_MARIADB is set, else "sqlite".
	static std::string databaseFor(const std::string& folder);
	/// The database.connection for a test database kept in `folder`: the
	/// SQLite file there, or a MariaDB database created on first use (its
	/// name kept in the folder, dropped when the test process ends).
	static std::unique_ptr<host::SqlDatabase> openDatabase(const std::string& folder, int maxSessions = 2);
	/// A database of the test dialect for `folder` (see databaseFor).
	static bool tableExists(erp::Database& database, const std::string& table);
	/// In the current database, either dialect.

	static std::string buildDirectory();
	/// The CMake build folder (compiled in).
	static std::string remindersPluginsDirectory();
	/// <build>/plugins: holds the real reminders plugin.
	static std::string testPluginsDirectory();
	static std::string screenPluginsDirectory();
	/// The reminders plugin beside the test plugin "shelf" (tests/plugins/ShelfPlugin.cpp).
	/// <build>/test-plugins: the deliberately broken plugins.

private:
	std::unique_ptr<Poco::TemporaryFile> _temporary;
	std::string _ownedDatabase; /// dropped by the destructor (MariaDB)
	std::string _folder;
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
	std::unique_ptr<host::HostRuntime> _runtime;
};


} // namespace tests


#endif // Tests_TestHost_INCLUDED
