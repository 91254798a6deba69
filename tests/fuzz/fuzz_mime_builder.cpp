//
// fuzz_mime_builder.cpp
//
// reminders::MimeBuilder: a composed reminder or report as the bytes that
// go to the SMTP server or into the spool folder.
//
// Input: fields separated by NUL bytes: subject, sender's name,
// customer's name, text part, HTML part, then option bytes (language,
// time zone, the three addresses, the instant). Names, subject and parts
// are any bytes; addresses are valid ones (erp::EmailAddress), as the
// plugin's settings and the host's customer records guarantee.
//
// Properties:
// - the header section is printable ASCII in lines ended by CRLF: no bare
//   CR or LF, every continuation line starts with white space;
// - it holds exactly the header fields the builder sets, each once, so no
//   field value (a name, a subject) can add a header;
// - Subject, From and To read back (unfolded, encoded-words decoded) as
//   the sanitized subject and "name <address>";
// - the Date header is an RFC 5322 date-time;
// - the whole message has CRLF line breaks only (no bare CR or LF, which
//   RFC 5321 forbids on the wire), whatever line breaks the text has;
// - the body is two parts between the boundary's delimiter lines, which
//   appear nowhere else: text/plain and text/html in UTF-8, quoted-
//   printable; decoded (Poco's decoder), they are the text and the HTML
//   given, with line breaks written CRLF (white space at the very end of a
//   part is left out of the comparison);
// - no line starts with "." (SMTP has nothing to stuff).
//


#include "EncodedWords.h"
#include "FuzzProperty.h"
#include "plugin/mail/HeaderEncoding.h"
#include "plugin/mail/MimeBuilder.h"
#include <Poco/Net/QuotedPrintableDecoder.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>


