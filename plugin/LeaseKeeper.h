//
// LeaseKeeper.h
//


#ifndef Reminders_LeaseKeeper_INCLUDED
#define Reminders_LeaseKeeper_INCLUDED


#include "erp/Clock.h"
#include "erp/Database.h"
#include "plugin/store/RunStore.h"
#include <condition_variable>
#include <mutex>
#include <thread>


namespace reminders {


class LeaseKeeper
/// Keeps a batch's lease alive while its messages go out. It renews the
/// lease once a third of it has passed, by time and never by a count of
/// messages: from its own thread, so that one slow SMTP transaction cannot
/// outrun the lease, and whenever the sender asks between two messages.
/// Once a renewal fails (another instance took the batch over), lost() stays
/// true and the sender must stop.
///
/// Thread-safe.
{
public:
	LeaseKeeper(erp::Database& database, const RunStore& runs, const erp::Clock& clock, Poco::Int64 batchId,
				const Fence& fence, int leaseSeconds);
	/// Starts the renewal thread.

	~LeaseKeeper();
	/// Stops the renewal thread.

	bool holds();
	/// Renews the lease if a third of it has passed since the last renewal
	/// (by the host's clock); false once the lease is lost.

	bool lost() const;

private:
	bool renewIfDue(std::unique_lock<std::mutex>& lock);
	void loop();

	erp::Database& _database;
	const RunStore& _runs;
	const erp::Clock& _clock;
	const Poco::Int64 _batchId;
	const Fence _fence;
	const Poco::Timestamp::TimeDiff _lease;
	mutable std::mutex _mutex;
	std::condition_variable _wake;
	Poco::Timestamp _renewedAt;
	bool _lost = false;
	bool _stopping = false;
	std::thread _thread;
};


} // namespace reminders


#endif // Reminders_LeaseKeeper_INCLUDED
