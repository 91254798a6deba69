//
// BounceParser.h
//


#ifndef Reminders_BounceParser_INCLUDED
#define Reminders_BounceParser_INCLUDED


#include "plugin/mail/BounceReport.h"
#include <string>


namespace reminders {


class BounceParser
/// Reads what came back to the bounce mailbox (one raw RFC 5322 message):
///  - RFC 3464 delivery status notifications (multipart/report with a
///    message/delivery-status part, as Postfix, Exim, Sendmail, Microsoft
///    Exchange and Gmail write them): every recipient's action, status
///    and diagnostic;
///  - the common plain-text bounces without one (qmail's "qmail-send
///    program", Exim's "could not be delivered ... failed:" text), only
///    when the message comes from the mail system (an empty Return-Path,
///    MAILER-DAEMON or postmaster), so that a customer's reply quoting an
///    error is never taken for a bounce;
///  - automatic replies (RFC 3834 Auto-Submitted, X-Autoreply, Precedence
///    auto_reply, "Out of office" subjects), which are not bounces.
/// Never throws for any input: what it cannot read is OTHER. Pure.
{
public:
	static BounceReport parse(const std::string& raw);

	static constexpr std::size_t MAXIMUM_SIZE = 4 * 1024 * 1024;
	/// Bytes read of a message; a bounce's report comes first, the rest
	/// (a returned message's body) is not needed.
};


} // namespace reminders


#endif // Reminders_BounceParser_INCLUDED
