//
// Transaction.h
//
// A scoped database transaction that rolls back unless committed.
//


#ifndef Erp_Transaction_INCLUDED
#define Erp_Transaction_INCLUDED


#include <Poco/Data/Session.h>
#include <string>


namespace erp {


class Transaction
/// Opens a write transaction on the session, in the dialect's way
/// (SQLite: BEGIN IMMEDIATE, so that two writers wait on each other
/// instead of failing at the first write; MySQL: START TRANSACTION).
/// The destructor rolls back unless commit() was called.
{
public:
	Transaction(Poco::Data::Session& session, const std::string& dialect):
		_session(session)
	{
		_session << (dialect == "sqlite" ? "BEGIN IMMEDIATE" : "START TRANSACTION"), Poco::Data::Keywords::now;
		_open = true;
	}

	Transaction(const Transaction&) = delete;
	Transaction& operator=(const Transaction&) = delete;

	~Transaction()
	{
		if (_open)
		{
			try
			{
				_session << "ROLLBACK", Poco::Data::Keywords::now;
			}
			catch (...)
			{
				// The connection is gone; the server has rolled back already.
			}
		}
	}

	void commit()
	{
		_session << "COMMIT", Poco::Data::Keywords::now;
		_open = false;
	}

	Poco::Data::Session& session()
	{
		return _session;
	}

private:
	Poco::Data::Session& _session;
	bool _open = false;
};


} // namespace erp


#endif // Erp_Transaction_INCLUDED
