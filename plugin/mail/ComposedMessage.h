//
// ComposedMessage.h
//


#ifndef Reminders_ComposedMessage_INCLUDED
#define Reminders_ComposedMessage_INCLUDED


#include <Poco/Timestamp.h>
#include <string>


namespace reminders {


struct ComposedMessage
/// An email's content and envelope, before MIME.
{
	std::string language;
	std::string subject;
	std::string text;
	std::string html;

	std::string fromAddress;
	std::string envelopeSender; /// SMTP's MAIL FROM (where bounces go); empty: fromAddress
	std::string fromName;
	std::string replyTo;
	std::string to;
	std::string toName;
	std::string messageId; /// without angle brackets
	Poco::Timestamp date;  /// the instant; the Date header shows it in timeZone
	std::string timeZone;  /// IANA zone of the Date header's offset; empty: UTC
};


} // namespace reminders


#endif // Reminders_ComposedMessage_INCLUDED
