//
// QuotedPrintable.h
//


#ifndef Reminders_QuotedPrintable_INCLUDED
#define Reminders_QuotedPrintable_INCLUDED


#include <string>


namespace reminders {


class QuotedPrintable
/// The quoted-printable content transfer encoding (RFC 2045 6.7) of a text
/// body, in one pass over the text. Line breaks of the text (LF, CR or
/// CRLF) become CRLF hard breaks; no encoded line is longer than 76
/// characters (soft breaks "=" CRLF, never inside an "=XX"); a space or tab
/// before a line break, "=", a "." that starts a line and every byte
/// outside printable ASCII are written "=XX". The output has no line that
/// starts with "." (nothing for SMTP to stuff) and never contains "=_",
/// which makes "=_" a safe start for a MIME boundary. Pure and thread-safe.
{
public:
	static void encode(const std::string& text, std::string& out);
	/// Appends the encoding of `text` to `out`.

	static std::string encode(const std::string& text);

	static const std::size_t LINE = 76;
};


} // namespace reminders


#endif // Reminders_QuotedPrintable_INCLUDED
