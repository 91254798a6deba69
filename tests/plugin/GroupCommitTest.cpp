//
// GroupCommitTest.cpp
//
// The senders' shared writer: writes handed over while a commit is on its
// way go together in the next one; a failed fence rolls the whole group
// back; one bad write fails alone. Deterministic: the first write holds its
// commit open until the others are seen waiting (GroupCommit::waiting()).
//


#include "plugin/delivery/GroupCommit.h"
#include "TestHost.h"
#include <Poco/Exception.h>
#include <chrono>
#include <condition_variable>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <mutex>
#include <thread>


using namespace reminders;
using tests::TestHost;
using namespace Poco::Data::Keywords;


class GroupCommitTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(GroupCommitTest);
	CPPUNIT_TEST(testWritesHandedOverDuringACommitGoTogether);
	CPPUNIT_TEST(testAFailedFenceRollsTheGroupBack);
	CPPUNIT_TEST(testABadWriteFailsAlone);
	CPPUNIT_TEST(testTheBatchIsFlushedOnceAGroupBeforeTheCommit);
	CPPUNIT_TEST(testABatchThatFailsRollsTheGroupBack);
	CPPUNIT_TEST(testTheWriterWaitsForEveryMember);
	CPPUNIT_TEST(testAMemberLeavingEndsTheWait);
	CPPUNIT_TEST(testTheWaitEndsWithItsWindow);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), false);
		Poco::Data::Session session = database().session();
		session << "CREATE TABLE group_commit_probe (id INTEGER PRIMARY KEY, label VARCHAR(40) NOT NULL)", now;
	}

	void tearDown() override
	{
		_host.reset();
	}

	void testTheWriterWaitsForEveryMember()
	{
		// Two senders: the first one's write is held until the second one's
		// comes, and both go in one commit (the window is far longer than
		// the test).
		GroupCommit writer(database(), nullptr, std::chrono::hours(1));
		const GroupCommit::Member first(writer), second(writer);
		GroupCommit::Pending one = writer.submit(inserting(1));
		waitFor([&] { return writer.gathering(); });
		CPPUNIT_ASSERT_EQUAL(1, writer.waiting());
		CPPUNIT_ASSERT_EQUAL(0, rows());
		GroupCommit::Pending two = writer.submit(inserting(2));
		CPPUNIT_ASSERT(one.wait() == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT(two.wait() == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT_EQUAL(1, writer.commits());
		CPPUNIT_ASSERT_EQUAL(2, writer.writes());
		CPPUNIT_ASSERT_EQUAL(2, rows());
	}

	void testAMemberLeavingEndsTheWait()
	{
		GroupCommit writer(database(), nullptr, std::chrono::hours(1));
		const GroupCommit::Member staying(writer);
		GroupCommit::Pending one;
		{
			const GroupCommit::Member leaving(writer);
			one = writer.submit(inserting(1));
			waitFor([&] { return writer.gathering(); });
		}
		waitFor([&] { return writer.commits() == 1; }); // at once, not after the hour
		CPPUNIT_ASSERT(one.wait() == GroupCommit::Result::COMMITTED);
	}

	void testTheWaitEndsWithItsWindow()
	{
		// A member that does not come (it is sending a long message) holds
		// the others for the window only.
		GroupCommit writer(database(), nullptr, std::chrono::milliseconds(1));
		const GroupCommit::Member sending(writer), absent(writer);
		GroupCommit::Pending one = writer.submit(inserting(1));
		waitFor([&] { return writer.commits() == 1; }); // fails, not hangs, if the window were ignored
		CPPUNIT_ASSERT(one.wait() == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT_EQUAL(1, rows());
	}

	void testWritesHandedOverDuringACommitGoTogether()
	{
		GroupCommit writer(database());
		const std::vector<GroupCommit::Result> results = twoDuringAHeldCommit(writer, inserting(2), inserting(3));
		CPPUNIT_ASSERT(results[0] == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT(results[1] == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT_EQUAL(3, rows());
		// The holder's commit, then the two that waited in one transaction.
		CPPUNIT_ASSERT_EQUAL(2, writer.commits());
		CPPUNIT_ASSERT_EQUAL(3, writer.writes());
	}

	void testAFailedFenceRollsTheGroupBack()
	{
		GroupCommit writer(database());
		std::vector<GroupCommit::Result> results(2);
		std::vector<std::thread> threads;
		holdWhile(writer, [&] {
			threads.emplace_back([&] { results[0] = writer.commit(inserting(10)); });
			threads.emplace_back([&] {
				results[1] = writer.commit([](Poco::Data::Session& transaction) {
					insert(transaction, 11);
					return false; // another instance has the batch
				});
			});
			waitFor([&] { return writer.waiting() == 2; });
		});
		for (std::thread& thread: threads)
			thread.join();
		CPPUNIT_ASSERT(results[0] == GroupCommit::Result::LEASE_LOST);
		CPPUNIT_ASSERT(results[1] == GroupCommit::Result::LEASE_LOST);
		CPPUNIT_ASSERT_EQUAL(1, rows()); // only the holder's own row
		CPPUNIT_ASSERT_EQUAL(1, writer.commits());
	}

	void testABadWriteFailsAlone()
	{
		GroupCommit writer(database());
		std::vector<GroupCommit::Result> results(3);
		std::exception_ptr error;
		std::vector<std::thread> threads;
		holdWhile(writer, [&] {
			threads.emplace_back([&] { results[0] = writer.commit(inserting(20)); });
			threads.emplace_back([&] {
				results[1] = writer.commit(
					[](Poco::Data::Session& transaction) {
						insert(transaction, 21);
						transaction << "INSERT INTO no_such_table VALUES (1)", now;
						return true;
					},
					&error);
			});
			threads.emplace_back([&] { results[2] = writer.commit(inserting(22)); });
			waitFor([&] { return writer.waiting() == 3; });
		});
		for (std::thread& thread: threads)
			thread.join();
		CPPUNIT_ASSERT(results[0] == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT(results[1] == GroupCommit::Result::FAILED);
		CPPUNIT_ASSERT(results[2] == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT(error);
		try
		{
			std::rethrow_exception(error);
		}
		catch (Poco::Exception& exc)
		{
			CPPUNIT_ASSERT_MESSAGE(exc.displayText(), exc.displayText().find("no_such_table") != std::string::npos);
		}
		// The holder's row and the two good ones; nothing of the bad one.
		CPPUNIT_ASSERT_EQUAL(3, rows());
		CPPUNIT_ASSERT_EQUAL(0, count("id = 21"));
	}

	void testTheBatchIsFlushedOnceAGroupBeforeTheCommit()
	{
		// Rows handed to the batch by three writes are written by its flush,
		// in the group's transaction: one begin and one flush for the group.
		ProbeBatch batch;
		GroupCommit writer(database(), &batch);
		const std::vector<GroupCommit::Result> results =
			twoDuringAHeldCommit(writer, handing(batch, 2), handing(batch, 3));
		CPPUNIT_ASSERT(results[0] == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT(results[1] == GroupCommit::Result::COMMITTED);
		CPPUNIT_ASSERT_EQUAL(3, rows());
		CPPUNIT_ASSERT_EQUAL(2, count("id = 2 OR id = 3"));
		// The holder's group, then the two writes' group.
		CPPUNIT_ASSERT_EQUAL(2, batch.begins);
		CPPUNIT_ASSERT_EQUAL(2, batch.flushes);
		CPPUNIT_ASSERT_EQUAL(2, writer.commits());
	}

	void testABatchThatFailsRollsTheGroupBack()
	{
		// A flush that finds a fence gone counts as a write returning false:
		// nothing of the group stays, not even what its writes wrote themselves.
		ProbeBatch batch;
		batch.refuse = true;
		GroupCommit writer(database(), &batch);
		const GroupCommit::Result result = writer.commit([&batch](Poco::Data::Session& transaction) {
			insert(transaction, 7);
			batch.ids.push_back(8);
			return true;
		});
		CPPUNIT_ASSERT(result == GroupCommit::Result::LEASE_LOST);
		CPPUNIT_ASSERT_EQUAL(0, rows());
		CPPUNIT_ASSERT_EQUAL(0, writer.commits());
	}

private:
	struct ProbeBatch: public WriteBatch
	/// Rows of the probe table handed over by the writes, written at the flush.
	{
		void begin() override
		{
			++begins;
			ids.clear();
		}

		bool flush(Poco::Data::Session& transaction) override
		{
			++flushes;
			for (int id: ids)
				insert(transaction, id);
			return !refuse;
		}

		std::vector<int> ids;
		bool refuse = false;
		int begins = 0;
		int flushes = 0;
	};

	static GroupCommit::Write handing(ProbeBatch& batch, int id)
	{
		return [&batch, id](Poco::Data::Session&) {
			batch.ids.push_back(id);
			return true;
		};
	}

	erp::Database& database()
	{
		return _host->runtime().database();
	}

	static void insert(Poco::Data::Session& transaction, int id)
	{
		std::string label = "row " + std::to_string(id);
		transaction << "INSERT INTO group_commit_probe (id, label) VALUES (?, ?)", use(id), use(label), now;
	}

	static GroupCommit::Write inserting(int id)
	{
		return [id](Poco::Data::Session& transaction) {
			insert(transaction, id);
			return true;
		};
	}

	int count(const std::string& where)
	{
		Poco::Data::Session session = database().session();
		int n = 0;
		session << "SELECT COUNT(*) FROM group_commit_probe WHERE " + where, into(n), now;
		return n;
	}

	int rows()
	{
		return count("1 = 1");
	}

	static void waitFor(const std::function<bool()>& condition)
	{
		const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
		while (!condition())
		{
			CPPUNIT_ASSERT_MESSAGE("the condition never held", std::chrono::steady_clock::now() < deadline);
			std::this_thread::yield();
		}
	}

	std::vector<GroupCommit::Result> twoDuringAHeldCommit(GroupCommit& writer, const GroupCommit::Write& first,
														  const GroupCommit::Write& second)
	/// Two writes handed over while a first one holds its commit open.
	{
		std::vector<GroupCommit::Result> results(2);
		std::vector<std::thread> threads;
		holdWhile(writer, [&] {
			threads.emplace_back([&] { results[0] = writer.commit(first); });
			threads.emplace_back([&] { results[1] = writer.commit(second); });
			waitFor([&] { return writer.waiting() == 2; });
		});
		for (std::thread& thread: threads)
			thread.join();
		return results;
	}

	void holdWhile(GroupCommit& writer, const std::function<void()>& meanwhile)
	/// A first write holds a commit open while `meanwhile` hands over writes
	/// (and waits until they are queued); then everything completes.
	{
		std::mutex mutex;
		std::condition_variable changed;
		bool entered = false, release = false;
		std::thread holder([&] {
			writer.commit([&](Poco::Data::Session& transaction) {
				insert(transaction, 1);
				std::unique_lock<std::mutex> lock(mutex);
				entered = true;
				changed.notify_all();
				changed.wait(lock, [&] { return release; });
				return true;
			});
		});
		{
			std::unique_lock<std::mutex> lock(mutex);
			changed.wait(lock, [&] { return entered; });
		}
		meanwhile();
		{
			std::lock_guard<std::mutex> lock(mutex);
			release = true;
		}
		changed.notify_all();
		holder.join();
	}

	std::unique_ptr<TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(GroupCommitTest, "plugin");
