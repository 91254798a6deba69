//
// GroupCommit.h
//


#ifndef Reminders_GroupCommit_INCLUDED
#define Reminders_GroupCommit_INCLUDED


#include "erp/Database.h"
#include "plugin/delivery/WriteBatch.h"
#include <Poco/Data/Session.h>
#include <chrono>
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
/// Senders that hand over writes in turn register as members. When the
/// writer finds fewer writes waiting than there are members, it waits for
/// the others a short while (the gather window) before it begins: members
/// whose rows were in the commit just made hand over their next ones a
/// moment later, and without the wait the writer would take the first of
/// them alone and leave the rest for a whole commit more. A member that
/// leaves, or the end of the window, ends the wait.
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

	class Member
	/// A sender that hands over writes in turn, for as long as it lives.
	{
	public:
		explicit Member(GroupCommit& writer);
		~Member();
		Member(const Member&) = delete;
		Member& operator=(const Member&) = delete;

	private:
		GroupCommit& _writer;
	};

	static constexpr std::chrono::microseconds GATHER_WINDOW{500};
	/// How long the writer waits at most for the other members' writes:
	/// about half of a commit on an ordinary disk (an fdatasync), so a
	/// member that does not come (it is sending a long message) costs less
	/// than leaving the others for the next commit would.

	explicit GroupCommit(erp::Database& database, WriteBatch* batch = nullptr,
						 std::chrono::microseconds gatherWindow = GATHER_WINDOW);
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

	bool gathering() const;
	/// Whether the writer holds the writes handed over while it waits for
	/// the other members' (for tests).

private:
	void loop();
	void lead(std::deque<std::shared_ptr<Pending::State>>& group);
	bool writeTogether(std::deque<std::shared_ptr<Pending::State>>& group);
	/// true when the group committed or its fence failed; false when a write threw.
	void finish(Pending::State& state, Result result, std::exception_ptr error = nullptr);

	erp::Database& _database;
	WriteBatch* _batch;
	const std::chrono::microseconds _gatherWindow;
	Poco::Data::Session _session;
	mutable std::mutex _mutex;
	std::condition_variable _handedOver;
	std::condition_variable _done;
	std::deque<std::shared_ptr<Pending::State>> _queue;
	bool _stopping = false;
	bool _gathering = false;
	int _members = 0;
	int _commits = 0;
	int _writes = 0;
	std::thread _writer;
};


} // namespace reminders


#endif // Reminders_GroupCommit_INCLUDED
