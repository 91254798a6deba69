//
// EncodedWords.h
//
// Reading back the header values the plugin writes (RFC 5322 folding,
// RFC 2047 "B" encoded-words in UTF-8), for the fuzz targets' checks.
//


#ifndef Fuzz_EncodedWords_INCLUDED
#define Fuzz_EncodedWords_INCLUDED


#include <optional>
#include <string>
#include <vector>


class EncodedWords
/// A strict reader written for the tests: it knows only what the plugin
/// writes ("=?UTF-8?B?...?=" words, folds of CRLF and one space) and
/// refuses anything else, so that a check built on it fails on output the
/// plugin should not write.
{
public:
	static std::string unfold(const std::string& value)
	/// The value with each CRLF that is followed by white space removed.
	{
		std::string result;
		for (std::size_t i = 0; i < value.size(); ++i)
		{
			if (value[i] == '\r' && i + 2 < value.size() && value[i + 1] == '\n' &&
				(value[i + 2] == ' ' || value[i + 2] == '\t'))
			{
				++i;
				continue;
			}
			result += value[i];
		}
		return result;
	}

	static std::optional<std::string> decodeBase64(const std::string& text)
	/// Padded base64 (RFC 4648) without white space, or nullopt.
	{
		if (text.size() % 4 != 0) return std::nullopt;
		std::string bytes;
		for (std::size_t i = 0; i < text.size(); i += 4)
		{
			unsigned bits = 0;
			int padding = 0;
			for (std::size_t k = 0; k < 4; ++k)
			{
				const int value = sextet(text[i + k]);
				if (text[i + k] == '=' && i + 4 == text.size() && k >= 2)
					++padding;
				else if (value < 0 || padding > 0)
					return std::nullopt;
				bits = (bits << 6) | static_cast<unsigned>(value < 0 ? 0 : value);
			}
			bytes += static_cast<char>((bits >> 16) & 0xFF);
			if (padding < 2) bytes += static_cast<char>((bits >> 8) & 0xFF);
			if (padding < 1) bytes += static_cast<char>(bits & 0xFF);
		}
		return bytes;
	}

	static std::optional<std::string> decodeWord(const std::string& word)
	/// The bytes of one "=?UTF-8?B?...?=" encoded-word, or nullopt.
	{
		const std::string prefix = "=?UTF-8?B?";
		if (word.size() < prefix.size() + 2 || word.compare(0, prefix.size(), prefix) != 0 ||
			word.compare(word.size() - 2, 2, "?=") != 0)
			return std::nullopt;
		return decodeBase64(word.substr(prefix.size(), word.size() - prefix.size() - 2));
	}

	static std::optional<std::vector<std::string>> decodeWords(const std::string& unfolded)
	/// The decoded bytes of each encoded-word of a value made only of
	/// encoded-words separated by single spaces; nullopt for anything else.
	{
		std::vector<std::string> words;
		std::size_t start = 0;
		while (start <= unfolded.size())
		{
			std::size_t end = unfolded.find(' ', start);
			if (end == std::string::npos) end = unfolded.size();
			const std::optional<std::string> word = decodeWord(unfolded.substr(start, end - start));
			if (!word) return std::nullopt;
			words.push_back(*word);
			start = end + 1;
		}
		return words;
	}

private:
	static int sextet(char c)
	{
		if (c >= 'A' && c <= 'Z') return c - 'A';
		if (c >= 'a' && c <= 'z') return c - 'a' + 26;
		if (c >= '0' && c <= '9') return c - '0' + 52;
		if (c == '+') return 62;
		if (c == '/') return 63;
		return -1;
	}
};


#endif // Fuzz_EncodedWords_INCLUDED
