//
// TestMariaDb.h
//


#ifndef Tests_TestMariaDb_INCLUDED
#define Tests_TestMariaDb_INCLUDED


#include <string>


namespace tests {


class TestMariaDb
/// The throwaway MariaDB server of scripts/mariadb-test-server, named by
/// the environment (ERP_TEST_MARIADB=<its folder>, which holds its port):
/// fresh databases for the tests, each with its own name.
{
public:
	static bool enabled();
	/// True when ERP_TEST_MARIADB is set and not empty.

	static std::string createDatabase();
	/// Creates an empty database with the server's defaults (the host must
	/// set its own character set) and returns its name.

	static void dropDatabase(const std::string& name);
	/// Drops it; errors are ignored (the server may be gone already).

	static std::string connection(const std::string& database);
	/// A Poco MySQL connection string to `database` as the test user.
	/// Deliberately without character-set: the host sets it.

private:
	static int port();
	static void execute(const std::string& statement);
};


} // namespace tests


#endif // Tests_TestMariaDb_INCLUDED
