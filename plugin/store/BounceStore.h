//
// BounceStore.h
//


#ifndef Reminders_BounceStore_INCLUDED
#define Reminders_BounceStore_INCLUDED


#include <Poco/Data/Session.h>
#include <map>
#include <set>
#include <string>


namespace reminders {


struct BounceRecord
/// One report read from the bounce mailbox (reminder_bounces).
{
	std::string messageTag; /// the returned message's Message-ID up to its '@'
	std::string kind;       /// bounce or delay
	std::string recipient;
	std::string status;     /// e.g. 5.1.1; empty when the report gave none
	std::string diagnostic; /// the remote server's words
	bool permanent = false;
	std::string receivedAt; /// when it was read, erp::Instant
	std::string source;     /// the mailbox's name for the file
};


class BounceStore
/// reminder_bounces. Works in the caller's session and transaction.
{
public:
	bool record(Poco::Data::Session& session, const BounceRecord& bounce) const;
	/// False when the source was recorded already (nothing written).

	int lift(Poco::Data::Session& session, const std::string& address, const std::string& actor,
			 const std::string& at) const;
	/// Lifts every permanent, unlifted bounce of the address (any case):
	/// it is used again from the next plan. Returns how many.

	std::map<std::string, BounceRecord> latest(Poco::Data::Session& session, const std::set<std::string>& tags) const;
	/// Per tag, what came back last: a bounce before any delay.
};


} // namespace reminders


#endif // Reminders_BounceStore_INCLUDED
