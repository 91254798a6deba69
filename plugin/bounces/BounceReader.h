//
// BounceReader.h
//


#ifndef Reminders_BounceReader_INCLUDED
#define Reminders_BounceReader_INCLUDED


#include "erp/Host.h"
#include "plugin/bounces/BounceMailbox.h"
#include "plugin/mail/ReturnPath.h"
#include "plugin/store/BounceStore.h"


namespace reminders {


class BounceReader
/// Reads the bounce mailbox: each message is parsed (BounceParser); a
/// bounce or delay whose return path names one of our messages (its check
/// holding) is recorded with an audit entry (reminders.bounce), in one
/// transaction, and only then is the message done in the mailbox. Anything
/// else (an automatic reply, a person's mail, a forged or damaged return
/// path) is counted as ignored and done too. A database error stops the
/// read with the message left where it was, to be read again.
{
public:
	struct Result
	{
		int read = 0;
		int bounced = 0;
		int delayed = 0;
		int ignored = 0;
		int again = 0; /// recorded at an earlier read that could not remove them

		std::string summary() const;
	};

	BounceReader(erp::Host& host, const BounceStore& store, const ReturnPath& returnPath);

	Result read(BounceMailbox& mailbox, const std::string& actor, std::size_t limit = 1000) const;

private:
	erp::Host& _host;
	const BounceStore& _store;
	ReturnPath _returnPath;
};


} // namespace reminders


#endif // Reminders_BounceReader_INCLUDED
