//
// HostFixture.h
//


#ifndef Tests_HostFixture_INCLUDED
#define Tests_HostFixture_INCLUDED


#include "TestHost.h"
#include <cppunit/TestFixture.h>
#include <memory>


namespace tests {


class HostFixture: public CppUnit::TestFixture
/// A fresh reference host with the reminders plugin for every test.
{
public:
	void setUp() override
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory());
	}

	void tearDown() override
	{
		_host.reset();
	}

protected:
	std::unique_ptr<TestHost> _host;
};


} // namespace tests


#endif // Tests_HostFixture_INCLUDED
