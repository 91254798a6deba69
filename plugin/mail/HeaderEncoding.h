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
	/// "Name <address>" with the name in a single encoded-word when it is
	/// not plain ASCII (see displayName), the address folded onto its own
	/// line when needed; just the address when the name is empty. The
	/// address must already be valid.

	static std::string displayName(const std::string& name, std::size_t firstLineUsed);
	/// The display name as the header will carry it: the sanitized name, or,
	/// when it does not fit one encoded-word, cut at a word boundary and
	/// ended with "…" (the full name is in the message body).

	static std::string sanitize(const std::string& utf8);
	/// The text without control characters and with invalid UTF-8 replaced
	/// by U+FFFD.
private:
	static constexpr std::size_t LINE = 76;
	static std::size_t wordCapacity(std::size_t used);
	static std::vector<std::string> chunks(const std::string& text, std::size_t firstCapacity);
};


} // namespace reminders


#endif // Reminders_HeaderEncoding_INCLUDED
