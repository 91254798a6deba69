//
// JsonLogFormatter.cpp
//


#include "ops/JsonLogFormatter.h"
#include "erp/Utf8.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/Message.h>
#include <cstdio>


namespace host {


std::string JsonLogFormatter::levelName(int priority)
{
	switch (priority)
	{
	case Poco::Message::PRIO_FATAL:
		return "fatal";
	case Poco::Message::PRIO_CRITICAL:
		return "critical";
	case Poco::Message::PRIO_ERROR:
		return "error";
	case Poco::Message::PRIO_WARNING:
		return "warning";
	case Poco::Message::PRIO_NOTICE:
		return "notice";
	case Poco::Message::PRIO_INFORMATION:
		return "information";
	case Poco::Message::PRIO_DEBUG:
		return "debug";
	default:
		return "trace";
	}
}


std::string JsonLogFormatter::quote(const std::string& text)
{
	std::string result = "\"";
	for (std::size_t pos = 0; pos < text.size();)
	{
		const std::size_t begin = pos;
		const std::optional<char32_t> code = erp::Utf8::decode(text, pos);
		if (!code)
		{
			result += "\\ufffd";
			++pos;
		}
		else if (*code == '"')
			result += "\\\"";
		else if (*code == '\\')
			result += "\\\\";
		else if (*code == '\n')
			result += "\\n";
		else if (*code == '\r')
			result += "\\r";
		else if (*code == '\t')
			result += "\\t";
		else if (*code < 0x20 || *code == 0x7F || (*code >= 0x80 && *code < 0xA0) || *code == 0x2028 || *code == 0x2029)
		{
			char buffer[8];
			std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(*code));
			result += buffer;
		}
		else
			result.append(text, begin, pos - begin);
	}
	return result + "\"";
}


void JsonLogFormatter::format(const Poco::Message& msg, std::string& text)
{
	text = "{\"time\":" + quote(Poco::DateTimeFormatter::format(msg.getTime(), "%Y-%m-%dT%H:%M:%S.%iZ")) +
		   ",\"level\":" + quote(levelName(msg.getPriority())) + ",\"source\":" + quote(msg.getSource()) +
		   ",\"message\":" + quote(msg.getText()) + "}";
}


} // namespace host
