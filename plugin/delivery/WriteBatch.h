//
// WriteBatch.h
//


#ifndef Reminders_WriteBatch_INCLUDED
#define Reminders_WriteBatch_INCLUDED


#include <Poco/Data/Session.h>


namespace reminders {


class WriteBatch
/// Rows that the writes of one GroupCommit transaction hand over instead
/// of writing them one statement each: the writer begins it with the
/// transaction and flushes it after the group's last write, before the
/// commit. Used on the writer thread only.
{
public:
	virtual ~WriteBatch() = default;

	virtual void begin() = 0;
	/// A new transaction (or a retry of one): whatever was held is dropped.

	virtual bool flush(Poco::Data::Session& transaction) = 0;
	/// Writes what was handed over; false when a row's fence no longer held
	/// (the writer then rolls the group back, as for a write returning false).
};


} // namespace reminders


#endif // Reminders_WriteBatch_INCLUDED
