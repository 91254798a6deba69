//
// TestMain.cpp
//
// Runs the CppUnit suites registered under the names given on the command
// line (all registered suites when none), and fails when any test fails.
// ERP_TEST_PATH narrows the run to one fixture or test.
//


#include <Poco/ConsoleChannel.h>
#include <Poco/Logger.h>
#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>
#include <iostream>


int main(int argc, char** argv)
{
	// The host logs refusals and failures on purpose in these tests; keep the
	// output to the test results unless asked (ERP_TEST_LOG=1).
	if (std::getenv("ERP_TEST_LOG"))
		Poco::Logger::root().setChannel(new Poco::ConsoleChannel);
	else
		Poco::Logger::root().setLevel(Poco::Message::PRIO_FATAL);

	CppUnit::TestResult controller;
	CppUnit::TestResultCollector result;
	controller.addListener(&result);
	CppUnit::BriefTestProgressListener progress;
	controller.addListener(&progress);

	CppUnit::TestRunner runner;
	if (argc < 2) runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());
	for (int i = 1; i < argc; ++i)
		runner.addTest(CppUnit::TestFactoryRegistry::getRegistry(argv[i]).makeTest());
	// ERP_TEST_PATH=host/MigrationRaceTest (a suite, or a test within it:
	// .../MigrationRaceTest::testTheLockIsReleased) runs that part alone.
	const char* path = std::getenv("ERP_TEST_PATH");
	runner.run(controller, path ? path : "");

	CppUnit::CompilerOutputter outputter(&result, std::cerr);
	outputter.write();
	return result.wasSuccessful() && result.runTests() > 0 ? 0 : 1;
}
