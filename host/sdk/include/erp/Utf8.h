//
// Utf8.h
//
// Checking, counting and showing UTF-8 text.
//


#ifndef Erp_Utf8_INCLUDED
#define Erp_Utf8_INCLUDED


#include <cstddef>
#include <optional>
#include <string>


namespace erp {


class Utf8
/// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800 to
/// U+DFFF), nothing above U+10FFFF. Header-only, pure, thread-safe.
{
public:
	static std::optional<std::size_t> length(const std::string& text)
	/// The number of characters (code points), or nullopt when the text is
	/// not valid UTF-8.
	{
		std::size_t count = 0;
		for (std::size_t pos = 0; pos < text.size(); ++count)
		{
			const std::size_t size = sequence(text, pos);
			if (size == 0) return std::nullopt;
			pos += size;
		}
		return count;
	}

	static bool isValid(const std::string& text)
	{
		return length(text).has_value();
	}

	static std::string escapeInvalid(const std::string& text)
	/// The text with every byte that is not part of a valid sequence shown
	/// as \xHH (upper-case hex), so that it can be echoed in an answer.
	{
		static const char HEX[] = "0123456789ABCDEF";
		std::string result;
		result.reserve(text.size());
		for (std::size_t pos = 0; pos < text.size();)
		{
			const std::size_t size = sequence(text, pos);
			if (size == 0)
			{
				const auto byte = static_cast<unsigned char>(text[pos]);
				result += "\\x";
				result += HEX[byte >> 4];
				result += HEX[byte & 0x0F];
				++pos;
			}
			else
			{
				result.append(text, pos, size);
				pos += size;
			}
		}
		return result;
	}

	static std::optional<char32_t> decode(const std::string& text, std::size_t& pos)
	/// The code point at pos, advancing pos past it; nullopt (pos unchanged)
	/// at an invalid sequence or the end.
	{
		const std::size_t size = pos < text.size() ? sequence(text, pos) : 0;
		if (size == 0) return std::nullopt;
		const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
		char32_t code = size == 1   ? byte(0)
						: size == 2 ? byte(0) & 0x1Fu
						: size == 3 ? byte(0) & 0x0Fu
									: byte(0) & 0x07u;
		for (std::size_t i = 1; i < size; ++i)
			code = (code << 6) | (byte(i) & 0x3Fu);
		pos += size;
		return code;
	}

private:
	static std::size_t sequence(const std::string& text, std::size_t pos)
	/// The length of the valid sequence starting at pos, or 0.
	{
		const auto at = [&](std::size_t i) -> unsigned {
			return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0x100u;
		};
		const auto tail = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
			return at(i) >= low && at(i) <= high;
		};
		const unsigned first = at(0);
		if (first < 0x80) return 1;
		if (first >= 0xC2 && first <= 0xDF) return tail(1) ? 2 : 0;
		if (first == 0xE0) return tail(1, 0xA0) && tail(2) ? 3 : 0;
		if (first == 0xED) return tail(1, 0x80, 0x9F) && tail(2) ? 3 : 0; // no surrogates
		if (first >= 0xE1 && first <= 0xEF) return tail(1) && tail(2) ? 3 : 0;
		if (first == 0xF0) return tail(1, 0x90) && tail(2) && tail(3) ? 4 : 0;
		if (first >= 0xF1 && first <= 0xF3) return tail(1) && tail(2) && tail(3) ? 4 : 0;
		if (first == 0xF4) return tail(1, 0x80, 0x8F) && tail(2) && tail(3) ? 4 : 0;
		return 0;
	}
};


} // namespace erp


#endif // Erp_Utf8_INCLUDED
