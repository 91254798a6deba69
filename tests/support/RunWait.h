//
// RunWait.h
//
// POST runs answers 202 as soon as the run is claimed and goes on in the
// background: tests follow it through GET runs/{id}, as an operator does.
//


#ifndef Tests_RunWait_INCLUDED
#define Tests_RunWait_INCLUDED


#include "TestHost.h"
#include <Poco/Thread.h>
#include <chrono>
#include <cppunit/extensions/HelperMacros.h>


namespace tests {


inline Reply followRun(TestHost& host, Poco::Int64 runId, int seconds = 120)
/// Polls GET runs/{runId} until the run this instance started has ended
/// ("background" no longer "running": its thread returned, its report
/// and the timer's re-arming done) and returns that answer; fails the
/// test when it does not end within `seconds`.
{
	const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
	const std::string path = "/api/plugins/reminders/runs/" + std::to_string(runId);
	for (;;)
	{
		Reply got = host.call("GET", path);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(got.body, 200, got.status);
		Poco::JSON::Object::Ptr background = got.object()->getObject("background");
		CPPUNIT_ASSERT_MESSAGE(got.body, !background.isNull());
		if (background->getValue<std::string>("state") != "running") return got;
		CPPUNIT_ASSERT_MESSAGE("run " + std::to_string(runId) + " still running: " + got.body,
							   std::chrono::steady_clock::now() < deadline);
		Poco::Thread::sleep(5);
	}
}


inline Reply runToEnd(TestHost& host, const std::string& body = "{}", int seconds = 120)
/// POST runs (as the admin): asserts 202 with a run id and its status_url,
/// follows the run to its end and returns the last GET runs/{id}.
{
	Reply started = host.call("POST", "/api/plugins/reminders/runs", body);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(started.body, 202, started.status);
	const Poco::Int64 id = started.object()->getValue<Poco::Int64>("run_id");
	CPPUNIT_ASSERT_EQUAL(std::string("/api/plugins/reminders/runs/") + std::to_string(id),
						 started.object()->getValue<std::string>("status_url"));
	return followRun(host, id, seconds);
}


} // namespace tests


#endif // Tests_RunWait_INCLUDED
