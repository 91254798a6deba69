//
// SignInThrottleTest.cpp
//
// Failed sign-ins on a clock moved by hand: free attempts, then a delay
// that doubles up to its cap, per user name and per address; a success
// clears the user name's count only.
//


#include "SignInThrottle.h"
#include "HostClock.h"
#include <cppunit/extensions/HelperMacros.h>


using host::SignInThrottle;


class SignInThrottleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SignInThrottleTest);
	CPPUNIT_TEST(testDelayRule);
	CPPUNIT_TEST(testPerUser);
	CPPUNIT_TEST(testPerAddress);
	CPPUNIT_TEST(testSuccessClearsTheUserOnly);
	CPPUNIT_TEST(testForgottenAfterADay);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_clock.pin(Poco::Timestamp::fromEpochTime(1800000000));
	}

	void testDelayRule()
	{
		// Table: failures -> seconds, with 3 free, base 1 s, cap 900 s.
		const int expected[][2] = {{0, 0}, {2, 0}, {3, 1}, {4, 2}, {5, 4}, {8, 32}, {12, 512}, {13, 900}, {60, 900}};
		for (const auto& row: expected)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(row[0]), row[1],
										 SignInThrottle::delaySeconds(row[0], 3, 1, 900));
	}

	void testPerUser()
	{
		SignInThrottle throttle(_clock, SignInThrottle::Limits());
		for (int i = 0; i < 3; ++i)
		{
			CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("maria", "10.0.0.1"));
			throttle.failed("maria", "10.0.0.1");
		}
		CPPUNIT_ASSERT_EQUAL(1, throttle.retryAfter("maria", "10.0.0.1"));
		// The user name, from any address.
		CPPUNIT_ASSERT_EQUAL(1, throttle.retryAfter("maria", "10.0.0.2"));
		CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("admin", "10.0.0.1"));
		advance(1);
		CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("maria", "10.0.0.1"));
		throttle.failed("maria", "10.0.0.1");
		CPPUNIT_ASSERT_EQUAL(2, throttle.retryAfter("maria", "10.0.0.1"));
		throttle.failed("maria", "10.0.0.1");
		CPPUNIT_ASSERT_EQUAL(4, throttle.retryAfter("maria", "10.0.0.1"));
		advance(3);
		CPPUNIT_ASSERT_EQUAL(1, throttle.retryAfter("maria", "10.0.0.1"));
		for (int i = 0; i < 20; ++i)
			throttle.failed("maria", "10.0.0.1");
		CPPUNIT_ASSERT_EQUAL(900, throttle.retryAfter("maria", "10.0.0.1"));
	}

	void testPerAddress()
	{
		SignInThrottle throttle(_clock, SignInThrottle::Limits());
		// Guessing one password each for many user names.
		for (int i = 0; i < 20; ++i)
			throttle.failed("user" + std::to_string(i), "10.0.0.9");
		CPPUNIT_ASSERT_EQUAL(1, throttle.retryAfter("someone", "10.0.0.9"));
		CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("someone", "10.0.0.8"));
		throttle.failed("user20", "10.0.0.9");
		CPPUNIT_ASSERT_EQUAL(2, throttle.retryAfter("someone", "10.0.0.9"));
	}

	void testSuccessClearsTheUserOnly()
	{
		SignInThrottle throttle(_clock, SignInThrottle::Limits());
		for (int i = 0; i < 20; ++i)
			throttle.failed("maria", "10.0.0.1");
		throttle.succeeded("maria");
		CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("maria", "10.0.0.2"));
		CPPUNIT_ASSERT_EQUAL(1, throttle.retryAfter("maria", "10.0.0.1"));
	}

	void testForgottenAfterADay()
	{
		SignInThrottle throttle(_clock, SignInThrottle::Limits());
		for (int i = 0; i < 10; ++i)
			throttle.failed("maria", "10.0.0.1");
		advance(24 * 3600);
		CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("maria", "10.0.0.1"));
		throttle.failed("maria", "10.0.0.1");
		// Counted from one again: still free.
		CPPUNIT_ASSERT_EQUAL(0, throttle.retryAfter("maria", "10.0.0.1"));
	}

private:
	void advance(int seconds)
	{
		_clock.pin(_clock.now() + static_cast<Poco::Timestamp::TimeDiff>(seconds) * 1000000);
	}

	host::HostClock _clock{"UTC"};
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SignInThrottleTest, "web");
