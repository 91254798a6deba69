//
// fuzz_header_encoding.cpp
//
// reminders::HeaderEncoding: the Subject and the display names of From and
// To (RFC 2047 "B" encoded-words, RFC 5322 folding), from any bytes.
//
// Input: one byte for how much of the first line the header's name takes
// (0 to 76), one byte that picks the address, then the text (a subject or
// a display name; any bytes, valid UTF-8 or not).
//
// Properties:
// - sanitize() is valid UTF-8 (RFC 3629: no overlong forms, surrogates or
//   code points above U+10FFFF) without control characters (C0, DEL, C1);
//   it keeps valid text without control characters as it is;
// - encodeWords() and mailbox() write only printable ASCII, folded with
//   CRLF and a space (no other CR or LF);
// - a line with encoded-words has at most 76 characters (the first line
//   counted with the header's name) and each encoded-word at most 75; a
//   value left as it is fits on the first line (78);
// - each encoded-word holds whole UTF-8 characters, and the words read
//   back (encoded-words decoded, the white space between two of them
//   dropped as RFC 2047 6.2 says) give sanitize(text) for a subject and
//   displayName(text) for a mailbox's name;
// - mailbox() ends with the address in angle brackets, once.
//


#include "EncodedWords.h"
#include "FuzzProperty.h"
#include "erp/EmailAddress.h"
#include "erp/Utf8.h"
#include "plugin/mail/HeaderEncoding.h"
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>


