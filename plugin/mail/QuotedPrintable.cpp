//
// QuotedPrintable.cpp
//


#include "plugin/mail/QuotedPrintable.h"


namespace reminders {


namespace {

const char HEX[] = "0123456789ABCDEF";

bool lineBreakAt(const std::string& text, std::size_t i)
{
	return i >= text.size() || text[i] == '\r' || text[i] == '\n';
}

} // namespace


void QuotedPrintable::encode(const std::string& text, std::string& out)
{
	out.reserve(out.size() + text.size() + text.size() / 2);
	std::size_t column = 0;
	for (std::size_t i = 0; i < text.size(); ++i)
	{
		const unsigned char c = static_cast<unsigned char>(text[i]);
		if (c == '\r' || c == '\n')
		{
			out += "\r\n";
			column = 0;
			if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
			continue;
		}
		const bool blank = c == ' ' || c == '\t';
		const bool literal =
			(c >= 33 && c <= 126 && c != '=' && !(c == '.' && column == 0)) || (blank && !lineBreakAt(text, i + 1));
		const std::size_t width = literal ? 1 : 3;
		// A soft break keeps the line, with its "=", within LINE characters.
		if (column + width > LINE - 1)
		{
			out += "=\r\n";
			column = 0;
		}
		if (literal && !(c == '.' && column == 0))
		{
			out += static_cast<char>(c);
			column += 1;
		}
		else
		{
			out += '=';
			out += HEX[c >> 4];
			out += HEX[c & 0x0F];
			column += 3;
		}
	}
}


std::string QuotedPrintable::encode(const std::string& text)
{
	std::string out;
	encode(text, out);
	return out;
}


} // namespace reminders
