//
// SessionRecoveryTest.cpp
//


#include "TestHost.h"
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <cppunit/extensions/HelperMacros.h>
#include <string>
#include <vector>


using namespace Poco::Data::Keywords;
using tests::TestHost;


class SessionRecoveryTest: public CppUnit::TestFixture
/// Pooled MySQL/MariaDB sessions whose connections the server ended (as a
/// restart, a network cut or wait_timeout does) are checked before use and
/// replaced: no caller gets a dead one. Deterministic: the test ends the
/// connections itself with KILL CONNECTION. On SQLite, a file, there is no
/// connection to lose and the test passes at once.
{
	CPPUNIT_TEST_SUITE(SessionRecoveryTest);
	CPPUNIT_TEST(testDeadPooledConnectionsAreReplaced);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDeadPooledConnectionsAreReplaced()
	{
		if (TestHost::dialect() != "mysql") return;
		Poco::TemporaryFile temporary;
		Poco::File(temporary.path()).createDirectories();
		std::unique_ptr<host::SqlDatabase> database = TestHost::openDatabase(temporary.path(), 4);
		std::unique_ptr<host::SqlDatabase> server = TestHost::openDatabase(temporary.path(), 1);

		// Three connections, idle in the pool afterwards.
		std::vector<Poco::Int64> killed;
		{
			std::vector<Poco::Data::Session> held;
			for (int i = 0; i < 3; ++i)
			{
				held.push_back(database->session());
				killed.push_back(connectionId(held.back()));
			}
		}
		{
			Poco::Data::Session session = server->session();
			for (Poco::Int64 id: killed)
				session << "KILL CONNECTION " + std::to_string(id), now;
		}

		// Three sessions at once, each on a live connection of its own.
		std::vector<Poco::Data::Session> fresh;
		std::vector<Poco::Int64> ids;
		for (int i = 0; i < 3; ++i)
		{
			fresh.push_back(database->session());
			const Poco::Int64 id = connectionId(fresh.back());
			CPPUNIT_ASSERT_MESSAGE("connection " + std::to_string(id) + " was killed",
								   std::find(killed.begin(), killed.end(), id) == killed.end());
			ids.push_back(id);
		}
		std::sort(ids.begin(), ids.end());
		CPPUNIT_ASSERT(std::unique(ids.begin(), ids.end()) == ids.end());
	}

private:
	static Poco::Int64 connectionId(Poco::Data::Session& session)
	{
		Poco::Int64 id = 0;
		session << "SELECT CONNECTION_ID()", into(id), now;
		return id;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SessionRecoveryTest, "host");
