//
// MimeBuilder.cpp
//


#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/HeaderEncoding.h"
#include "plugin/mail/QuotedPrintable.h"
#include <Poco/Exception.h>
#include <Poco/HexBinaryEncoder.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <date/tz.h>
#include <functional>
#include <sstream>
#include <sys/random.h>


namespace reminders {


namespace {

void header(std::string& out, const char* name, const std::string& value)
{
	out += name;
	out += ": ";
	out += value;
	out += "\r\n";
}

void part(std::string& out, const std::string& boundary, const char* type, const std::string& text)
{
	out += "--" + boundary + "\r\n";
	header(out, "Content-Type", std::string(type) + "; charset=utf-8");
	header(out, "Content-Transfer-Encoding", "quoted-printable");
	header(out, "Content-Disposition", "inline");
	out += "\r\n";
	QuotedPrintable::encode(text, out);
	out += "\r\n"; // the delimiter's own line break (RFC 2046 5.1.1), not the text's
}

} // namespace


std::string MimeBuilder::bytes(const ComposedMessage& message)
{
	// The boundary starts with "=_", which quoted-printable parts never hold.
	char hash[24];
	std::snprintf(hash, sizeof(hash), "%016zx", std::hash<std::string>()(message.messageId));
	const std::string boundary = std::string("=_") + hash;
	std::string out;
	out.reserve(1024 + (message.text.size() + message.html.size()) * 3 / 2);
	header(out, "From", HeaderEncoding::mailbox(message.fromName, message.fromAddress, 6));
	header(out, "To", HeaderEncoding::mailbox(message.toName, message.to, 4));
	if (!message.replyTo.empty()) header(out, "Reply-To", HeaderEncoding::mailbox("", message.replyTo, 10));
	header(out, "Subject", HeaderEncoding::encodeWords(message.subject, 9));
	header(out, "Date", dateHeader(message.date, message.timeZone));
	header(out, "Message-ID", "<" + message.messageId + ">");
	header(out, "Content-Language", message.language);
	header(out, "Auto-Submitted", "auto-generated");
	header(out, "MIME-Version", "1.0");
	header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
	out += "\r\n";
	part(out, boundary, "text/plain", message.text);
	part(out, boundary, "text/html", message.html);
	out += "--" + boundary + "--\r\n";
	return out;
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
	// getrandom(2): one system call, where Poco's RandomInputStream opens,
	// reads and closes /dev/urandom for every message.
	char random[8];
	if (getrandom(random, sizeof(random), 0) != static_cast<ssize_t>(sizeof(random)))
		throw Poco::SystemException("getrandom failed for a Message-ID");
	std::ostringstream hex;
	Poco::HexBinaryEncoder encoder(hex);
	encoder.write(random, sizeof(random));
	encoder.close();
	const std::string::size_type at = fromAddress.rfind('@');
	const std::string domain = at == std::string::npos ? "localhost" : fromAddress.substr(at + 1);
	return tag + "." + hex.str() + "@" + domain;
}


} // namespace reminders
