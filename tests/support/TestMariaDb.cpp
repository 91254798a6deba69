//
// TestMariaDb.cpp
//


#include "TestMariaDb.h"
#include <Poco/Data/MySQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/Process.h>
#include <Poco/String.h>
#include <atomic>
#include <mutex>


namespace tests {


bool TestMariaDb::enabled()
{
	return !Poco::Environment::get("ERP_TEST_MARIADB", "").empty();
}


int TestMariaDb::port()
{
	static const int value = [] {
		const std::string folder = Poco::Environment::get("ERP_TEST_MARIADB", "");
		Poco::FileInputStream in(folder + "/port");
		std::string text;
		in >> text;
		return Poco::NumberParser::parse(Poco::trim(text));
	}();
	return value;
}


std::string TestMariaDb::connection(const std::string& database)
{
	return "host=127.0.0.1;port=" + std::to_string(port()) + ";user=erp;password=erp-test;db=" + database;
}


void TestMariaDb::execute(const std::string& statement)
{
	static std::once_flag once;
	std::call_once(once, [] { Poco::Data::MySQL::Connector::registerConnector(); });
	Poco::Data::Session session("MySQL", connection("erp"));
	session << statement, Poco::Data::Keywords::now;
}


std::string TestMariaDb::createDatabase()
{
	static std::atomic<int> counter{0};
	const std::string name =
		"erp_t" + std::to_string(Poco::Process::id()) + "_" + std::to_string(counter.fetch_add(1) + 1);
	execute("DROP DATABASE IF EXISTS " + name);
	execute("CREATE DATABASE " + name);
	return name;
}


void TestMariaDb::dropDatabase(const std::string& name)
{
	try
	{
		execute("DROP DATABASE IF EXISTS " + name);
	}
	catch (Poco::Exception&)
	{
		// The server is gone; stopping it removes its data anyway.
	}
}


} // namespace tests
