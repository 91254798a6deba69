//
// HeaderEncoding.h
//


#ifndef Reminders_HeaderEncoding_INCLUDED
#define Reminders_HeaderEncoding_INCLUDED


#include <string>
#include <vector>


namespace reminders {


class HeaderEncoding
/// Mail header values that stay correct for any UTF-8 text (RFC 2047,
/// RFC 5322). Pure and thread-safe.
{
public:
	static std::string encodeWords(const std::string& utf8, std::size_t firstLineUsed);
	/// ASCII text without specials is returned as it is. Anything else
	/// becomes "B" encoded-words of at most 75 characters, each holding whole
	/// UTF-8 characters only, folded with CRLF and a space. firstLineUsed is
	/// how much of the first line the header name already takes ("Subject: "
	/// is 9). CR, LF and other control characters are dropped first, so no
	/// value can start a new header.

	static std::string mailbox(const std::string& displayName, const std::string& address, std::size_t firstLineUsed);
	/// "Name <address>", the name whole (see displayName) as atoms when it
	/// is plain ASCII, as a quoted-string ("\"" and "\\" escaped) when it
	/// is ASCII with specials such as '"' or ',', else as "B" encoded-words
	/// of at most 75 characters, each holding whole UTF-8 characters, one
	/// per folded line. The white space between two words of the name is
	/// carried inside an encoded-word, never between two (RFC 2047 6.2:
	/// white space between adjacent encoded-words is not text). The address
	/// goes onto its own line when needed; just the address when the name
	/// is empty. The address must already be valid.

	static std::string displayName(const std::string& name);
	/// The display name as the header carries it: the sanitized name with
	/// each run of white space as one space and none at either end (as a
	/// header reads it anyway). Never cut.

	static std::string sanitize(const std::string& utf8);
	/// The text without control characters (C0, DEL, C1; a tab becomes a
	/// space) and with invalid UTF-8 (RFC 3629: overlong forms and
	/// surrogates included) replaced by U+FFFD, one per byte.
private:
	static constexpr std::size_t LINE = 76;
	static constexpr std::size_t WORD_BYTES = 45; /// 60 base64 characters: "=?UTF-8?B?" + 60 + "?=" is 72 <= 75
	static std::size_t wordCapacity(std::size_t used);
	static std::vector<std::string> chunks(const std::string& text, std::size_t firstCapacity, bool atSpaces);
	static std::string words(const std::string& text, std::size_t firstLineUsed, bool atSpaces);
};


} // namespace reminders


#endif // Reminders_HeaderEncoding_INCLUDED
