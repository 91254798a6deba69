//
// BounceParser.cpp
//


#include "plugin/mail/BounceParser.h"
#include <Poco/Base64Decoder.h>
#include <Poco/Net/QuotedPrintableDecoder.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <map>
#include <regex>
#include <sstream>


namespace reminders {


namespace {

struct Field
{
	std::string name; // lower case
	std::string value;
};

struct Entity
{
	std::vector<Field> headers;
	std::string body;
};

struct ContentType
{
	std::string type = "text/plain";
	std::map<std::string, std::string> parameters;
};

struct Found
{
	std::vector<std::string> statuses;
	std::string returned;
	std::string text;
};

std::string lower(const std::string& text)
{
	return Poco::toLower(text);
}

// The lines of a text, without their CR.
std::vector<std::string> linesOf(const std::string& text)
{
	std::vector<std::string> lines;
	std::istringstream in(text);
	std::string line;
	while (std::getline(in, line))
	{
		if (!line.empty() && line.back() == '\r') line.pop_back();
		lines.push_back(line);
	}
	return lines;
}

bool blank(const std::string& line)
{
	return Poco::trim(line).empty();
}

// Header fields up to the first empty line (continuation lines unfolded);
// a line that is no field ends them too, and starts the body.
Entity readEntity(const std::string& text)
{
	Entity entity;
	std::size_t position = 0;
	while (position < text.size())
	{
		const std::size_t end = text.find('\n', position);
		const std::size_t next = end == std::string::npos ? text.size() : end + 1;
		std::string line = text.substr(position, next - position);
		while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
			line.pop_back();
		if (line.empty())
		{
			entity.body = text.substr(next);
			return entity;
		}
		if ((line[0] == ' ' || line[0] == '\t') && !entity.headers.empty())
			entity.headers.back().value += " " + Poco::trim(line);
		else
		{
			const std::size_t colon = line.find(':');
			if (colon == std::string::npos || colon == 0 || line.find(' ') < colon)
			{
				entity.body = text.substr(position);
				return entity;
			}
			entity.headers.push_back({lower(Poco::trim(line.substr(0, colon))), Poco::trim(line.substr(colon + 1))});
		}
		position = next;
	}
	return entity;
}

std::string header(const std::vector<Field>& fields, const std::string& name)
{
	for (const Field& field: fields)
		if (field.name == name) return field.value;
	return "";
}

std::vector<std::string> headers(const std::vector<Field>& fields, const std::string& name)
{
	std::vector<std::string> values;
	for (const Field& field: fields)
		if (field.name == name) values.push_back(field.value);
	return values;
}

ContentType contentType(const std::string& value)
{
	ContentType result;
	if (Poco::trim(value).empty()) return result;
	std::vector<std::string> pieces;
	std::string piece;
	bool quoted = false;
	for (char c: value)
	{
		if (c == '"') quoted = !quoted;
		if (c == ';' && !quoted)
		{
			pieces.push_back(piece);
			piece.clear();
		}
		else
			piece += c;
	}
	pieces.push_back(piece);
	result.type = lower(Poco::trim(pieces.front()));
	for (std::size_t i = 1; i < pieces.size(); ++i)
	{
		const std::size_t equals = pieces[i].find('=');
		if (equals == std::string::npos) continue;
		std::string parameter = Poco::trim(pieces[i].substr(equals + 1));
		if (parameter.size() >= 2 && parameter.front() == '"' && parameter.back() == '"')
			parameter = parameter.substr(1, parameter.size() - 2);
		result.parameters[lower(Poco::trim(pieces[i].substr(0, equals)))] = parameter;
	}
	return result;
}

std::string decoded(const Entity& entity)
{
	const std::string encoding = lower(header(entity.headers, "content-transfer-encoding"));
	try
	{
		std::istringstream in(entity.body);
		std::ostringstream out;
		if (encoding == "base64")
		{
			Poco::Base64Decoder decoder(in);
			out << decoder.rdbuf();
			return out.str();
		}
		if (encoding == "quoted-printable")
		{
			Poco::Net::QuotedPrintableDecoder decoder(in);
			out << decoder.rdbuf();
			return out.str();
		}
	}
	catch (std::exception&)
	{
		// Damaged encoding: read as it stands.
	}
	return entity.body;
}

std::vector<std::string> parts(const std::string& body, const std::string& boundary)
{
	std::vector<std::string> result;
	if (boundary.empty()) return result;
	const std::string delimiter = "--" + boundary;
	std::size_t position = 0, start = std::string::npos;
	while (position < body.size())
	{
		const std::size_t end = body.find('\n', position);
		const std::size_t next = end == std::string::npos ? body.size() : end + 1;
		if (body.compare(position, delimiter.size(), delimiter) == 0)
		{
			if (start != std::string::npos) result.push_back(body.substr(start, position - start));
			if (body.compare(position + delimiter.size(), 2, "--") == 0) return result;
			start = next;
		}
		position = next;
	}
	if (start != std::string::npos && start < body.size()) result.push_back(body.substr(start));
	return result;
}

void walk(const Entity& entity, Found& found, int depth)
{
	if (depth > 8) return;
	const ContentType type = contentType(header(entity.headers, "content-type"));
	if (type.type.compare(0, 10, "multipart/") == 0)
	{
		auto boundary = type.parameters.find("boundary");
		if (boundary == type.parameters.end()) return;
		for (const std::string& part: parts(entity.body, boundary->second))
			walk(readEntity(part), found, depth + 1);
		return;
	}
	const std::string body = decoded(entity);
	if (type.type == "message/delivery-status" || type.type == "message/global-delivery-status")
		found.statuses.push_back(body);
	else if (type.type == "text/rfc822-headers" || type.type == "message/rfc822" || type.type == "message/global" ||
			 type.type == "message/global-headers")
	{
		if (found.returned.empty()) found.returned = body;
	}
	else if (type.type == "text/plain" && found.text.empty())
		found.text = body;
}

// The blank-line separated groups of fields of a delivery-status body.
std::vector<std::vector<Field>> fieldGroups(const std::string& text)
{
	std::vector<std::vector<Field>> groups;
	std::string block;
	for (const std::string& line: linesOf(text + "\n\n"))
	{
		if (blank(line))
		{
			if (!block.empty()) groups.push_back(readEntity(block + "\n").headers);
			block.clear();
		}
		else
			block += line + "\n";
	}
	return groups;
}

std::string enhancedStatus(const std::string& text)
{
	static const std::regex STATUS(R"((?:^|[^0-9.])([245]\.[0-9]{1,3}\.[0-9]{1,3})(?![0-9]))");
	std::smatch match;
	if (std::regex_search(text, match, STATUS)) return match[1];
	return "";
}

// "rfc822; Name@Example.com" and "<name@example.com>" -> name@example.com
std::string addressOf(std::string value)
{
	const std::size_t semicolon = value.find(';');
	if (semicolon != std::string::npos) value = value.substr(semicolon + 1);
	value = Poco::trim(value);
	if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
	return Poco::trim(value);
}

std::string messageIdOf(const std::string& headersText)
{
	// The returned headers, after any blank lines that precede them.
	const std::size_t start = headersText.find_first_not_of("\r\n");
	const Entity returned = readEntity(start == std::string::npos ? std::string() : headersText.substr(start));
	std::string id = Poco::trim(header(returned.headers, "message-id"));
	if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
	return id;
}

void readStatuses(const Found& found, BounceReport& report)
{
	report.format = "rfc3464";
	for (const std::string& status: found.statuses)
		for (const std::vector<Field>& group: fieldGroups(status))
		{
			std::string address = header(group, "final-recipient");
			if (address.empty()) address = header(group, "original-recipient");
			const std::string action = lower(Poco::trim(header(group, "action")));
			if (address.empty() && action.empty()) continue; // the per-message group
			BounceRecipient recipient;
			recipient.address = addressOf(address);
			recipient.action = action.substr(0, action.find_first_of(" \t("));
			recipient.status = enhancedStatus(" " + header(group, "status"));
			recipient.diagnostic = header(group, "diagnostic-code");
			report.recipients.push_back(recipient);
		}
	bool failed = false, delayed = false;
	for (const BounceRecipient& recipient: report.recipients)
	{
		failed = failed || recipient.action == "failed";
		delayed = delayed || recipient.action == "delayed";
	}
	report.kind =
		failed ? BounceReport::Kind::BOUNCE : (delayed ? BounceReport::Kind::DELAY : BounceReport::Kind::OTHER);
}

bool fromTheMailSystem(const std::vector<Field>& fields)
{
	const std::string returnPath = Poco::trim(header(fields, "return-path"));
	if (returnPath == "<>") return true;
	const std::string from = lower(header(fields, "from"));
	return from.find("mailer-daemon") != std::string::npos || from.find("postmaster") != std::string::npos ||
		   from.find("mail delivery") != std::string::npos;
}

// Whether the text holds the phrase, whatever its line breaks and spaces.
bool says(const std::string& text, const std::string& phrase)
{
	std::string flat;
	flat.reserve(text.size());
	bool space = false;
	for (char c: text)
	{
		const bool white = c == ' ' || c == '\t' || c == '\r' || c == '\n';
		if (white && !space) flat += ' ';
		if (!white) flat += c;
		space = white;
	}
	return flat.find(phrase) != std::string::npos;
}

// qmail: "<address>:" lines, each followed by its reason.
bool readQmail(const std::string& text, BounceReport& report)
{
	if (!says(text, "This is the qmail-send program")) return false;
	report.format = "qmail";
	const std::size_t copy = text.find("--- Below this line is a copy of the message.");
	const std::vector<std::string> lines = linesOf(text.substr(0, copy));
	static const std::regex RECIPIENT(R"(^<([^<>\s]+@[^<>\s]+)>:\s*$)");
	for (std::size_t i = 0; i < lines.size(); ++i)
	{
		std::smatch match;
		if (!std::regex_match(lines[i], match, RECIPIENT)) continue;
		BounceRecipient recipient;
		recipient.address = match[1];
		std::string reason;
		for (std::size_t j = i + 1; j < lines.size() && !blank(lines[j]) && lines[j][0] != '<'; ++j)
			reason += (reason.empty() ? "" : " ") + Poco::trim(lines[j]);
		recipient.diagnostic = reason;
		recipient.status = enhancedStatus(" " + reason);
		recipient.action = recipient.status.compare(0, 1, "4") == 0 ? "delayed" : "failed";
		report.recipients.push_back(recipient);
	}
	if (copy != std::string::npos) report.originalMessageId = messageIdOf(text.substr(text.find('\n', copy) + 1));
	return true;
}

// Exim without a DSN: the failed (or delayed) addresses, indented, each
// followed by its more indented reason.
bool readEximText(const std::string& text, const std::vector<Field>& fields, BounceReport& report)
{
	const bool failed = says(text, "could not be delivered to one or more of its recipients");
	const bool delayed = says(text, "has not yet been delivered to one or more of its recipients");
	if (!failed && !delayed) return false;
	report.format = "exim-text";
	const std::size_t copy = text.find("------ This is a copy of the message");
	const std::vector<std::string> lines = linesOf(text.substr(0, copy));
	std::size_t i = 0;
	while (i < lines.size() && lines[i].find("address(es)") == std::string::npos)
		++i;
	static const std::regex ADDRESS(R"(^\s{1,4}<?([^<>\s]+@[^<>\s:]+)>?\s*$)");
	for (++i; i < lines.size(); ++i)
	{
		std::smatch match;
		if (std::regex_match(lines[i], match, ADDRESS))
		{
			BounceRecipient recipient;
			recipient.address = match[1];
			recipient.action = failed ? "failed" : "delayed";
			report.recipients.push_back(recipient);
		}
		else if (!blank(lines[i]) && !report.recipients.empty() && (lines[i][0] == ' ' || lines[i][0] == '\t'))
		{
			std::string& diagnostic = report.recipients.back().diagnostic;
			diagnostic += (diagnostic.empty() ? "" : " ") + Poco::trim(lines[i]);
		}
		else if (!blank(lines[i]) && !report.recipients.empty())
			break;
	}
	if (report.recipients.empty())
		for (const std::string& listed: headers(fields, "x-failed-recipients"))
			for (const std::string& address: Poco::StringTokenizer(
					 listed, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY))
				report.recipients.push_back({address, failed ? "failed" : "delayed", "", ""});
	for (BounceRecipient& recipient: report.recipients)
	{
		recipient.status = enhancedStatus(" " + recipient.diagnostic);
		static const std::regex REPLY(R"((?:^|\D)([45])\d\d[ -])");
		std::smatch match;
		if (recipient.status.empty() && std::regex_search(recipient.diagnostic, match, REPLY))
			recipient.status = std::string(match[1]) + ".0.0";
	}
	if (copy != std::string::npos)
	{
		const std::size_t start = text.find('\n', copy);
		if (start != std::string::npos) report.originalMessageId = messageIdOf(text.substr(start + 1));
	}
	return true;
}

bool automatic(const std::vector<Field>& fields)
{
	const std::string submitted = lower(Poco::trim(header(fields, "auto-submitted")));
	if (!submitted.empty() && submitted != "no") return true;
	for (const char* name: {"x-autoreply", "x-autorespond", "x-autoresponse", "x-autogenerated"})
		if (!header(fields, name).empty()) return true;
	if (lower(Poco::trim(header(fields, "precedence"))) == "auto_reply") return true;
	const std::string subject = lower(Poco::trim(header(fields, "subject")));
	for (const char* start: {"auto:", "automatic reply", "autoreply", "auto-reply", "out of office",
							 "out of the office", "αυτόματη απάντηση", "εκτός γραφείου"})
		if (subject.compare(0, std::char_traits<char>::length(start), start) == 0) return true;
	return false;
}

} // namespace


BounceReport BounceParser::parse(const std::string& raw)
{
	BounceReport report;
	report.format = "none";
	try
	{
		const Entity message = readEntity(raw.size() > MAXIMUM_SIZE ? raw.substr(0, MAXIMUM_SIZE) : raw);
		for (const char* name: {"delivered-to", "x-original-to", "envelope-to", "to"})
			for (const std::string& value: headers(message.headers, name))
			{
				const std::string address = addressOf(value.substr(0, value.find(',')));
				if (!address.empty()) report.addressedTo.push_back(address);
			}
		Found found;
		walk(message, found, 0);
		if (!found.returned.empty()) report.originalMessageId = messageIdOf(found.returned);
		if (!found.statuses.empty())
		{
			readStatuses(found, report);
			return report;
		}
		if (fromTheMailSystem(message.headers))
		{
			const std::string text = found.text.empty() ? message.body : found.text;
			BounceReport read = report;
			if (readQmail(text, read) || readEximText(text, message.headers, read))
			{
				bool failed = false, delayed = false;
				for (const BounceRecipient& recipient: read.recipients)
				{
					failed = failed || recipient.action == "failed";
					delayed = delayed || recipient.action == "delayed";
				}
				read.kind = failed ? BounceReport::Kind::BOUNCE
								   : (delayed ? BounceReport::Kind::DELAY : BounceReport::Kind::OTHER);
				return read;
			}
		}
		if (automatic(message.headers))
		{
			report.kind = BounceReport::Kind::AUTO_REPLY;
			report.format = "auto-reply";
		}
	}
	catch (std::exception&)
	{
		// Unreadable: OTHER, as it stands.
	}
	return report;
}


} // namespace reminders
