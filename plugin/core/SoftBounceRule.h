//
// SoftBounceRule.h
//


#ifndef Reminders_SoftBounceRule_INCLUDED
#define Reminders_SoftBounceRule_INCLUDED


#include <vector>


namespace reminders {


class SoftBounceRule
/// When an address that bounced stops being used. A hard bounce (5.x.x, or
/// a failure without a status) suppresses it at once; soft bounces (4.x.x:
/// a full mailbox, a server down for days) only after `limit` of the
/// messages sent to it came back in a row. The messages in between count:
/// one that came back as nothing but a delay, or not at all, was delivered
/// and ends the row; so does a bounce an accountant lifted. Pure.
{
public:
	enum class Returned
	/// What came back about one message sent to the address.
	{
		NOTHING, /// no bounce (delivered, or only "delayed" reports)
		SOFT,    /// a soft bounce, not lifted
		HARD,    /// a hard bounce, not lifted
		LIFTED   /// a bounce that an accountant lifted
	};

	struct Seen
	/// One report read about a message (a row of reminder_bounces).
	{
		bool bounce = false; /// a bounce, not a delay
		bool permanent = false;
		bool lifted = false;
	};

	static const int DEFAULT_LIMIT = 3;

	static Returned returned(const std::vector<Seen>& reports);
	/// What a message's reports amount to: a hard bounce over a soft one,
	/// any bounce over delays; lifted when its bounces were all lifted.

	static int softInARow(const std::vector<Returned>& newestFirst);
	/// How many of the messages, from the newest back, soft-bounced one
	/// after another.

	static bool suppresses(bool permanent, int softInARow, int limit);
	/// Whether a bounce leaves its address out of the reminders: hard, or
	/// the limit-th soft one in a row (or later).
};


} // namespace reminders


#endif // Reminders_SoftBounceRule_INCLUDED
