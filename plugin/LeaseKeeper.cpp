//
// LeaseKeeper.cpp
//


#include "plugin/LeaseKeeper.h"
#include "erp/Instant.h"
#include <chrono>


namespace reminders {


LeaseKeeper::LeaseKeeper(erp::Database& database, const RunStore& runs, const erp::Clock& clock, Poco::Int64 batchId,
						 const Fence& fence, int leaseSeconds):
	_database(database),
	_runs(runs),
	_clock(clock),
	_batchId(batchId),
	_fence(fence),
	_lease(static_cast<Poco::Timestamp::TimeDiff>(leaseSeconds) * Poco::Timestamp::resolution()),
	_renewedAt(clock.now())
{
	_thread = std::thread([this] { loop(); });
}


LeaseKeeper::~LeaseKeeper()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopping = true;
	}
	_wake.notify_all();
	_thread.join();
}


bool LeaseKeeper::renewIfDue(std::unique_lock<std::mutex>& lock)
{
	// REQUIRES: lock holds _mutex.
	if (_lost) return false;
	const Poco::Timestamp now = _clock.now();
	if (now - _renewedAt < _lease / 3) return true;
	bool renewed = false;
	try
	{
		Poco::Data::Session session = _database.session();
		renewed = _runs.renewBatch(session, _batchId, _fence, erp::Instant::format(now + _lease));
	}
	catch (std::exception&)
	{
		// The database did not answer: the lease may still be ours, and the
		// next fenced write will tell. Try again at the next occasion.
		(void)lock;
		return true;
	}
	if (renewed)
		_renewedAt = now;
	else
		_lost = true;
	return renewed;
}


bool LeaseKeeper::holds()
{
	std::unique_lock<std::mutex> lock(_mutex);
	return renewIfDue(lock);
}


bool LeaseKeeper::lost() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _lost;
}


void LeaseKeeper::loop()
{
	std::unique_lock<std::mutex> lock(_mutex);
	const auto third = std::chrono::microseconds(std::max<Poco::Timestamp::TimeDiff>(_lease / 3, 1000));
	while (!_stopping && !_lost)
	{
		_wake.wait_for(lock, third);
		if (_stopping) break;
		renewIfDue(lock);
	}
}


} // namespace reminders
