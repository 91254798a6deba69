//
// SessionStoreTest.cpp
//
// Sessions on a clock moved by hand: the idle timeout and the absolute
// lifetime end a session, use moves only the idle end, only a hash of the
// id is stored, closing ends one session and closeAll a user's.
//


#include "SessionStore.h"
#include "HostClock.h"
#include "SessionLifetime.h"
#include "TestHost.h"
#include "UserDirectory.h"
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>


using namespace Poco::Data::Keywords;
using host::SessionLifetime;
using host::SessionStore;


class SessionStoreTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SessionStoreTest);
	CPPUNIT_TEST(testLifetimeRule);
	CPPUNIT_TEST(testLifetimeLimits);
	CPPUNIT_TEST(testIdleTimeout);
	CPPUNIT_TEST(testUseKeepsItAlive);
	CPPUNIT_TEST(testAbsoluteLifetime);
	CPPUNIT_TEST(testOnlyTheHashIsStored);
	CPPUNIT_TEST(testCloseAndCloseAll);
	CPPUNIT_TEST(testCsrfToken);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<tests::TestHost>(tests::TestHost::remindersPluginsDirectory(), false);
		_clock = std::make_unique<host::HostClock>("UTC");
		_clock->pin(at("2026-11-02T09:00:00Z"));
		// 30 minutes idle, 8 hours in all.
		_store = std::make_unique<SessionStore>(_host->runtime().database(), *_clock, SessionLifetime(30, 480));
	}

	void tearDown() override
	{
		_store.reset();
		_clock.reset();
		_host.reset();
	}

	void testLifetimeRule()
	{
		const SessionLifetime lifetime(30, 480);
		const Poco::Timestamp start = at("2026-11-02T09:00:00Z");
		CPPUNIT_ASSERT(lifetime.alive(start, start, at("2026-11-02T09:29:59Z")));
		CPPUNIT_ASSERT(!lifetime.alive(start, start, at("2026-11-02T09:30:00Z")));
		CPPUNIT_ASSERT(lifetime.alive(start, at("2026-11-02T16:40:00Z"), at("2026-11-02T16:59:59Z")));
		CPPUNIT_ASSERT(!lifetime.alive(start, at("2026-11-02T16:59:00Z"), at("2026-11-02T17:00:00Z")));
	}

	void testLifetimeLimits()
	{
		CPPUNIT_ASSERT_THROW(SessionLifetime(0, 60), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(SessionLifetime(61, 60), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(SessionLifetime(30, 0), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(SessionLifetime(30, 31 * 24 * 60 + 1), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_NO_THROW(SessionLifetime(60, 60));
	}

	void testIdleTimeout()
	{
		const std::string id = _store->open("maria");
		_clock->pin(at("2026-11-02T09:29:00Z"));
		CPPUNIT_ASSERT(_store->resume(id) == std::string("maria"));
		_clock->pin(at("2026-11-02T09:59:00Z"));
		CPPUNIT_ASSERT(!_store->resume(id));
		// Ended, removed: not alive again when the clock goes back.
		_clock->pin(at("2026-11-02T09:30:00Z"));
		CPPUNIT_ASSERT(!_store->resume(id));
		CPPUNIT_ASSERT_EQUAL(0, rows());
	}

	void testUseKeepsItAlive()
	{
		const std::string id = _store->open("maria");
		for (int minutes = 20; minutes <= 460; minutes += 20)
		{
			_clock->pin(at("2026-11-02T09:00:00Z") + static_cast<Poco::Timestamp::TimeDiff>(minutes) * 60 * 1000000);
			CPPUNIT_ASSERT_MESSAGE(std::to_string(minutes), _store->resume(id) == std::string("maria"));
		}
	}

	void testAbsoluteLifetime()
	{
		const std::string id = _store->open("maria");
		for (int minutes = 25; minutes < 480; minutes += 25)
		{
			_clock->pin(at("2026-11-02T09:00:00Z") + static_cast<Poco::Timestamp::TimeDiff>(minutes) * 60 * 1000000);
			CPPUNIT_ASSERT(_store->resume(id));
		}
		_clock->pin(at("2026-11-02T17:00:00Z"));
		CPPUNIT_ASSERT(!_store->resume(id));
	}

	void testOnlyTheHashIsStored()
	{
		const std::string id = _store->open("admin");
		CPPUNIT_ASSERT(SessionStore::wellFormed(id));
		Poco::Data::Session session = _host->runtime().database().session();
		std::string stored;
		session << "SELECT id_sha256 FROM sessions", into(stored), now;
		CPPUNIT_ASSERT_EQUAL(host::UserDirectory::hash(id), stored);
		CPPUNIT_ASSERT(stored != id);
		// The stored hash is no session id.
		CPPUNIT_ASSERT(!_store->resume(stored));
		CPPUNIT_ASSERT(!_store->resume(""));
		CPPUNIT_ASSERT(!_store->resume(std::string(64, 'g')));
		CPPUNIT_ASSERT(_store->open("admin") != id);
	}

	void testCloseAndCloseAll()
	{
		const std::string a = _store->open("maria");
		const std::string b = _store->open("maria");
		const std::string c = _store->open("admin");
		_store->close(a);
		CPPUNIT_ASSERT(!_store->resume(a));
		CPPUNIT_ASSERT(_store->resume(b));
		CPPUNIT_ASSERT_EQUAL(1, _store->closeAll("maria"));
		CPPUNIT_ASSERT(!_store->resume(b));
		CPPUNIT_ASSERT(_store->resume(c) == std::string("admin"));
	}

	void testCsrfToken()
	{
		const std::string a = _store->open("maria");
		const std::string b = _store->open("maria");
		CPPUNIT_ASSERT_EQUAL(SessionStore::csrfToken(a), SessionStore::csrfToken(a));
		CPPUNIT_ASSERT(SessionStore::csrfToken(a) != SessionStore::csrfToken(b));
		CPPUNIT_ASSERT(SessionStore::csrfToken(a) != a);
		CPPUNIT_ASSERT(SessionStore::csrfToken(a) != host::UserDirectory::hash(a));
	}

private:
	static Poco::Timestamp at(const std::string& text)
	{
		int zone = 0;
		return Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FORMAT, text, zone).timestamp();
	}

	int rows()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		int count = 0;
		session << "SELECT COUNT(*) FROM sessions", into(count), now;
		return count;
	}

	std::unique_ptr<tests::TestHost> _host;
	std::unique_ptr<host::HostClock> _clock;
	std::unique_ptr<SessionStore> _store;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SessionStoreTest, "web");
