//
// GroupCommit.h
//


#ifndef Reminders_GroupCommit_INCLUDED
#define Reminders_GroupCommit_INCLUDED


#include "erp/Database.h"
#include "plugin/delivery/WriteBatch.h"
#include <Poco/Data/Session.h>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>


namespace reminders {


class GroupCommit
/// Commits the outbox writes of several senders together, on a writer
/// thread of its own: senders hand over writes, and the writer takes
/// everything handed over so far into one transaction of its own session.
/// While one commit is on its way to the disk the next one gathers, so the
/// number of commits per message falls with the number of senders. A sender
/// may hand over its next message's "sending" row and go on sending the
/// current one while that commits; it hands the next message to SMTP only
/// once wait() says the row is durable.
///
/// A write returns false when its fence no longer holds (another instance
/// has the batch): the whole group is rolled back and every write of it
/// answers LEASE_LOST. A write that throws rolls the group back too; the
/// others of the group are then written again one by one, so that one bad
/// row fails only its own sender (FAILED, with the error kept). Conflicts
/// the database resolves by picking a victim (ConflictRetry) are retried.
/// Writes run on the writer thread, possibly more than once (a retry):
/// they must only touch the database and what they own.
///
/// Thread-safe.
{
public:
	enum class Result
	{
		COMMITTED,
		LEASE_LOST,
		FAILED
	};

	using Write = std::function<bool(Poco::Data::Session& transaction)>;

	class Pending
	/// A write handed over, until it is committed or has failed.
	{
	public:
		Result wait(std::exception_ptr* error = nullptr);
		/// Returns once the write is committed (or failed); `error` receives
		/// a failed write's exception.

	private:
		friend class GroupCommit;
		struct State;
		GroupCommit* _owner = nullptr;
		std::shared_ptr<State> _state;
	};

	explicit GroupCommit(erp::Database& database, WriteBatch* batch = nullptr);
	/// Starts the writer thread. With a `batch`, writes may hand rows to it
	/// (they run on the writer thread); it is flushed after each group's
	/// last write, before the commit, and a flush that returns false counts
	/// as a write returning false. The batch must outlive this object.

	~GroupCommit();
	/// Writes what was handed over, then stops the writer thread.

	Pending submit(Write write);
	/// Hands a write over and returns at once.

	Result commit(const Write& write, std::exception_ptr* error = nullptr);
	/// submit(write).wait(error).

	int commits() const;
	/// Transactions committed so far.

	int writes() const;
	/// Writes committed so far.

	int waiting() const;
	/// Writes handed over and not yet taken by the writer (for tests).

private:
	void loop();
	void lead(std::deque<std::shared_ptr<Pending::State>>& group);
	bool writeTogether(std::deque<std::shared_ptr<Pending::State>>& group);
	/// true when the group committed or its fence failed; false when a write threw.
	void finish(Pending::State& state, Result result, std::exception_ptr error = nullptr);

	erp::Database& _database;
	WriteBatch* _batch;
	Poco::Data::Session _session;
	mutable std::mutex _mutex;
	std::condition_variable _handedOver;
	std::condition_variable _done;
	std::deque<std::shared_ptr<Pending::State>> _queue;
	bool _stopping = false;
	int _commits = 0;
	int _writes = 0;
	std::thread _writer;
};


} // namespace reminders


#endif // Reminders_GroupCommit_INCLUDED
