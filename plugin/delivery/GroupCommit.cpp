//
// GroupCommit.cpp
//


#include "plugin/delivery/GroupCommit.h"
#include "erp/Transaction.h"
#include "plugin/store/ConflictRetry.h"


namespace reminders {


struct GroupCommit::Pending::State
{
	Write write;
	bool done = false;
	Result result = Result::COMMITTED;
	std::exception_ptr error;
};


GroupCommit::Result GroupCommit::Pending::wait(std::exception_ptr* error)
{
	std::unique_lock<std::mutex> lock(_owner->_mutex);
	_owner->_done.wait(lock, [&] { return _state->done; });
	if (error) *error = _state->error;
	return _state->result;
}


GroupCommit::Member::Member(GroupCommit& writer):
	_writer(writer)
{
	std::lock_guard<std::mutex> lock(_writer._mutex);
	++_writer._members;
}


GroupCommit::Member::~Member()
{
	{
		std::lock_guard<std::mutex> lock(_writer._mutex);
		--_writer._members;
	}
	_writer._handedOver.notify_all();
}


GroupCommit::GroupCommit(erp::Database& database, WriteBatch* batch, std::chrono::microseconds gatherWindow):
	_database(database),
	_batch(batch),
	_gatherWindow(gatherWindow),
	_session(database.session()),
	_writer([this] { loop(); })
{}


GroupCommit::~GroupCommit()
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_stopping = true;
	}
	_handedOver.notify_all();
	_writer.join();
}


GroupCommit::Pending GroupCommit::submit(Write write)
{
	Pending pending;
	pending._owner = this;
	pending._state = std::make_shared<Pending::State>();
	pending._state->write = std::move(write);
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_queue.push_back(pending._state);
	}
	_handedOver.notify_one();
	return pending;
}


GroupCommit::Result GroupCommit::commit(const Write& write, std::exception_ptr* error)
{
	return submit(write).wait(error);
}


void GroupCommit::loop()
{
	for (;;)
	{
		std::deque<std::shared_ptr<Pending::State>> group;
		{
			std::unique_lock<std::mutex> lock(_mutex);
			_handedOver.wait(lock, [&] { return _stopping || !_queue.empty(); });
			if (_queue.empty()) return; // stopping, and nothing is left
			const auto everyMember = [&] { return _stopping || static_cast<int>(_queue.size()) >= _members; };
			if (!everyMember())
			{
				_gathering = true;
				_handedOver.wait_for(lock, _gatherWindow, everyMember);
				_gathering = false;
			}
			group.swap(_queue);
		}
		try
		{
			lead(group);
		}
		catch (...)
		{
			for (const std::shared_ptr<Pending::State>& state: group)
				finish(*state, Result::FAILED, std::current_exception());
		}
	}
}


void GroupCommit::lead(std::deque<std::shared_ptr<Pending::State>>& group)
{
	if (writeTogether(group)) return;
	// One write threw: the group was rolled back. Each again on its own, so
	// that only the bad one fails.
	for (const std::shared_ptr<Pending::State>& state: group)
	{
		std::deque<std::shared_ptr<Pending::State>> alone{state};
		try
		{
			writeTogether(alone);
		}
		catch (...)
		{
			finish(*state, Result::FAILED, std::current_exception());
		}
	}
}


bool GroupCommit::writeTogether(std::deque<std::shared_ptr<Pending::State>>& group)
{
	bool held = false;
	try
	{
		held = ConflictRetry::run([&] {
			erp::Transaction tx(_session, _database.dialect());
			if (_batch) _batch->begin();
			for (const std::shared_ptr<Pending::State>& state: group)
				if (!state->write(_session)) return false; // rolled back: the fence failed
			if (_batch && !_batch->flush(_session)) return false;
			tx.commit();
			return true;
		});
	}
	catch (...)
	{
		if (group.size() == 1) throw;
		return false;
	}
	{
		// The whole group answered at once: one wake-up for its senders.
		std::lock_guard<std::mutex> lock(_mutex);
		if (held)
		{
			++_commits;
			_writes += static_cast<int>(group.size());
		}
		for (const std::shared_ptr<Pending::State>& state: group)
		{
			state->result = held ? Result::COMMITTED : Result::LEASE_LOST;
			state->done = true;
		}
	}
	_done.notify_all();
	return true;
}


void GroupCommit::finish(Pending::State& state, Result result, std::exception_ptr error)
{
	{
		std::lock_guard<std::mutex> lock(_mutex);
		state.result = result;
		state.error = error;
		state.done = true;
	}
	_done.notify_all();
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


bool GroupCommit::gathering() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _gathering;
}


} // namespace reminders
