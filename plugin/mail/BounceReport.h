//
// BounceReport.h
//


#ifndef Reminders_BounceReport_INCLUDED
#define Reminders_BounceReport_INCLUDED


#include <string>
#include <vector>


namespace reminders {


struct BounceRecipient
/// One recipient of a delivery status notification.
{
	std::string address;    /// the recipient the report is about (Final-Recipient, or the text's address)
	std::string action;     /// failed, delayed, delivered, relayed, expanded
	std::string status;     /// the enhanced status code, e.g. 5.1.1 (RFC 3463); empty when none was given
	std::string diagnostic; /// the remote server's words, e.g. "smtp; 550 5.1.1 <x@y>: User unknown"
};


struct BounceReport
/// What a message that came back to the bounce mailbox says.
{
	enum class Kind
	{
		BOUNCE,     /// at least one recipient failed for good or for now (action failed)
		DELAY,      /// still being tried (action delayed only): shown, but the message is not over
		AUTO_REPLY, /// a vacation notice or another automatic answer (RFC 3834): not a bounce
		OTHER       /// none of these (a person's reply, a success notice, something unreadable)
	};

	Kind kind = Kind::OTHER;
	std::string format; /// how it was read: rfc3464, qmail, exim-text, auto-reply, none
	std::vector<BounceRecipient> recipients;
	std::vector<std::string> addressedTo; /// where the report was sent (Delivered-To, X-Original-To, Envelope-To,
										  /// To), first first: one of them is the message's return path
	std::string originalMessageId;        /// the Message-ID of the message it returns, when it quotes its headers

	bool permanent() const
	/// Whether a recipient failed for good: a 5.x.x status, or a failure
	/// without a status (treated as permanent, as the MTAs that omit it mean).
	{
		for (const BounceRecipient& recipient: recipients)
			if (recipient.action == "failed" && (recipient.status.empty() || recipient.status[0] == '5')) return true;
		return false;
	}

	static const char* name(Kind kind)
	{
		switch (kind)
		{
		case Kind::BOUNCE:
			return "bounce";
		case Kind::DELAY:
			return "delay";
		case Kind::AUTO_REPLY:
			return "auto-reply";
		case Kind::OTHER:
			break;
		}
		return "other";
	}
};


} // namespace reminders


#endif // Reminders_BounceReport_INCLUDED
