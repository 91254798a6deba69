//
// ParallelSendTest.cpp
//
// The weekly run over several connections (reminders.smtp.connections):
// senders work at once, each hands a message over only once its "sending"
// row is committed, a database error hands nothing over without its row,
// a connection the server turns away retires its sender, and refused
// credentials stop every sender. Deterministic: the first sends meet at a
// rendezvous (a condition, never a sleep) so that every sender has work.
//


#include "TestHost.h"
#include "WeeklyRunFixture.h"
#include "erp/Instant.h"
#include "plugin/WeeklyRun.h"
#include <chrono>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <mutex>
#include <set>
#include <thread>


using namespace reminders;
using tests::Reply;
using tests::TestHost;
using namespace Poco::Data::Keywords;


namespace {

// Monday 30 November 2026, 10:00 in Athens: after the week's moment.
const Poco::Timestamp MONDAY_10 = Poco::Timestamp::fromEpochTime(1796018400 + 2 * 3600);
const Poco::Timestamp SUNDAY_NOON = Poco::Timestamp::fromEpochTime(1796018400 - 20 * 3600);

struct Send
{
	std::string to;
	int transport = 0;    /// which transport (1: the first made)
	std::string rowState; /// the message's committed state, read from another session during the send
	std::thread::id thread;
};

class Peer
/// What every transport of a test shares: the sends seen, how many were in
/// flight at once, and a rendezvous for the first `meet` sends.
{
public:
	using Answer = std::function<Delivery(const ComposedMessage&, int transport)>;

	void meetAt(int count)
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_meet = count;
	}

	void record(const Send& send)
	{
		std::unique_lock<std::mutex> lock(_mutex);
		_sends.push_back(send);
		++_inFlight;
		_maxInFlight = std::max(_maxInFlight, _inFlight);
		if (_arrived < _meet && send.to != "owner@example.com")
		{
			++_arrived;
			_changed.notify_all();
			// Until every sender holds a message (at most 30 s: a failure then shows in maxInFlight).
			_changed.wait_for(lock, std::chrono::seconds(30), [&] { return _arrived >= _meet; });
		}
	}

	void done()
	{
		std::lock_guard<std::mutex> lock(_mutex);
		--_inFlight;
	}

	std::vector<Send> sends() const
	{
		std::lock_guard<std::mutex> lock(_mutex);
		return _sends;
	}

	int maxInFlight() const
	{
		std::lock_guard<std::mutex> lock(_mutex);
		return _maxInFlight;
	}

	int nextTransport()
	{
		std::lock_guard<std::mutex> lock(_mutex);
		return ++_transports;
	}

	Answer answer;

private:
	mutable std::mutex _mutex;
	std::condition_variable _changed;
	std::vector<Send> _sends;
	int _inFlight = 0;
	int _maxInFlight = 0;
	int _meet = 0;
	int _arrived = 0;
	int _transports = 0;
};

class PeerTransport: public Transport
{
public:
	PeerTransport(Peer& peer, std::function<std::string(const std::string&)> rowState):
		_peer(peer),
		_id(peer.nextTransport()),
		_rowState(std::move(rowState))
	{}

	Delivery send(const ComposedMessage& message) override
	{
		Send send{message.to, _id, _rowState(message.to), std::this_thread::get_id()};
		_peer.record(send);
		try
		{
			Delivery delivery = _peer.answer(message, _id);
			_peer.done();
			return delivery;
		}
		catch (...)
		{
			_peer.done();
			throw;
		}
	}

	std::string describe() const override
	{
		return "peer " + std::to_string(_id);
	}

private:
	Peer& _peer;
	int _id;
	std::function<std::string(const std::string&)> _rowState;
};

Delivery accepted()
{
	return Delivery{Delivery::State::ACCEPTED, 250, "2.0.0 Ok"};
}

} // namespace


