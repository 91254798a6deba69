//
// OutboxBatchTest.cpp
//
// The group commit's outbox rows on real tables: message updates and
// listed invoices and audit entries written at the flush, fenced by their
// batch; a fence that no longer holds, or a row outside its fence's batch,
// is refused, and the group's audit entries with it.
//


#include "plugin/delivery/OutboxBatch.h"
#include "TestHost.h"
#include "erp/Transaction.h"
#include <cppunit/extensions/HelperMacros.h>


using namespace reminders;
using tests::TestHost;
using namespace Poco::Data::Keywords;


class OutboxBatchTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(OutboxBatchTest);
	CPPUNIT_TEST(testRowsAreWrittenAtTheFlush);
	CPPUNIT_TEST(testAStaleFenceDoesNotHold);
	CPPUNIT_TEST(testARowOutsideItsFencesBatchFailsTheFlush);
	CPPUNIT_TEST(testListedInvoicesAreReplaced);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true);
		const Poco::Int64 alpha = _host->createCustomer("Alpha", "alpha@example.com");
		const Poco::Int64 beta = _host->createCustomer("Beta", "beta@example.com");
		_invoice = _host->createInvoice(alpha, "A-1", "100.00");
		_otherInvoice = _host->createInvoice(alpha, "A-2", "50.00");
		Poco::Data::Session session = _host->runtime().database().session();
		session << "INSERT INTO reminder_runs (iso_week, business_date, state, started_by, started_at) "
				   "VALUES ('2026-W49', '2026-11-30', 'running', 'test', '2026-11-30T07:00:00Z')",
			now;
		Poco::Int64 run = 0;
		session << "SELECT MAX(id) FROM reminder_runs", into(run), now;
		for (int i = 0; i < 2; ++i)
		{
			session << "INSERT INTO reminder_batches (run_id, state, lease_owner, lease_until, lease_generation, "
					   "created_at) VALUES (?, 'open', 'me', '2026-11-30T08:00:00Z', 3, '2026-11-30T07:00:00Z')",
				use(run), now;
			Poco::Int64 batch = 0;
			session << "SELECT MAX(id) FROM reminder_batches", into(batch), now;
			_fences.push_back(Fence{"me", 3, batch});
		}
		for (Poco::Int64 customer: {alpha, beta})
		{
			session << "INSERT INTO reminder_messages (run_id, customer_id, recipient, language, state, attempts, "
					   "created_at, updated_at, batch_id) VALUES (?, ?, 'x@example.com', 'el', 'pending', 0, "
					   "'2026-11-30T07:00:00Z', '2026-11-30T07:00:00Z', ?)",
				use(run), use(customer), use(_fences[0].batch), now;
			MessageRecord message;
			session << "SELECT MAX(id) FROM reminder_messages", into(message.id), now;
			message.runId = run;
			message.customerId = customer;
			_messages.push_back(message);
		}
	}

	void tearDown() override
	{
		_host.reset();
	}

	void testRowsAreWrittenAtTheFlush()
	{
		const RunStore runs(TestHost::dialect());
		OutboxBatch batch(runs, _host->runtime().audit());
		Poco::Data::Session session = _host->runtime().database().session();
		{
			erp::Transaction tx(session, TestHost::dialect());
			batch.begin();
			batch.audit({"scheduler", "reminders.message.dropped", "customer", "1", "{}"}); // dropped by begin()
			batch.begin();
			CPPUNIT_ASSERT(batch.holds(session, _fences[0]));
			int order = 0;
			for (MessageRecord message: _messages)
			{
				message.state = "sending";
				message.attempts = 1;
				message.updatedAt = "2026-11-30T07:01:00Z";
				batch.update(message, _fences[0]);
				batch.audit({"scheduler", "reminders.message.sending", "customer", std::to_string(message.customerId),
							 "{\"order\":" + std::to_string(++order) + "}"});
			}
			// Handed over, not written yet.
			CPPUNIT_ASSERT_EQUAL(0, count(session, "state = 'sending'"));
			CPPUNIT_ASSERT_EQUAL(0, audited(session, "reminders.message.%"));
			CPPUNIT_ASSERT(batch.flush(session));
			CPPUNIT_ASSERT_EQUAL(2, count(session, "state = 'sending' AND attempts = 1"));
			tx.commit();
		}
		// The audit entries with the rows, in the order handed over.
		std::vector<std::string> details;
		session << "SELECT details FROM audit_log WHERE action LIKE 'reminders.message.%' ORDER BY id", into(details),
			now;
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), details.size());
		CPPUNIT_ASSERT_EQUAL(std::string("{\"order\":1}"), details[0]);
		CPPUNIT_ASSERT_EQUAL(std::string("{\"order\":2}"), details[1]);
		// Flushed rows and entries are not written again by the next flush.
		erp::Transaction tx(session, TestHost::dialect());
		batch.begin();
		CPPUNIT_ASSERT(batch.flush(session));
		tx.commit();
		CPPUNIT_ASSERT_EQUAL(2, count(session, "state = 'sending'"));
		CPPUNIT_ASSERT_EQUAL(2, audited(session, "reminders.message.%"));
	}

	void testAStaleFenceDoesNotHold()
	{
		const RunStore runs(TestHost::dialect());
		OutboxBatch batch(runs, _host->runtime().audit());
		Poco::Data::Session session = _host->runtime().database().session();
		erp::Transaction tx(session, TestHost::dialect());
		batch.begin();
		CPPUNIT_ASSERT(!batch.holds(session, Fence{"me", 4, _fences[0].batch}));      // taken over since
		CPPUNIT_ASSERT(!batch.holds(session, Fence{"another", 3, _fences[0].batch})); // not ours
		CPPUNIT_ASSERT(batch.holds(session, _fences[0]));
	}

	void testARowOutsideItsFencesBatchFailsTheFlush()
	{
		// The second batch is held, but the message is in the first one.
		const RunStore runs(TestHost::dialect());
		OutboxBatch batch(runs, _host->runtime().audit());
		Poco::Data::Session session = _host->runtime().database().session();
		erp::Transaction tx(session, TestHost::dialect());
		batch.begin();
		CPPUNIT_ASSERT(batch.holds(session, _fences[1]));
		MessageRecord message = _messages[0];
		message.state = "sending";
		message.updatedAt = "2026-11-30T07:01:00Z";
		batch.update(message, _fences[1]);
		batch.audit({"scheduler", "reminders.message.sending", "customer", "1", "{}"});
		CPPUNIT_ASSERT(!batch.flush(session));
		CPPUNIT_ASSERT_EQUAL(0, audited(session, "reminders.message.%")); // nor its audit entry
	}

	void testListedInvoicesAreReplaced()
	{
		const RunStore runs(TestHost::dialect());
		Poco::Data::Session session = _host->runtime().database().session();
		runs.replaceListedInvoices(session, _messages[0].id, {line(_invoice, 10000), line(_otherInvoice, 5000)});
		CPPUNIT_ASSERT_EQUAL(2, listed(session, _messages[0].id));
		OutboxBatch batch(runs, _host->runtime().audit());
		erp::Transaction tx(session, TestHost::dialect());
		batch.begin();
		batch.replaceListedInvoices(_messages[0].id, {line(_invoice, 4000)});
		batch.replaceListedInvoices(_messages[1].id, {line(_otherInvoice, 5000)});
		CPPUNIT_ASSERT(batch.flush(session));
		tx.commit();
		CPPUNIT_ASSERT_EQUAL(1, listed(session, _messages[0].id));
		CPPUNIT_ASSERT_EQUAL(1, listed(session, _messages[1].id));
		Poco::Int64 outstanding = 0;
		session << "SELECT outstanding_minor FROM reminder_message_invoices WHERE message_id = ?", use(_messages[0].id),
			into(outstanding), now;
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(4000), outstanding);
	}

