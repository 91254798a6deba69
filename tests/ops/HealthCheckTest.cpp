//
// HealthCheckTest.cpp
//


#include "ops/HealthCheck.h"
#include <Poco/JSON/Parser.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>


namespace tests {


class FakeHealthSource: public host::HealthSource
{
public:
	std::string database;
	std::vector<Plugin> pluginList{{"reminders", "running", ""}, {"shelf", "disabled", ""}};
	bool scheduler = true;
	std::string schedulerTrouble;

	std::string databaseProblem() override
	{
		return database;
	}

	std::vector<Plugin> plugins() override
	{
		return pluginList;
	}

	bool schedulerEnabled() override
	{
		return scheduler;
	}

	std::string schedulerProblem() override
	{
		return schedulerTrouble;
	}
};


class HealthCheckTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HealthCheckTest);
	CPPUNIT_TEST(testHealthy);
	CPPUNIT_TEST(testDatabaseDown);
	CPPUNIT_TEST(testPluginRefused);
	CPPUNIT_TEST(testScheduler);
	CPPUNIT_TEST_SUITE_END();

public:
	static Poco::JSON::Object::Ptr parse(const erp::HttpResponse& response)
	{
		return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
	}

	void testHealthy()
	{
		FakeHealthSource source;
		host::HealthCheck health(source);
		const erp::HttpResponse plain = health.answer(false);
		CPPUNIT_ASSERT_EQUAL(200, plain.status);
		CPPUNIT_ASSERT_EQUAL(
			std::string(R"({"status":"ok","checks":{"database":"ok","plugins":"ok","scheduler":"ok"},"reasons":[]})"),
			plain.body);
		const Poco::JSON::Object::Ptr details = parse(health.answer(true));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders"),
							 details->getObject("plugins")->getArray("running")->getElement<std::string>(0));
		CPPUNIT_ASSERT_EQUAL(std::string("shelf"),
							 details->getObject("plugins")->getArray("disabled")->getElement<std::string>(0));
	}

	void testDatabaseDown()
	{
		FakeHealthSource source;
		source.database = "Connection attempt failed: user erp at db.internal:3306";
		host::HealthCheck health(source);
		const erp::HttpResponse plain = health.answer(false);
		CPPUNIT_ASSERT_EQUAL(503, plain.status);
		// Nothing of the error's text for anonymous callers.
		CPPUNIT_ASSERT(plain.body.find("db.internal") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"status":"unavailable","checks":{"database":"failing","plugins":"ok",)"
										 R"("scheduler":"ok"},"reasons":["the database does not answer"]})"),
							 plain.body);
		const erp::HttpResponse details = health.answer(true);
		CPPUNIT_ASSERT_EQUAL(503, details.status);
		CPPUNIT_ASSERT(details.body.find("db.internal:3306") != std::string::npos);
	}

	void testPluginRefused()
	{
		FakeHealthSource source;
		source.pluginList.push_back({"broken", "refused", "library /opt/x/broken.so: ABI 2.0, the host has 1.2"});
		host::HealthCheck health(source);
		const erp::HttpResponse plain = health.answer(false);
		CPPUNIT_ASSERT_EQUAL(503, plain.status);
		CPPUNIT_ASSERT(plain.body.find("/opt/x") == std::string::npos);
		CPPUNIT_ASSERT(plain.body.find(R"("plugins":"failing")") != std::string::npos);
		CPPUNIT_ASSERT(plain.body.find("a plugin was refused") != std::string::npos);
		const Poco::JSON::Object::Ptr details = parse(health.answer(true));
		const Poco::JSON::Object::Ptr refused = details->getObject("plugins")->getArray("refused")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("broken"), refused->getValue<std::string>("id"));
		CPPUNIT_ASSERT(refused->getValue<std::string>("reason").find("ABI 2.0") != std::string::npos);
	}

	void testScheduler()
	{
		FakeHealthSource source;
		source.scheduler = false;
		host::HealthCheck health(source);
		const erp::HttpResponse off = health.answer(false);
		CPPUNIT_ASSERT_EQUAL(200, off.status);
		CPPUNIT_ASSERT(off.body.find(R"("scheduler":"off")") != std::string::npos);
		source.scheduler = true;
		source.schedulerTrouble = "the task reminders.weekly is overdue by 900 s";
		const erp::HttpResponse stuck = health.answer(false);
		CPPUNIT_ASSERT_EQUAL(503, stuck.status);
		CPPUNIT_ASSERT(stuck.body.find("the scheduler is not running its tasks") != std::string::npos);
		CPPUNIT_ASSERT(health.answer(true).body.find("overdue by 900 s") != std::string::npos);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HealthCheckTest, "ops");


} // namespace tests
