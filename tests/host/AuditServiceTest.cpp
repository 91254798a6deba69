//
// AuditServiceTest.cpp
//
// Appending several audit entries at once (ABI 1.4): every entry, in the
// order given, an empty entity id or details stored as NULL as a single
// append stores them; nothing for an empty list; rolled back with the
// caller's transaction.
//


#include "AuditService.h"
#include "TestHost.h"
#include "erp/Transaction.h"
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>


using namespace Poco::Data::Keywords;


class AuditServiceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AuditServiceTest);
	CPPUNIT_TEST(testAppendAllWritesEveryEntryInOrder);
	CPPUNIT_TEST(testAppendAllOfNothingWritesNothing);
	CPPUNIT_TEST(testAppendAllRollsBackWithItsTransaction);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<tests::TestHost>(tests::TestHost::remindersPluginsDirectory(), false);
	}

	void tearDown() override
	{
		_host.reset();
	}

	void testAppendAllWritesEveryEntryInOrder()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 before = lastId(session);
		{
			erp::Transaction tx(session, tests::TestHost::dialect());
			_host->runtime().audit().appendAll(session, {{"alice", "test.first", "invoice", "7", "{\"a\":1}"},
														 {"scheduler", "test.second", "run", "", ""},
														 {"bob", "test.third", "customer", "9", "{\"b\":2}"}});
			tx.commit();
		}
		using Row = Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<std::string>,
								Poco::Nullable<std::string>>;
		std::vector<Row> rows;
		session << "SELECT actor, action, entity, entity_id, details FROM audit_log WHERE id > ? ORDER BY id",
			use(before), into(rows), now;
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), rows.size());
		CPPUNIT_ASSERT_EQUAL(std::string("alice"), rows[0].get<0>());
		CPPUNIT_ASSERT_EQUAL(std::string("test.first"), rows[0].get<1>());
		CPPUNIT_ASSERT_EQUAL(std::string("invoice"), rows[0].get<2>());
		CPPUNIT_ASSERT_EQUAL(std::string("7"), rows[0].get<3>().value());
		CPPUNIT_ASSERT_EQUAL(std::string("{\"a\":1}"), rows[0].get<4>().value());
		// Empty text is stored as NULL, as append() stores it.
		CPPUNIT_ASSERT_EQUAL(std::string("test.second"), rows[1].get<1>());
		CPPUNIT_ASSERT(rows[1].get<3>().isNull());
		CPPUNIT_ASSERT(rows[1].get<4>().isNull());
		CPPUNIT_ASSERT_EQUAL(std::string("bob"), rows[2].get<0>());
		CPPUNIT_ASSERT_EQUAL(std::string("test.third"), rows[2].get<1>());
		CPPUNIT_ASSERT_EQUAL(std::string("9"), rows[2].get<3>().value());
		// The same as one append() of the second entry writes.
		_host->runtime().audit().append(session, {"scheduler", "test.single", "run", "", ""});
		Poco::Nullable<std::string> entityId, details;
		session << "SELECT entity_id, details FROM audit_log WHERE action = 'test.single'", into(entityId),
			into(details), now;
		CPPUNIT_ASSERT(entityId.isNull());
		CPPUNIT_ASSERT(details.isNull());
	}

	void testAppendAllOfNothingWritesNothing()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 before = lastId(session);
		_host->runtime().audit().appendAll(session, {});
		CPPUNIT_ASSERT_EQUAL(before, lastId(session));
	}

	void testAppendAllRollsBackWithItsTransaction()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 before = lastId(session);
		{
			erp::Transaction tx(session, tests::TestHost::dialect());
			_host->runtime().audit().appendAll(
				session, {{"alice", "test.first", "invoice", "7", ""}, {"alice", "test.second", "invoice", "8", ""}});
			CPPUNIT_ASSERT_EQUAL(2, countIn(session, "test.first") + countIn(session, "test.second"));
		} // not committed
		CPPUNIT_ASSERT_EQUAL(before, lastId(session));
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("test.second"));
	}

private:
	static Poco::Int64 lastId(Poco::Data::Session& session)
	{
		Poco::Int64 id = 0;
		session << "SELECT COALESCE(MAX(id), 0) FROM audit_log", into(id), now;
		return id;
	}

	static int countIn(Poco::Data::Session& session, const std::string& action)
	{
		int n = 0;
		std::string a = action;
		session << "SELECT COUNT(*) FROM audit_log WHERE action = ?", use(a), into(n), now;
		return n;
	}

	std::unique_ptr<tests::TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(AuditServiceTest, "host");
