//
// MimeBuilder.h
//


#ifndef Reminders_MimeBuilder_INCLUDED
#define Reminders_MimeBuilder_INCLUDED


#include "plugin/mail/ComposedMessage.h"
#include <string>


namespace reminders {


class MimeBuilder
/// Turns a composed message into a MIME message: multipart/alternative
/// with a UTF-8 text and HTML part (quoted-printable), Date, Message-ID,
/// From, To, Reply-To and an RFC 2047 Subject and display names that
/// never split a character. Header values are built here, not by Poco's
/// encoder (which splits multi-byte characters). The Date header shows
/// the message's instant in its time zone's offset at that instant. Line
/// breaks of the text and the HTML (LF, CR or CRLF) are written CRLF.
/// The whole message is written in one pass into one string (Poco's
/// MailMessage wrote it a character at a time through two stream
/// encoders: a sixth of a weekly run's CPU).
{
public:
	static std::string bytes(const ComposedMessage& message);
	/// The message as it goes into a .eml file, and (dot-stuffed) on the
	/// wire: CRLF line breaks only, no line that starts with ".".

	static std::string dateHeader(const Poco::Timestamp& instant, const std::string& timeZone);
	/// RFC 5322 date-time of the instant in the IANA zone's offset then
	/// (daylight saving time included): "Mon, 30 Nov 2026 09:00:00 +0200".
	/// An empty or unknown zone: UTC, "+0000".

	static std::string newMessageId(const std::string& fromAddress, const std::string& tag);
	/// "<tag>.<random>@<domain of fromAddress>", without angle brackets.
};


} // namespace reminders


#endif // Reminders_MimeBuilder_INCLUDED
