//
// UserLifecycleTest.cpp
//
// Users from the configuration across restarts: one removed from the file
// is disabled (kept in the users table, its name still in the audit
// trail) and its token refused; a token changed in the file replaces the
// old one; only SHA-256 hashes are stored.
//


#include "TestHost.h"
#include "UserDirectory.h"
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <memory>
#include <string>
#include <vector>


using namespace Poco::Data::Keywords;
using tests::TestHost;


class UserLifecycleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(UserLifecycleTest);
	CPPUNIT_TEST(testRemovedUserIsDisabledAndRefused);
	CPPUNIT_TEST(testUserPutBackIsEnabledAgain);
	CPPUNIT_TEST(testTokenRotation);
	CPPUNIT_TEST(testOnlyHashesAreStored);
	CPPUNIT_TEST(testSameTokenForTwoUsersRefused);
	CPPUNIT_TEST(testConstantTimeCompare);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_folder = std::make_unique<Poco::TemporaryFile>();
		Poco::File(_folder->path()).createDirectories();
	}

	void tearDown() override
	{
		_host.reset();
		_folder.reset();
	}

	void testRemovedUserIsDisabledAndRefused()
	{
		// The issue's reproducer: bob (admin, token T) is removed from the
		// file; after a restart T gets 401 everywhere.
		start({{"users.bob.role", "admin"}, {"users.bob.token", BOB}});
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/audit", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", "/api/customers", R"({"name": "Bob's"})", BOB).status);

		start({});
		CPPUNIT_ASSERT_EQUAL(401, _host->call("GET", "/api/audit", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(401, _host->call("GET", "/api/customers", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(401, _host->call("POST", "/api/customers", R"({"name": "Again"})", BOB).status);
		CPPUNIT_ASSERT_EQUAL(401, _host->call("GET", "/api/plugins/reminders/settings", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(401, _host->call("POST", "/api/plugins/reminders/runs", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/audit").status);

		// Kept, disabled, and still the actor of what he did.
		CPPUNIT_ASSERT_EQUAL(std::string("disabled"), state("bob"));
		CPPUNIT_ASSERT_EQUAL(std::string("enabled"), state("admin"));
		CPPUNIT_ASSERT_EQUAL(1, scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'bob' AND action = "
									   "'customer.create'"));
		CPPUNIT_ASSERT_EQUAL(1, scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.disable' AND "
									   "entity_id = 'bob'"));
	}

	void testUserPutBackIsEnabledAgain()
	{
		start({{"users.bob.role", "accountant"}, {"users.bob.token", BOB}});
		start({});
		CPPUNIT_ASSERT_EQUAL(401, _host->call("GET", "/api/customers", "", BOB).status);
		start({{"users.bob.role", "accountant"}, {"users.bob.token", BOB}});
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/customers", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(std::string("enabled"), state("bob"));
		// A restart with nothing changed audits nothing.
		const int entries = scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'user'");
		start({{"users.bob.role", "accountant"}, {"users.bob.token", BOB}});
		CPPUNIT_ASSERT_EQUAL(entries, scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'user'"));
	}

	void testTokenRotation()
	{
		start({{"users.bob.role", "admin"}, {"users.bob.token", BOB}});
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", "/api/customers", R"({"name": "Before"})", BOB).status);
		start({{"users.bob.role", "admin"}, {"users.bob.token", BOB_NEW}});
		CPPUNIT_ASSERT_EQUAL(401, _host->call("GET", "/api/customers", "", BOB).status);
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", "/api/customers", R"({"name": "After"})", BOB_NEW).status);
		CPPUNIT_ASSERT_EQUAL(2, scalar("SELECT COUNT(*) FROM audit_log WHERE actor = 'bob' AND action = "
									   "'customer.create'"));
		CPPUNIT_ASSERT_EQUAL(1, scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.token.rotate' AND "
									   "entity_id = 'bob'"));
		CPPUNIT_ASSERT_EQUAL(1, scalar("SELECT COUNT(*) FROM users WHERE name = 'bob'"));
	}

	void testOnlyHashesAreStored()
	{
		start({{"users.bob.role", "admin"}, {"users.bob.token", BOB}});
		Poco::Data::Session session = _host->runtime().database().session();
		std::string stored;
		session << "SELECT token_sha256 FROM users WHERE name = 'bob'", into(stored), now;
		CPPUNIT_ASSERT_EQUAL(host::UserDirectory::hash(BOB), stored);
		CPPUNIT_ASSERT_EQUAL(std::size_t(64), stored.size());
		// The SHA-256 of "abc" (FIPS 180-2): the hash is the standard one.
		CPPUNIT_ASSERT_EQUAL(std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
							 host::UserDirectory::hash("abc"));
		int plain = 0;
		const std::string token = BOB;
		session << "SELECT COUNT(*) FROM users WHERE token_sha256 = ? OR name = ? OR role = ?", useRef(token),
			useRef(token), useRef(token), into(plain), now;
		CPPUNIT_ASSERT_EQUAL(0, plain);
	}

	void testSameTokenForTwoUsersRefused()
	{
		try
		{
			start({{"users.bob.role", "admin"}, {"users.bob.token", TestHost::ACCOUNTANT}});
			CPPUNIT_FAIL("two users with one token were accepted");
		}
		catch (Poco::InvalidArgumentException& exc)
		{
			CPPUNIT_ASSERT_MESSAGE(exc.displayText(), exc.message().find("users.bob.token") != std::string::npos);
		}
	}

	void testConstantTimeCompare()
	{
		CPPUNIT_ASSERT(host::UserDirectory::equalInConstantTime("abc", "abc"));
		CPPUNIT_ASSERT(!host::UserDirectory::equalInConstantTime("abc", "abd"));
		CPPUNIT_ASSERT(!host::UserDirectory::equalInConstantTime("abc", "ab"));
		CPPUNIT_ASSERT(!host::UserDirectory::equalInConstantTime("", "a"));
		CPPUNIT_ASSERT(host::UserDirectory::equalInConstantTime("", ""));
	}

private:
	void start(const std::map<std::string, std::string>& extra)
	/// (Re)starts the host on the same database with these extra keys.
	{
		_host.reset();
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true, _folder->path(), extra);
	}

	int scalar(const std::string& sql)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		int value = 0;
		session << sql, into(value), now;
		return value;
	}

	std::string state(const std::string& name)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		int disabled = 0;
		std::string who = name;
		session << "SELECT COUNT(*) FROM users WHERE name = ? AND disabled_at IS NOT NULL", useRef(who), into(disabled),
			now;
		return disabled ? "disabled" : "enabled";
	}

	static const std::string BOB;
	static const std::string BOB_NEW;
	std::unique_ptr<Poco::TemporaryFile> _folder;
	std::unique_ptr<TestHost> _host;
};


const std::string UserLifecycleTest::BOB = "bob-token-for-tests-00000001";
const std::string UserLifecycleTest::BOB_NEW = "bob-token-for-tests-00000002";


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(UserLifecycleTest, "host_door");
