//
// HeaderEncoding.cpp
//


#include "plugin/mail/HeaderEncoding.h"
#include "erp/Utf8.h"
#include "plugin/mail/Base64Text.h"
#include <algorithm>
#include <optional>
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
	// Strict UTF-8 (erp::Utf8): an overlong form, a surrogate or a code
	// point above U+10FFFF is invalid too, one U+FFFD per byte.
	std::string clean;
	clean.reserve(utf8.size());
	for (std::size_t i = 0; i < utf8.size();)
	{
		const std::size_t start = i;
		const std::optional<char32_t> c = erp::Utf8::decode(utf8, i);
		if (!c)
		{
			clean += "\xEF\xBF\xBD";
			++i;
		}
		else if (*c == '\t')
			clean += ' ';
		else if (*c >= 0x20 && !(*c >= 0x7F && *c <= 0x9F)) // C0, DEL and C1 are control characters
			clean.append(utf8, start, i - start);
	}
	return clean;
}


std::size_t HeaderEncoding::wordCapacity(std::size_t used)
{
	// A line holding encoded-words has at most 76 characters and an
	// encoded-word at most 75 (RFC 2047); "=?UTF-8?B?" and "?=" take 12,
	// and base64 carries 3 bytes in 4.
	const std::size_t room = used + 12 < LINE ? LINE - used - 12 : 0;
	return std::min(room / 4 * 3, WORD_BYTES);
}


std::vector<std::string> HeaderEncoding::chunks(const std::string& text, std::size_t firstCapacity, bool atSpaces)
{
	std::vector<std::string> result;
	std::string chunk;
	std::size_t capacity = firstCapacity;
	for (std::size_t i = 0; i < text.size();)
	{
		const std::size_t length = std::max<std::size_t>(sequenceLength(text, i), 1);
		if (chunk.size() + length > capacity && (!chunk.empty() || !result.empty() || capacity < length))
		{
			// Full: end this word after its last space when that keeps it
			// at least half full, so that words of a name stay whole.
			std::string carried;
			const std::string::size_type space = atSpaces ? chunk.rfind(' ') : std::string::npos;
			if (space != std::string::npos && space + 1 >= chunk.size() / 2 && space + 1 < chunk.size())
			{
				carried = chunk.substr(space + 1);
				chunk.erase(space + 1);
			}
			result.push_back(chunk); // empty when the first line had no room at all
			chunk = carried;
			capacity = wordCapacity(1);
		}
		chunk.append(text, i, length);
		i += length;
	}
	result.push_back(chunk);
	return result;
}


std::string HeaderEncoding::words(const std::string& text, std::size_t firstLineUsed, bool atSpaces)
{
	std::string result;
	for (const std::string& chunk: chunks(text, wordCapacity(firstLineUsed), atSpaces))
	{
		if (chunk.empty())
		{
			result += "\r\n "; // no room left on the header's first line
			continue;
		}
		if (!result.empty() && result.back() != ' ') result += "\r\n ";
		result += "=?UTF-8?B?" + Base64Text::encode(chunk) + "?=";
	}
	return result;
}


std::string HeaderEncoding::encodeWords(const std::string& utf8, std::size_t firstLineUsed)
{
	const std::string text = sanitize(utf8);
	if (plainAtomText(text) && firstLineUsed + text.size() <= 78) return text;
	return words(text, firstLineUsed, true);
}


std::string HeaderEncoding::displayName(const std::string& name)
{
	std::string shown;
	for (char c: sanitize(name))
		if (c != ' ' || (!shown.empty() && shown.back() != ' ')) shown += c;
	if (!shown.empty() && shown.back() == ' ') shown.pop_back();
	return shown;
}


std::string HeaderEncoding::mailbox(const std::string& name, const std::string& address, std::size_t firstLineUsed)
{
	const std::string shown = displayName(name);
	if (shown.empty()) return address;
	std::string phrase;
	bool ascii = true;
	for (unsigned char c: shown)
		ascii = ascii && c < 0x80;
	if (ascii && plainAtomText(shown))
		phrase = shown;
	else if (ascii)
	{
		phrase = "\"";
		for (char c: shown)
			phrase += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
		phrase += "\"";
	}
	if (phrase.empty() || firstLineUsed + phrase.size() > LINE)
	{
		// Not ASCII, or too long for one line: encoded-words, which fold
		// and carry any character (RFC 2047 5(3): in a phrase). A name that
		// one encoded-word holds starts on the next line rather than be
		// split in two: then no reader has to join encoded-words at all.
		const bool fold = shown.size() > wordCapacity(firstLineUsed) && shown.size() <= wordCapacity(1);
		phrase = fold ? "\r\n " + words(shown, 1, true) : words(shown, firstLineUsed, true);
	}
	const std::string::size_type lastBreak = phrase.rfind("\r\n");
	const std::size_t lastLine =
		lastBreak == std::string::npos ? firstLineUsed + phrase.size() : phrase.size() - lastBreak - 2;
	return phrase + (lastLine + 2 + address.size() + 1 <= LINE ? " <" : "\r\n <") + address + ">";
}


} // namespace reminders
