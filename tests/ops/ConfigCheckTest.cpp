//
// ConfigCheckTest.cpp
//


#include "ops/ConfigCheck.h"
#include "TestHost.h"
#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>


namespace tests {


class ConfigCheckTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ConfigCheckTest);
	CPPUNIT_TEST(testGoodConfiguration);
	CPPUNIT_TEST(testEveryProblemNamed);
	CPPUNIT_TEST(testNothingCreated);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_folder = std::make_unique<Poco::TemporaryFile>();
		Poco::File(_folder->path()).createDirectories();
		_config = new Poco::Util::MapConfiguration;
		_config->setString("database.connector", "sqlite");
		_config->setString("database.connection", _folder->path() + "/erp.sqlite");
		_config->setString("plugins.directory", TestHost::remindersPluginsDirectory());
		_config->setString("host.schema.directory", TestHost::buildDirectory() + "/share/erp-host/sql");
		_config->setString("business.timezone", "Europe/Athens");
		_config->setString("users.admin.role", "admin");
		_config->setString("users.admin.token", TestHost::ADMIN);
	}

	void tearDown() override
	{
		_config = nullptr;
		_folder.reset();
	}

	std::string joined(const std::vector<std::string>& lines)
	{
		std::string text;
		for (const std::string& line: lines)
			text += line + "\n";
		return text;
	}

	void testGoodConfiguration()
	{
		host::ConfigCheck check(*_config, "");
		CPPUNIT_ASSERT_EQUAL(std::string(), joined(check.problems()));
		const std::string notes = joined(check.notes());
		CPPUNIT_ASSERT_MESSAGE(notes, notes.find("created at the first start") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(notes, notes.find("plugins: reminders") != std::string::npos);
		// An existing host database reads too.
		TestHost host(TestHost::remindersPluginsDirectory(), false);
		_config->setString("database.connector", TestHost::dialect());
		_config->setString("database.connection", TestHost::databaseFor(host.folder()));
		CPPUNIT_ASSERT_EQUAL(std::string(), joined(host::ConfigCheck(*_config, "").problems()));
	}

	void testEveryProblemNamed()
	{
		_config->setString("business.timezone", "Europe/Atlantis");
		_config->setString("users.maria.role", "boss");
		_config->setString("http.threads", "0");
		_config->setString("http.timeout_seconds", "ten");
		_config->setString("http.tls.certificate", _folder->path() + "/missing.pem");
		_config->setString("http.tls.key", _folder->path() + "/missing.key");
		_config->setString("metrics.listen", "127.0.0.1:notaport");
		_config->setString("logging.format", "xml");
		_config->setString("database.pool.max", "0");
		_config->setString("plugins.directory", _folder->path() + "/no-plugins");
		const std::string problems = joined(host::ConfigCheck(*_config, "").problems());
		for (const std::string key: {"business.timezone", "users.maria.role", "http.timeout_seconds", "metrics.listen",
									 "logging.format", "database.pool.max", "plugins.directory"})
			CPPUNIT_ASSERT_MESSAGE(key + " not in:\n" + problems, problems.find(key) != std::string::npos);
		_config->setString("http.timeout_seconds", "10");
		const std::string second = joined(host::ConfigCheck(*_config, "").problems());
		CPPUNIT_ASSERT_MESSAGE(second, second.find("http.threads") != std::string::npos);
		_config->setString("http.threads", "4");
		const std::string third = joined(host::ConfigCheck(*_config, "").problems());
		CPPUNIT_ASSERT_MESSAGE(third, third.find("http.tls.certificate") != std::string::npos);

		_config->setString("database.pool.max", "4");
		_config->setString("database.connection", _folder->path() + "/no-such-folder/erp.sqlite");
		const std::string database = joined(host::ConfigCheck(*_config, "").problems());
		CPPUNIT_ASSERT_MESSAGE(database, database.find("database.connection") != std::string::npos);
		_config->setString("database.connector", "oracle");
		const std::string connector = joined(host::ConfigCheck(*_config, "").problems());
		CPPUNIT_ASSERT_MESSAGE(connector,
							   connector.find("database.connector must be sqlite or mysql") != std::string::npos);
	}

	void testNothingCreated()
	{
		host::ConfigCheck(*_config, "").problems();
		CPPUNIT_ASSERT(!Poco::File(_folder->path() + "/erp.sqlite").exists());
		// Not a database: said, and left as it was.
		const std::string file = _folder->path() + "/not-a-database";
		{
			Poco::FileOutputStream out(file);
			out << std::string(2048, 'x');
		}
		_config->setString("database.connection", file);
		const std::string problems = joined(host::ConfigCheck(*_config, "").problems());
		CPPUNIT_ASSERT_MESSAGE(problems, problems.find("does not read as the host's database") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(Poco::File::FileSize(2048), Poco::File(file).getSize());
	}

private:
	std::unique_ptr<Poco::TemporaryFile> _folder;
	Poco::AutoPtr<Poco::Util::MapConfiguration> _config;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConfigCheckTest, "ops");


} // namespace tests
