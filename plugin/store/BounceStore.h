//
// BounceStore.h
//


#ifndef Reminders_BounceStore_INCLUDED
#define Reminders_BounceStore_INCLUDED


#include "plugin/core/SoftBounceRule.h"
#include <Poco/Data/Session.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>


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
	std::string receivedAt;  /// when it was read, erp::Instant
	std::string source;      /// the mailbox's name for the file
	bool suppresses = false; /// it keeps its address out of the reminders (set by record())
};


struct ListedBounce
/// A bounce as the owner's report lists it.
{
	BounceRecord bounce;
	Poco::Int64 customerId = 0; /// 0: not a reminder (the owner's report)
	std::string customerName;
	bool suppressedNow = false; /// the address is left out of the reminders now
};


class BounceStore
/// reminder_bounces. Works in the caller's session and transaction.
{
public:
	explicit BounceStore(int softLimit = SoftBounceRule::DEFAULT_LIMIT);
	/// softLimit: soft bounces in a row that suppress an address
	/// (reminders.bounces.soft_limit; 0: never).

	bool record(Poco::Data::Session& session, BounceRecord& bounce) const;
	/// False when the source was recorded already (nothing written).
	/// Decides bounce.suppresses (SoftBounceRule): a hard bounce, or the
	/// softLimit-th soft bounce in a row of the messages sent to the
	/// recipient, each message counted once however many reports it got.

	int lift(Poco::Data::Session& session, const std::string& address, const std::string& actor,
			 const std::string& at) const;
	/// Lifts every suppressing, unlifted bounce of the address (any case):
	/// it is used again from the next plan, and its soft bounces so far no
	/// longer count. Returns how many suppressing bounces were lifted.

	std::map<std::string, BounceRecord> latest(Poco::Data::Session& session, const std::set<std::string>& tags) const;
	/// Per tag, what came back last: a bounce before any delay.

	std::optional<BounceRecord> suppressing(Poco::Data::Session& session, const std::string& address) const;
	/// The latest bounce that keeps the address (any case) out, unlifted.

	std::vector<ListedBounce> bounced(Poco::Data::Session& session, const std::string& from,
									  const std::string& to) const;
	/// The bounces (not delays) read in [from, to) (erp::Instant), oldest
	/// first, with the customer each returned reminder was for.

	int softLimit() const;

private:
	int softInARow(Poco::Data::Session& session, const BounceRecord& bounce) const;

	int _softLimit;
};


} // namespace reminders


#endif // Reminders_BounceStore_INCLUDED