private:
	static int audited(Poco::Data::Session& session, const std::string& actionLike)
	{
		int n = 0;
		std::string like = actionLike;
		session << "SELECT COUNT(*) FROM audit_log WHERE action LIKE ?", use(like), into(n), now;
		return n;
	}

	static DueInvoice line(Poco::Int64 invoiceId, Poco::Int64 outstanding)
	{
		DueInvoice due;
		due.invoice.id = invoiceId;
		due.invoice.currency = "EUR";
		due.invoice.totalMinor = outstanding;
		due.outstandingMinor = outstanding;
		due.daysOverdue = 30;
		return due;
	}

	static int count(Poco::Data::Session& session, const std::string& where)
	{
		int n = 0;
		session << "SELECT COUNT(*) FROM reminder_messages WHERE " + where, into(n), now;
		return n;
	}

	static int listed(Poco::Data::Session& session, Poco::Int64 messageId)
	{
		int n = 0;
		session << "SELECT COUNT(*) FROM reminder_message_invoices WHERE message_id = ?", use(messageId), into(n), now;
		return n;
	}

	std::unique_ptr<TestHost> _host;
	Poco::Int64 _invoice = 0;
	Poco::Int64 _otherInvoice = 0;
	std::vector<Fence> _fences;
	std::vector<MessageRecord> _messages;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(OutboxBatchTest, "plugin");