namespace {

using reminders::HeaderEncoding;

const char* const ADDRESSES[] = {
	"maria@example.gr",
	"a@b.co",
	"accounts.receivable+reminders@mail.example-business.com",
	"x@a23456789012345678901234567890123456789012345678901234567890123.example.com",
	"o'brien@example.ie",
	"very.long.local.part.of.an.address.that.takes.most.of.a.line@example.com",
};

bool cleanText(const std::string& text)
{
	if (!erp::Utf8::isValid(text)) return false;
	for (std::size_t pos = 0; pos < text.size();)
	{
		const char32_t c = *erp::Utf8::decode(text, pos);
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
	}
	return true;
}

std::vector<std::string> lines(const std::string& value)
{
	std::vector<std::string> result;
	std::size_t start = 0;
	for (;;)
	{
		const std::size_t end = value.find("\r\n", start);
		result.push_back(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
		if (end == std::string::npos) return result;
		start = end + 2;
	}
}

// Printable ASCII folded with CRLF and a space; each line within `limit`
// (the first counted from `used`), except a line that holds an address
// alone (`exempt`, or the address itself), which cannot be folded.
void checkFolding(const std::string& value, std::size_t used, std::size_t limit, const std::string& exempt = "")
{
	const std::vector<std::string> folded = lines(value);
	for (std::size_t i = 0; i < folded.size(); ++i)
	{
		for (const char c: folded[i])
			FuzzProperty::require(c >= 0x20 && c <= 0x7E, "a header value is printable ASCII besides its folds");
		if (i > 0) FuzzProperty::require(!folded[i].empty() && folded[i][0] == ' ', "a fold is CRLF and a space");
		if (exempt.empty() || (folded[i] != exempt && folded[i] != exempt.substr(2, exempt.size() - 3)))
			FuzzProperty::require((i == 0 ? used : 0) + folded[i].size() <= limit, "a header line fits its limit");
	}
}

// The encoded-words of `unfolded` decoded and joined; each is at most 75
// characters and holds whole UTF-8 characters.
std::string readWords(const std::string& unfolded)
{
	std::size_t start = 0;
	while (start < unfolded.size())
	{
		std::size_t end = unfolded.find(' ', start);
		if (end == std::string::npos) end = unfolded.size();
		FuzzProperty::require(end - start <= 75, "an encoded-word has at most 75 characters");
		start = end + 1;
	}
	const auto words = EncodedWords::decodeWords(unfolded);
	FuzzProperty::require(words.has_value(), "encoded text is encoded-words separated by single spaces");
	std::string joined;
	for (const std::string& word: *words)
	{
		FuzzProperty::require(!word.empty() && erp::Utf8::isValid(word),
							  "an encoded-word holds whole UTF-8 characters");
		joined += word;
	}
	return joined;
}

void checkSubject(const std::string& text, std::size_t used)
{
	const std::string clean = HeaderEncoding::sanitize(text);
	const std::string encoded = HeaderEncoding::encodeWords(text, used);
	const bool plain = encoded.find("=?") == std::string::npos;
	checkFolding(encoded, used, plain ? 78 : 76);
	if (plain)
	{
		FuzzProperty::require(encoded == clean, "a value left as it is is the sanitized text");
		return;
	}
	// Folds with no room on the first line start with CRLF and a space.
	std::string unfolded = EncodedWords::unfold(encoded);
	if (!unfolded.empty() && unfolded[0] == ' ') unfolded.erase(0, 1);
	FuzzProperty::require(readWords(unfolded) == clean, "the encoded-words read back as the sanitized text");
}

void checkMailbox(const std::string& name, const std::string& address, std::size_t used)
{
	const std::string shown = HeaderEncoding::displayName(name);
	FuzzProperty::require(shown.find("  ") == std::string::npos &&
							  (shown.empty() || (shown.front() != ' ' && shown.back() != ' ')),
						  "a display name has single spaces and none at either end");
	const std::string value = HeaderEncoding::mailbox(name, address, used);
	checkFolding(value, used, 76, " <" + address + ">");
	if (shown.empty())
	{
		FuzzProperty::require(value == address, "without a name the mailbox is the address");
		return;
	}
	const std::string unfolded = EncodedWords::unfold(value);
	const std::string tail = " <" + address + ">";
	FuzzProperty::require(unfolded.size() > tail.size() &&
							  unfolded.compare(unfolded.size() - tail.size(), tail.size(), tail) == 0,
						  "the mailbox ends with the address in angle brackets");
	std::string phrase = unfolded.substr(0, unfolded.size() - tail.size());
	if (!phrase.empty() && phrase[0] == ' ') phrase.erase(0, 1);
	std::string read;
	if (phrase.find("=?") == 0)
		read = readWords(phrase);
	else if (!phrase.empty() && phrase[0] == '"')
	{
		FuzzProperty::require(phrase.size() >= 2 && phrase.back() == '"', "a quoted-string ends with a quote");
		for (std::size_t i = 1; i + 1 < phrase.size(); ++i)
		{
			FuzzProperty::require(phrase[i] != '"', "a quote inside a quoted-string is escaped");
			if (phrase[i] == '\\') ++i;
			FuzzProperty::require(i + 1 < phrase.size(), "a quoted-string does not end with a lone backslash");
			read += phrase[i];
		}
	}
	else
	{
		for (const char c: phrase)
			FuzzProperty::require(std::string("\"<>()[]:;@\\,.=?").find(c) == std::string::npos,
								  "a name written as atoms has no specials");
		read = phrase;
	}
	FuzzProperty::require(read == shown, "the mailbox's name reads back as displayName()");
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	if (size < 2) return 0;
	const std::size_t used = data[0] % 77;
	const std::string address = ADDRESSES[data[1] % (sizeof(ADDRESSES) / sizeof(ADDRESSES[0]))];
	FuzzProperty::require(erp::EmailAddress::isValid(address), "the addresses the target uses are valid");
	const std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);

	const std::string clean = HeaderEncoding::sanitize(text);
	FuzzProperty::require(cleanText(clean), "sanitize() gives valid UTF-8 without control characters");
	FuzzProperty::require(!cleanText(text) || clean == text, "sanitize() keeps clean text as it is");

	checkSubject(text, used);
	checkMailbox(text, address, used);
	return 0;
}
