//
// MimeBuilder.cpp
//


#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/HeaderEncoding.h"
#include <Poco/HexBinaryEncoder.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/RandomStream.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <date/tz.h>
#include <sstream>


namespace reminders {


namespace {

// The text with every line break (LF, CR or CRLF) written CRLF: templates
// end their lines with LF, and Poco's quoted-printable encoder copies CR
// and LF as they are, while a message on the wire (RFC 5321 2.3.8) and in
// a .eml file has only CRLF line breaks.
std::string withCrlf(const std::string& text)
{
	std::string result;
	result.reserve(text.size() + text.size() / 32);
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		if (text[i] == '\r' || text[i] == '\n')
		{
			result += "\r\n";
			if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
		}
		else
			result += text[i];
	}
	return result;
}

} // namespace


std::unique_ptr<Poco::Net::MailMessage> MimeBuilder::build(const ComposedMessage& message)
{
	auto mail = std::make_unique<Poco::Net::MailMessage>();
	// multipart/alternative must be set before the first part is added.
	mail->setContentType("multipart/alternative");
	mail->set("From", HeaderEncoding::mailbox(message.fromName, message.fromAddress, 6));
	mail->set("To", HeaderEncoding::mailbox(message.toName, message.to, 4));
	if (!message.replyTo.empty()) mail->set("Reply-To", message.replyTo);
	mail->set("Subject", HeaderEncoding::encodeWords(message.subject, 9));
	mail->set("Date", dateHeader(message.date, message.timeZone));
	mail->set("Message-ID", "<" + message.messageId + ">");
	mail->set("Content-Language", message.language);
	mail->set("Auto-Submitted", "auto-generated");
	mail->addContent(new Poco::Net::StringPartSource(withCrlf(message.text), "text/plain; charset=utf-8"),
					 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
	mail->addContent(new Poco::Net::StringPartSource(withCrlf(message.html), "text/html; charset=utf-8"),
					 Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
	return mail;
}


std::string MimeBuilder::bytes(const ComposedMessage& message)
{
	std::ostringstream out;
	build(message)->write(out);
	return out.str();
}


std::string MimeBuilder::dateHeader(const Poco::Timestamp& instant, const std::string& timeZone)
{
	using std::chrono::seconds;
	// In microseconds, as Poco keeps it: system_clock's nanoseconds would
	// overflow for instants after 2262.
	const date::sys_seconds utc = date::floor<seconds>(
		date::sys_time<std::chrono::microseconds>(std::chrono::microseconds(instant.epochMicroseconds())));
	seconds offset{0};
	if (!timeZone.empty())
	{
		try
		{
			offset = date::locate_zone(timeZone)->get_info(utc).offset;
		}
		catch (std::exception&)
		{
			// The settings validate the zone; an unknown one still gives the right instant, in UTC.
		}
	}
	const date::sys_seconds local = utc + offset;
	const date::sys_days day = date::floor<date::days>(local);
	const date::year_month_day ymd(day);
	const date::hh_mm_ss<seconds> time(local - day);
	static const char* const WEEKDAYS[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char* const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
										 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	const long minutes = std::abs(static_cast<long>(offset.count())) / 60;
	char text[128];
	std::snprintf(text, sizeof(text), "%s, %02u %s %04d %02ld:%02ld:%02ld %c%02ld%02ld",
				  WEEKDAYS[date::weekday(day).c_encoding()], static_cast<unsigned>(ymd.day()),
				  MONTHS[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
				  static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
				  static_cast<long>(time.seconds().count()), offset.count() < 0 ? '-' : '+', minutes / 60,
				  minutes % 60);
	return text;
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
