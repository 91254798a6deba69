//
// GroupCommit.cpp
//


#include "plugin/delivery/GroupCommit.h"
#include "erp/Transaction.h"
#include "plugin/store/ConflictRetry.h"


namespace reminders {


GroupCommit::GroupCommit(erp::Database& database):
	_database(database),
	_session(database.session())
{}


GroupCommit::Result GroupCommit::commit(const Write& write, std::exception_ptr* error)
{
	Request request;
	request.write = &write;
	std::unique_lock<std::mutex> lock(_mutex);
	_queue.push_back(&request);
	while (!request.done)
	{
		if (_leading)
		{
			_done.wait(lock);
			continue;
		}
		// No commit on its way: this thread writes what was handed over.
		_leading = true;
		std::deque<Request*> group;
		group.swap(_queue);
		lock.unlock();
		try
		{
			lead(group);
		}
		catch (...)
		{
			for (Request* each: group)
				if (!each->done)
				{
					each->result = Result::FAILED;
					each->error = std::current_exception();
					each->done = true;
				}
		}
		lock.lock();
		_leading = false;
		_done.notify_all();
	}
	if (error) *error = request.error;
	return request.result;
}


void GroupCommit::lead(std::deque<Request*>& group)
{
	if (writeTogether(group)) return;
	// One write threw: the group was rolled back. Each again on its own, so
	// that only the bad one fails.
	for (Request* request: group)
	{
		std::deque<Request*> alone{request};
		try
		{
			writeTogether(alone);
		}
		catch (...)
		{
			request->result = Result::FAILED;
			request->error = std::current_exception();
			request->done = true;
		}
	}
}


bool GroupCommit::writeTogether(std::deque<Request*>& group)
{
	try
	{
		const bool held = ConflictRetry::run([&] {
			erp::Transaction tx(_session, _database.dialect());
			for (Request* request: group)
				if (!(*request->write)(_session)) return false; // rolled back: the fence failed
			tx.commit();
			return true;
		});
		std::lock_guard<std::mutex> lock(_mutex);
		for (Request* request: group)
		{
			request->result = held ? Result::COMMITTED : Result::LEASE_LOST;
			request->done = true;
		}
		if (held)
		{
			++_commits;
			_writes += static_cast<int>(group.size());
		}
		return true;
	}
	catch (...)
	{
		if (group.size() == 1) throw;
		return false;
	}
}


int GroupCommit::commits() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _commits;
}


int GroupCommit::writes() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _writes;
}


int GroupCommit::waiting() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return static_cast<int>(_queue.size());
}


} // namespace reminders