class ParallelSendTest: public tests::WeeklyRunFixture
{
	CPPUNIT_TEST_SUITE(ParallelSendTest);
	CPPUNIT_TEST(testSendersWorkAtOnceOnDurableRowsOnly);
	CPPUNIT_TEST(testOneConnectionSendsInThePlannedOrder);
	CPPUNIT_TEST(testADatabaseErrorHandsNothingOverWithoutItsRow);
	CPPUNIT_TEST(testATurnedAwayConnectionRetiresItsSender);
	CPPUNIT_TEST(testRefusedCredentialsStopEverySender);
	CPPUNIT_TEST_SUITE_END();

public:
	void testSendersWorkAtOnceOnDurableRowsOnly()
	{
		start(4);
		const std::vector<std::string> customers = manyCustomers(24);
		_peer.meetAt(4);
		_peer.answer = [](const ComposedMessage&, int) { return accepted(); };
		const erp::TaskResult result = execute();
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		CPPUNIT_ASSERT_EQUAL(4, _peer.maxInFlight());
		std::multiset<std::string> seen;
		std::set<int> transports;
		for (const Send& send: _peer.sends())
		{
			if (send.to == "owner@example.com") continue;
			seen.insert(send.to);
			transports.insert(send.transport);
			// Committed before the send: another session already reads it.
			CPPUNIT_ASSERT_EQUAL_MESSAGE(send.to, std::string("sending"), send.rowState);
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(24), seen.size());
		for (const std::string& to: customers)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(to, std::size_t(1), seen.count(to));
			CPPUNIT_ASSERT_EQUAL(std::string("accepted"), stateOf(to));
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(4), transports.size());
		CPPUNIT_ASSERT_EQUAL(24, auditCount("reminders.message.accepted"));
	}

	void testOneConnectionSendsInThePlannedOrder()
	{
		start(1);
		const std::vector<std::string> customers = manyCustomers(12);
		_peer.answer = [](const ComposedMessage&, int) { return accepted(); };
		const erp::TaskResult result = execute();
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		std::vector<std::string> order;
		for (const Send& send: _peer.sends())
		{
			if (send.to == "owner@example.com") continue;
			order.push_back(send.to);
			CPPUNIT_ASSERT(send.thread == std::this_thread::get_id());
			CPPUNIT_ASSERT_EQUAL(1, send.transport);
		}
		CPPUNIT_ASSERT(order == customers);
		CPPUNIT_ASSERT_EQUAL(1, _peer.maxInFlight());
	}

	void testADatabaseErrorHandsNothingOverWithoutItsRow()
	{
		start(4);
		const std::vector<std::string> customers = manyCustomers(16);
		refuseSendingOf(customers[5]);
		_peer.answer = [](const ComposedMessage&, int) { return accepted(); };
		bool failed = false;
		try
		{
			failed = !execute().ok;
		}
		catch (std::exception&)
		{
			failed = true;
		}
		CPPUNIT_ASSERT(failed);
		std::multiset<std::string> seen;
		for (const Send& send: _peer.sends())
		{
			seen.insert(send.to);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(send.to, std::string("sending"), send.rowState);
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), seen.count(customers[5]));
		CPPUNIT_ASSERT_EQUAL(std::string("pending"), stateOf(customers[5]));
		for (const std::string& to: customers)
		{
			CPPUNIT_ASSERT(seen.count(to) <= 1);
			// What went out is accounted for; what did not waits, unsent.
			const std::string state = stateOf(to);
			CPPUNIT_ASSERT_MESSAGE(to + " " + state, seen.count(to) ? state == "accepted" : state == "pending");
		}
	}

	void testATurnedAwayConnectionRetiresItsSender()
	{
		start(4);
		const std::vector<std::string> customers = manyCustomers(20);
		_peer.meetAt(4);
		_peer.answer = [](const ComposedMessage&, int transport) {
			if (transport == 2) return Delivery{Delivery::State::DEFERRED, 421, "4.7.0 Too many connections"};
			return accepted();
		};
		const erp::TaskResult result = execute();
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.ok);
		int byTheSecond = 0, deferred = 0, accepted = 0;
		for (const Send& send: _peer.sends())
			byTheSecond += send.transport == 2;
		for (const std::string& to: customers)
		{
			deferred += stateOf(to) == "deferred";
			accepted += stateOf(to) == "accepted";
		}
		// The turned-away connection carried one message and no more.
		CPPUNIT_ASSERT_EQUAL(1, byTheSecond);
		CPPUNIT_ASSERT_EQUAL(1, deferred);
		CPPUNIT_ASSERT_EQUAL(19, accepted);
	}

	void testRefusedCredentialsStopEverySender()
	{
		start(4);
		const std::vector<std::string> customers = manyCustomers(20);
		_peer.meetAt(4);
		_peer.answer = [](const ComposedMessage& message, int) -> Delivery {
			if (message.to == "owner@example.com") return accepted();
			throw CredentialsRefused(535, "5.7.8 Authentication credentials invalid");
		};
		const erp::TaskResult result = execute();
		CPPUNIT_ASSERT_MESSAGE(result.summary, result.summary.find("refused the credentials") != std::string::npos);
		int handed = 0;
		for (const Send& send: _peer.sends())
			handed += send.to != "owner@example.com";
		// Each sender met the refusal once and stopped.
		CPPUNIT_ASSERT_EQUAL(4, handed);
		for (const std::string& to: customers)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(to, std::string("failed"), stateOf(to));
	}

private:
	void start(int connections)
	{
		openHost({}, SUNDAY_NOON);
		_weekly = weeklyRun(
			[this] {
				return std::make_unique<PeerTransport>(_peer, [this](const std::string& to) { return stateOf(to); });
			},
			[connections] { return connections; });
		switchOn("owner@example.com");
		pin(MONDAY_10);
	}

	std::vector<std::string> manyCustomers(int count)
	/// Customers with one overdue invoice each, in id order (their addresses).
	{
		std::vector<std::string> addresses;
		for (int i = 0; i < count; ++i)
		{
			const std::string name = "customer" + std::to_string(100 + i);
			addresses.push_back(name + "@example.com");
			_host->createInvoice(_host->createCustomer(name, addresses.back()), "P-" + std::to_string(i), "100");
		}
		return addresses;
	}

	void refuseSendingOf(const std::string& email)
	/// A database error on that customer's "sending" write (a trigger).
	{
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 id = 0;
		std::string address = email;
		session << "SELECT id FROM customers WHERE email = ?", use(address), into(id), now;
		const std::string customer = std::to_string(id);
		if (TestHost::dialect() == "mysql")
			session << "CREATE TRIGGER refuse_sending BEFORE UPDATE ON reminder_messages FOR EACH ROW BEGIN "
					   "IF NEW.state = 'sending' AND NEW.customer_id = " +
						   customer + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; END IF; END",
				now;
		else
			session << "CREATE TRIGGER refuse_sending BEFORE UPDATE ON reminder_messages WHEN NEW.state = 'sending' "
					   "AND NEW.customer_id = " +
						   customer + " BEGIN SELECT RAISE(ABORT, 'injected'); END",
				now;
	}

	std::string stateOf(const std::string& recipient)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		std::vector<std::string> states;
		std::string to = recipient;
		session << "SELECT m.state FROM reminder_messages m JOIN customers c ON c.id = m.customer_id "
				   "WHERE c.email = ? ORDER BY m.id DESC LIMIT 1",
			use(to), into(states), now;
		return states.empty() ? std::string() : states.front();
	}

	int auditCount(const std::string& action)
	{
		return _host->auditCount(action);
	}

	Peer _peer;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ParallelSendTest, "plugin");