namespace {

using reminders::HeaderEncoding;

const char* const ADDRESSES[] = {
	"maria@example.gr",
	"billing@example-business.com",
	"a@b.co",
	"o'brien+reminders@mail.example.ie",
	"very.long.local.part.of.an.address.that.takes.most.of.a.line@example.com",
};
const char* const ZONES[] = {"Europe/Athens",   "UTC",         "", "America/New_York", "Asia/Kolkata",
							 "Pacific/Chatham", "No/Such_Zone"};

template <typename T, std::size_t N> const T& pick(const T (&list)[N], unsigned char byte)
{
	return list[byte % N];
}

// Field name (lower case) -> unfolded value, in the order of the header.
std::multimap<std::string, std::string> readHeader(const std::string& block)
{
	for (std::size_t i = 0; i < block.size(); ++i)
	{
		const unsigned char c = static_cast<unsigned char>(block[i]);
		if (c == '\r')
			FuzzProperty::require(i + 1 < block.size() && block[i + 1] == '\n', "no bare CR in the header");
		else if (c == '\n')
			FuzzProperty::require(i > 0 && block[i - 1] == '\r', "no bare LF in the header");
		else
			FuzzProperty::require(c >= 0x20 && c <= 0x7E, "the header is printable ASCII");
	}
	std::multimap<std::string, std::string> fields;
	std::string name, value;
	std::size_t start = 0;
	while (start < block.size())
	{
		std::size_t end = block.find("\r\n", start);
		if (end == std::string::npos) end = block.size();
		const std::string line = block.substr(start, end - start);
		FuzzProperty::require(line.size() <= 998, "a header line has at most 998 characters");
		if (!line.empty() && (line[0] == ' ' || line[0] == '\t'))
		{
			FuzzProperty::require(!name.empty(), "a continuation line follows a field");
			value += line;
		}
		else
		{
			if (!name.empty()) fields.emplace(name, value);
			const std::size_t colon = line.find(": ");
			FuzzProperty::require(colon != std::string::npos && colon > 0, "a header line is a field \"Name: value\"");
			name = Poco::toLower(line.substr(0, colon));
			value = line.substr(colon + 2);
		}
		start = end + 2;
	}
	if (!name.empty()) fields.emplace(name, value);
	return fields;
}

std::string decoded(std::string value)
{
	if (value.find("=?") == std::string::npos) return value;
	if (!value.empty() && value[0] == ' ') value.erase(0, 1);
	const auto words = EncodedWords::decodeWords(value);
	FuzzProperty::require(words.has_value(), "an encoded header value is encoded-words");
	std::string joined;
	for (const std::string& word: *words)
		joined += word;
	return joined;
}

void checkMailbox(const std::string& value, const std::string& name, const std::string& address)
{
	const std::string shown = HeaderEncoding::displayName(name);
	if (shown.empty())
	{
		FuzzProperty::require(value == address, "a mailbox without a name is the address");
		return;
	}
	const std::string tail = " <" + address + ">";
	FuzzProperty::require(value.size() > tail.size() &&
							  value.compare(value.size() - tail.size(), tail.size(), tail) == 0,
						  "a mailbox ends with its address");
	const std::string phrase = value.substr(0, value.size() - tail.size());
	std::string read;
	if (!phrase.empty() && phrase[0] == '"')
	{
		for (std::size_t i = 1; i + 1 < phrase.size(); ++i)
			read += phrase[i] == '\\' ? phrase[++i] : phrase[i];
	}
	else
		read = decoded(phrase);
	FuzzProperty::require(read == shown, "a mailbox's name reads back");
}

// The text with each line break (CRLF, CR or LF) written CRLF.
std::string crlf(const std::string& text)
{
	std::string lf = Poco::replace(text, "\r\n", "\n");
	Poco::replaceInPlace(lf, "\r", "\n");
	return Poco::replace(lf, "\n", "\r\n");
}

std::string withoutTrailingBlanks(std::string text)
{
	while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
		text.pop_back();
	return text;
}

// The two parts of a multipart body: "--B" CRLF part CRLF "--B" CRLF part
// CRLF "--B--" CRLF, the delimiter nowhere else.
std::vector<std::string> partsOf(const std::string& body, const std::string& delimiter)
{
	const std::string first = delimiter + "\r\n", between = "\r\n" + delimiter + "\r\n",
					  last = "\r\n" + delimiter + "--\r\n";
	FuzzProperty::require(body.compare(0, first.size(), first) == 0, "the body starts with the delimiter");
	const std::size_t second = body.find(between, first.size());
	FuzzProperty::require(second != std::string::npos, "the body has a second part");
	const std::size_t end = body.find(last, second + between.size());
	FuzzProperty::require(end != std::string::npos && end + last.size() == body.size(),
						  "the body ends with the closing delimiter");
	std::vector<std::string> parts{body.substr(first.size(), second - first.size()),
								   body.substr(second + between.size(), end - second - between.size())};
	for (const std::string& part: parts)
		FuzzProperty::require(part.find(delimiter) == std::string::npos, "the delimiter appears in no part");
	return parts;
}

bool isDateTime(const std::string& value)
{
	// "Mon, 30 Nov 2026 09:00:00 +0200"
	static const std::string WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun";
	static const std::string MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
	if (value.size() != 31) return false;
	const std::string pattern = "www, dd mmm dddd dd:dd:dd sdddd";
	for (std::size_t i = 0; i < pattern.size(); ++i)
	{
		const char c = value[i];
		if (pattern[i] == 'd' && !(c >= '0' && c <= '9')) return false;
		if (pattern[i] == 's' && c != '+' && c != '-') return false;
		if (std::string(" ,:").find(pattern[i]) != std::string::npos && c != pattern[i]) return false;
	}
	return WEEKDAYS.find(value.substr(0, 3)) % 4 == 0 && MONTHS.find(value.substr(8, 3)) % 4 == 0 &&
		   value.substr(0, 3).find(' ') == std::string::npos && value.substr(8, 3).find(' ') == std::string::npos;
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input(reinterpret_cast<const char*>(data), size);
	std::vector<std::string> fields;
	std::size_t start = 0;
	while (fields.size() < 5)
	{
		const std::size_t end = input.find('\0', start);
		fields.push_back(input.substr(start, end == std::string::npos ? std::string::npos : end - start));
		start = end == std::string::npos ? input.size() : end + 1;
	}
	const std::string options = input.substr(start);
	const auto option = [&](std::size_t i) { return i < options.size() ? static_cast<unsigned char>(options[i]) : 0; };

	reminders::ComposedMessage message;
	message.subject = fields[0];
	message.fromName = fields[1];
	message.toName = fields[2];
	message.text = fields[3];
	message.html = fields[4];
	message.language = option(0) % 2 ? "en" : "el";
	message.timeZone = pick(ZONES, option(1));
	message.fromAddress = pick(ADDRESSES, option(2));
	message.to = pick(ADDRESSES, option(3));
	message.replyTo = option(4) % 3 == 0 ? std::string() : pick(ADDRESSES, option(4));
	// An instant from 1970 to 30 December 9999 (what a clock gives), in whole
	// seconds, so that its local time is in year 9999 at the latest.
	Poco::Int64 seconds = 0;
	for (std::size_t i = 5; i < 10; ++i)
		seconds = seconds * 256 + option(i);
	seconds %= 253402300800LL - 86400;
	message.date = Poco::Timestamp(seconds * Poco::Timestamp::resolution());
	message.messageId =
		"reminder-7." + std::to_string(seconds) + "@" + message.fromAddress.substr(message.fromAddress.rfind('@') + 1);

	const std::string bytes = reminders::MimeBuilder::bytes(message);
	for (std::size_t i = 0; i < bytes.size(); ++i)
	{
		if (bytes[i] == '\r')
			FuzzProperty::require(i + 1 < bytes.size() && bytes[i + 1] == '\n', "no bare CR in the message");
		if (bytes[i] == '\n') FuzzProperty::require(i > 0 && bytes[i - 1] == '\r', "no bare LF in the message");
	}
	const std::size_t headerEnd = bytes.find("\r\n\r\n");
	FuzzProperty::require(headerEnd != std::string::npos, "the header ends with an empty line");
	const auto header = readHeader(bytes.substr(0, headerEnd));

	std::map<std::string, std::size_t> expected{{"from", 1},           {"to", 1},           {"subject", 1},
												{"date", 1},           {"message-id", 1},   {"content-language", 1},
												{"auto-submitted", 1}, {"mime-version", 1}, {"content-type", 1}};
	if (!message.replyTo.empty()) expected["reply-to"] = 1;
	std::map<std::string, std::size_t> seen;
	for (const auto& field: header)
		++seen[field.first];
	FuzzProperty::require(seen == expected, "the header holds exactly the builder's fields, each once");

	const std::string subject = EncodedWords::unfold(header.find("subject")->second);
	FuzzProperty::require(decoded(subject) == HeaderEncoding::sanitize(message.subject), "the Subject reads back");
	checkMailbox(EncodedWords::unfold(header.find("from")->second), message.fromName, message.fromAddress);
	checkMailbox(EncodedWords::unfold(header.find("to")->second), message.toName, message.to);
	FuzzProperty::require(isDateTime(header.find("date")->second), "the Date is an RFC 5322 date-time");
	FuzzProperty::require(header.find("message-id")->second == "<" + message.messageId + ">",
						  "the Message-ID is the one given, in angle brackets");

	const std::string contentType = header.find("content-type")->second;
	const std::string prefix = "multipart/alternative; boundary=";
	FuzzProperty::require(contentType.compare(0, prefix.size(), prefix) == 0 && contentType.size() > prefix.size(),
						  "the message is multipart/alternative with a boundary");
	FuzzProperty::require(bytes.compare(0, 1, ".") != 0 && bytes.find("\r\n.") == std::string::npos,
						  "no line starts with a dot");
	std::string boundary = contentType.substr(prefix.size());
	if (boundary.size() >= 2 && boundary.front() == '"' && boundary.back() == '"')
		boundary = boundary.substr(1, boundary.size() - 2); // a quoted-string (RFC 2045 5.1)
	const std::string delimiter = "--" + boundary;
	const std::string body = bytes.substr(headerEnd + 4);
	const std::vector<std::string> parts = partsOf(body, delimiter);
	const std::string* const given[] = {&message.text, &message.html};
	const char* const types[] = {"text/plain; charset=utf-8", "text/html; charset=utf-8"};
	for (std::size_t i = 0; i < 2; ++i)
	{
		const std::size_t partHeaderEnd = parts[i].find("\r\n\r\n");
		FuzzProperty::require(partHeaderEnd != std::string::npos, "a part has a header");
		const std::string partHeader = parts[i].substr(0, partHeaderEnd + 2);
		FuzzProperty::require(partHeader.find(std::string("Content-Type: ") + types[i] + "\r\n") != std::string::npos &&
								  partHeader.find("Content-Transfer-Encoding: quoted-printable\r\n") !=
									  std::string::npos,
							  "a text/plain and a text/html part in UTF-8, quoted-printable");
		std::istringstream encoded(parts[i].substr(partHeaderEnd + 4));
		Poco::Net::QuotedPrintableDecoder decoder(encoded);
		std::string content;
		Poco::StreamCopier::copyToString(decoder, content);
		FuzzProperty::require(withoutTrailingBlanks(content) == withoutTrailingBlanks(crlf(*given[i])),
							  "a part reads back, line breaks written CRLF");
	}
	return 0;
}
