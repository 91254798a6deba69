//
// MimeBuilder.cpp
//


#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/HeaderEncoding.h"
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/HexBinaryEncoder.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/RandomStream.h>
#include <sstream>


namespace reminders {


std::unique_ptr<Poco::Net::MailMessage> MimeBuilder::build(const ComposedMessage& message)
{
	auto mail = std::make_unique<Poco::Net::MailMessage>();
	// multipart/alternative must be set before the first part is added.
	mail->setContentType("multipart/alternative");
	mail->set("From", HeaderEncoding::mailbox(message.fromName, message.fromAddress, 6));
	mail->set("To", HeaderEncoding::mailbox(message.toName, message.to, 4));
	if (!message.replyTo.empty()) mail->set("Reply-To", message.replyTo);
	mail->set("Subject", HeaderEncoding::encodeWords(message.subject, 9));
	mail->set("Date", Poco::DateTimeFormatter::format(message.date, Poco::DateTimeFormat::RFC1123_FORMAT));
	mail->set("Message-ID", "<" + message.messageId + ">");
	mail->set("Content-Language", message.language);
	mail->set("Auto-Submitted", "auto-generated");
	mail->addContent(new Poco::Net::StringPartSource(message.text, "text/plain; charset=utf-8"),
					 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
	mail->addContent(new Poco::Net::StringPartSource(message.html, "text/html; charset=utf-8"),
					 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
	return mail;
}


std::string MimeBuilder::bytes(const ComposedMessage& message)
{
	std::ostringstream out;
	build(message)->write(out);
	return out.str();
}


std::string MimeBuilder::newMessageId(const std::string& fromAddress, const std::string& tag)
{
	char random[8];
	Poco::RandomInputStream().read(random, sizeof(random));
	std::ostringstream hex;
	Poco::HexBinaryEncoder encoder(hex);
	encoder.write(random, sizeof(random));
	encoder.close();
	const std::string::size_type at = fromAddress.rfind('@');
	const std::string domain = at == std::string::npos ? "localhost" : fromAddress.substr(at + 1);
	return tag + "." + hex.str() + "@" + domain;
}


} // namespace reminders
