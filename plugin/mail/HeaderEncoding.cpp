//
// HeaderEncoding.cpp
//


#include "plugin/mail/HeaderEncoding.h"
#include "plugin/mail/Base64Text.h"
#include <sstream>
#include <vector>


namespace reminders {


namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t sequenceLength(const std::string& s, std::size_t i)
{
	const unsigned char c = static_cast<unsigned char>(s[i]);
	std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
	if (length == 0 || i + length > s.size()) return 0;
	for (std::size_t k = 1; k < length; ++k)
		if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
	return length;
}

bool plainAtomText(const std::string& text)
{
	for (unsigned char c: text)
		if (c >= 0x80 || c < 0x20 || c == '"' || c == '=' || c == '?' || c == '<' || c == '>' || c == '(' || c == ')' ||
			c == ',' || c == ';' || c == ':' || c == '@' || c == '\\' || c == '[' || c == ']' || c == '.')
			return false;
	return true;
}

} // namespace


std::string HeaderEncoding::sanitize(const std::string& utf8)
{
	std::string clean;
	for (std::size_t i = 0; i < utf8.size();)
	{
		const std::size_t length = sequenceLength(utf8, i);
		if (length == 0)
		{
			clean += "\xEF\xBF\xBD";
			++i;
			continue;
		}
		const unsigned char c = static_cast<unsigned char>(utf8[i]);
		if (length > 1 || (c >= 0x20 && c != 0x7F))
			clean.append(utf8, i, length);
		else if (c == '\t')
			clean += ' ';
		i += length;
	}
	return clean;
}


std::size_t HeaderEncoding::wordCapacity(std::size_t used)
{
	// A line holding encoded-words has at most 76 characters (RFC 2047);
	// "=?UTF-8?B?" and "?=" take 12, and base64 carries 3 bytes in 4.
	const std::size_t room = used + 12 < LINE ? LINE - used - 12 : 0;
	return room / 4 * 3;
}


std::vector<std::string> HeaderEncoding::chunks(const std::string& text, std::size_t firstCapacity)
{
	std::vector<std::string> result;
	std::string chunk;
	std::size_t capacity = firstCapacity;
	for (std::size_t i = 0; i < text.size();)
	{
		const std::size_t length = sequenceLength(text, i);
		if (chunk.size() + length > capacity && !chunk.empty())
		{
			result.push_back(chunk);
			chunk.clear();
			capacity = wordCapacity(1);
		}
		chunk.append(text, i, length);
		i += length;
	}
	result.push_back(chunk);
	return result;
}


std::string HeaderEncoding::encodeWords(const std::string& utf8, std::size_t firstLineUsed)
{
	const std::string text = sanitize(utf8);
	if (plainAtomText(text) && firstLineUsed + text.size() <= 78) return text;
	std::string result;
	for (const std::string& chunk: chunks(text, wordCapacity(firstLineUsed)))
		result += (result.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + Base64Text::encode(chunk) + "?=";
	return result;
}


std::string HeaderEncoding::displayName(const std::string& name, std::size_t firstLineUsed)
{
	const std::string text = sanitize(name);
	if (plainAtomText(text)) return text;
	const std::size_t capacity = wordCapacity(firstLineUsed);
	if (text.size() <= capacity) return text;
	// Cut on a character boundary, at the last space that leaves room for "…".
	const std::string ellipsis = "\xE2\x80\xA6";
	std::string kept = chunks(text, capacity - ellipsis.size()).front();
	const std::string::size_type space = kept.rfind(' ');
	if (space != std::string::npos && space > 0) kept.erase(space);
	return kept + ellipsis;
}


std::string HeaderEncoding::mailbox(const std::string& name, const std::string& address, std::size_t firstLineUsed)
{
	const std::string shown = displayName(name, firstLineUsed);
	if (shown.empty()) return address;
	if (plainAtomText(shown))
		return shown + (firstLineUsed + shown.size() + address.size() + 3 <= 78 ? " <" : "\r\n <") + address + ">";
	// One encoded-word only: parsers disagree on the space between two
	// adjacent encoded-words in a display name (RFC 2047 says to drop it,
	// Python's email package keeps one), so a name never spans two.
	return "=?UTF-8?B?" + Base64Text::encode(shown) + "?=\r\n <" + address + ">";
}


} // namespace reminders
