//
// GroupCommit.h
//


#ifndef Reminders_GroupCommit_INCLUDED
#define Reminders_GroupCommit_INCLUDED


#include "erp/Database.h"
#include <Poco/Data/Session.h>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>


namespace reminders {


class GroupCommit
/// Commits the outbox writes of several senders together: each sender
/// hands over its writes and waits until they are durable; whoever finds no
/// commit in progress leads, and writes everything handed over so far in
/// one transaction of its own session, then wakes the others. So while one
/// commit is on its way to the disk the next one gathers, and the number of
/// commits per message falls with the number of senders, while each write
/// is still durable before its sender goes on (a message is handed to SMTP
/// only after its "sending" row is committed).
///
/// A write returns false when its fence no longer holds (another instance
/// has the batch): the whole group is rolled back and every write of it
/// answers LEASE_LOST. A write that throws rolls the group back too; the
/// others of the group are then written again one by one, so that one bad
/// row fails only its own sender (FAILED, with the error kept). Conflicts
/// the database resolves by picking a victim (ConflictRetry) are retried.
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

	explicit GroupCommit(erp::Database& database);

	Result commit(const Write& write, std::exception_ptr* error = nullptr);
	/// Returns once `write` is committed (or failed); `error` receives a
	/// failed write's exception.

	int commits() const;
	/// Transactions committed so far.

	int writes() const;
	/// Writes committed so far.

	int waiting() const;
	/// Writes handed over and not yet taken by a leader (for tests).

private:
	struct Request
	{
		const Write* write = nullptr;
		bool done = false;
		Result result = Result::COMMITTED;
		std::exception_ptr error;
	};

	void lead(std::deque<Request*>& group);
	/// Writes the group; REQUIRES: _mutex not held, _leading set by this thread.
	bool writeTogether(std::deque<Request*>& group);
	/// true when the group committed or its fence failed; false when a write threw.

	erp::Database& _database;
	Poco::Data::Session _session;
	mutable std::mutex _mutex;
	std::condition_variable _done;
	std::deque<Request*> _queue;
	bool _leading = false;
	int _commits = 0;
	int _writes = 0;
};


} // namespace reminders


#endif // Reminders_GroupCommit_INCLUDED
