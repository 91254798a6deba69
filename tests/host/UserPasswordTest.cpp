//
// UserPasswordTest.cpp
//
// Passwords in the users' configuration: only an Argon2id hash is taken
// (named in the error otherwise), checkPassword() accepts the enabled
// user's own password only, a new hash ends the user's sessions and is
// audited, a disabled user's hash is gone.
//


#include "PasswordHasher.h"
#include "TestHost.h"
#include "UserDirectory.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Nullable.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>


using namespace Poco::Data::Keywords;
using tests::TestHost;


class UserPasswordTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(UserPasswordTest);
	CPPUNIT_TEST(testOnlyHashesAreTaken);
	CPPUNIT_TEST(testCheckPassword);
	CPPUNIT_TEST(testNewHashEndsSessions);
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

	void testOnlyHashesAreTaken()
	{
		try
		{
			start({{"users.maria.password_hash", "my plain password"}});
			CPPUNIT_FAIL("a plain password was taken");
		}
		catch (Poco::InvalidArgumentException& exc)
		{
			CPPUNIT_ASSERT(exc.message().find("users.maria.password_hash") != std::string::npos);
		}
		start({{"users.maria.password_hash", hash("first password")}});
		Poco::Data::Session session = _host->runtime().database().session();
		std::string stored;
		session << "SELECT password_hash FROM users WHERE name = 'maria'", into(stored), now;
		CPPUNIT_ASSERT(host::PasswordHasher::verify(stored, "first password"));
		CPPUNIT_ASSERT(stored.find("first password") == std::string::npos);
	}

	void testCheckPassword()
	{
		start({{"users.maria.password_hash", hash("first password")}});
		host::UserDirectory users(_host->runtime().database());
		users.bootstrap(*config({{"users.maria.password_hash", hash("first password")}}));
		auto maria = users.checkPassword("maria", "first password");
		CPPUNIT_ASSERT(maria && maria->name == "maria" && maria->role == erp::Role::ACCOUNTANT);
		CPPUNIT_ASSERT(!users.checkPassword("maria", "first passwore"));
		CPPUNIT_ASSERT(!users.checkPassword("maria", ""));
		// admin has no password: the web interface is closed to it.
		CPPUNIT_ASSERT(!users.checkPassword("admin", ""));
		CPPUNIT_ASSERT(!users.checkPassword("admin", TestHost::ADMIN));
		CPPUNIT_ASSERT(!users.checkPassword("nobody", "first password"));
		CPPUNIT_ASSERT(users.find("admin") && !users.find("nobody"));
	}

	void testNewHashEndsSessions()
	{
		start({{"users.maria.password_hash", hash("first password")}});
		{
			// Given back before the host (and its pool) goes.
			Poco::Data::Session session = _host->runtime().database().session();
			session << "INSERT INTO sessions (id_sha256, user_name, created_at, last_seen_at, expires_at) VALUES "
					   "('a', 'maria', 'x', 'x', 'x'), ('b', 'admin', 'x', 'x', 'x')",
				now;
		}
		start({{"users.maria.password_hash", hash("second password")}});
		CPPUNIT_ASSERT_EQUAL(0, scalar("SELECT COUNT(*) FROM sessions WHERE user_name = 'maria'"));
		CPPUNIT_ASSERT_EQUAL(1, scalar("SELECT COUNT(*) FROM sessions WHERE user_name = 'admin'"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("user.password.change", "maria"));
		// The same hash again changes nothing.
		const std::string same = hash("third password");
		start({{"users.maria.password_hash", same}});
		start({{"users.maria.password_hash", same}});
		CPPUNIT_ASSERT_EQUAL(2, _host->auditCount("user.password.change", "maria"));
		// Without a hash: removed, audited.
		start({});
		CPPUNIT_ASSERT_EQUAL(1, scalar("SELECT COUNT(*) FROM users WHERE name = 'maria' AND password_hash IS NULL"));
		CPPUNIT_ASSERT_EQUAL(3, _host->auditCount("user.password.change", "maria"));
	}

private:
	static std::string hash(const std::string& password)
	{
		return host::PasswordHasher::hash(password);
	}

	void start(const std::map<std::string, std::string>& extra)
	{
		_host.reset();
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), false, _folder->path(), extra);
	}

	Poco::AutoPtr<Poco::Util::MapConfiguration> config(const std::map<std::string, std::string>& extra)
	{
		Poco::AutoPtr<Poco::Util::MapConfiguration> result = new Poco::Util::MapConfiguration;
		result->setString("users.admin.role", "admin");
		result->setString("users.admin.token", TestHost::ADMIN);
		result->setString("users.maria.role", "accountant");
		result->setString("users.maria.token", TestHost::ACCOUNTANT);
		for (const auto& [key, value]: extra)
			result->setString(key, value);
		return result;
	}

	int scalar(const std::string& sql)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		int value = 0;
		session << sql, into(value), now;
		return value;
	}

	std::unique_ptr<Poco::TemporaryFile> _folder;
	std::unique_ptr<TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(UserPasswordTest, "web");
