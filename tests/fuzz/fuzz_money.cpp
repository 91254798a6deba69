//
// fuzz_money.cpp
//
// erp::Money (the API's decimal amounts) and LocaleFormat::money.
//
// Input: a currency code, a line feed, then one or two amounts as the API
// writes them, one per line ("EUR\n1234.50\n-0.01").
//
// Properties:
// - parse() accepts exactly an optional '-', digits, and optionally '.'
//   and 1 to exponent(currency) digits, whose value fits in 64 bits; the
//   value it returns is the one the digits spell (checked against a
//   reader written here that works on the digits as text);
// - format(parse(t)) is t written canonically (no leading zeros, every
//   decimal, no "-0"), and parse(format(v)) == v for every v but INT64_MIN;
// - LocaleFormat::money() shows the same digits, grouped by three, with
//   the language's separators and the currency's symbol or code;
// - add() is the exact sum, or throws std::overflow_error when the sum
//   does not fit in 64 bits (never wraps).
//


#include "FuzzProperty.h"
#include "erp/Money.h"
#include "plugin/core/LocaleFormat.h"
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>


namespace {

using Int64 = Poco::Int64;

const char* const INT64_MAX_DIGITS = "9223372036854775807";

bool isDigit(char c)
{
	return c >= '0' && c <= '9';
}

// What parse() should return, worked out on the text's digits: nullopt
// when the grammar does not match or the value does not fit in 64 bits.
std::optional<Int64> expectedValue(const std::string& text, int exponent, std::string& canonical)
{
	std::size_t pos = 0;
	const bool negative = !text.empty() && text[0] == '-';
	if (negative) ++pos;
	const std::size_t wholeStart = pos;
	while (pos < text.size() && isDigit(text[pos]))
		++pos;
	std::string whole = text.substr(wholeStart, pos - wholeStart);
	if (whole.empty()) return std::nullopt;
	std::string decimals;
	if (pos < text.size() && text[pos] == '.')
	{
		const std::size_t start = ++pos;
		while (pos < text.size() && isDigit(text[pos]))
			++pos;
		decimals = text.substr(start, pos - start);
		if (decimals.empty() || decimals.size() > static_cast<std::size_t>(exponent)) return std::nullopt;
	}
	if (pos != text.size()) return std::nullopt;
	decimals.append(static_cast<std::size_t>(exponent) - decimals.size(), '0');
	std::string digits = whole + decimals;
	while (digits.size() > 1 && digits[0] == '0')
		digits.erase(0, 1);
	const std::string limit = INT64_MAX_DIGITS;
	if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) return std::nullopt;
	Int64 value = 0;
	for (char c: digits)
		value = value * 10 + (c - '0');
	while (whole.size() > 1 && whole[0] == '0')
		whole.erase(0, 1);
	canonical = (negative && value != 0 ? "-" : "") + whole + (exponent > 0 ? "." + decimals : "");
	return negative ? -value : value;
}

void checkFormat(Int64 value, const std::string& currency)
{
	const std::string text = erp::Money::format(value, currency);
	const std::optional<Int64> back = erp::Money::parse(text, currency);
	if (value == std::numeric_limits<Int64>::min())
		FuzzProperty::require(!back, "parse(format(INT64_MIN)) is refused (its magnitude does not fit)");
	else
		FuzzProperty::require(back && *back == value, "parse(format(v)) == v");
}

// The amount LocaleFormat shows, turned back into the API's decimal string.
std::string unlocalized(std::string shown, const std::string& currency, const std::string& language)
{
	const std::string symbol = currency == "EUR" ? "€" : currency == "USD" ? "$" : currency == "GBP" ? "£" : "";
	const std::string mark = symbol.empty() ? currency : symbol;
	const char group = language == "el" ? '.' : ',';
	const char point = language == "el" ? ',' : '.';
	if (language == "el")
	{
		const std::string suffix = " " + mark;
		FuzzProperty::require(shown.size() > suffix.size() &&
								  shown.compare(shown.size() - suffix.size(), suffix.size(), suffix) == 0,
							  "el: the amount ends with a space and the symbol or code");
		shown.erase(shown.size() - suffix.size());
	}
	else
	{
		const bool negative = !shown.empty() && shown[0] == '-';
		const std::string prefix = symbol.empty() ? currency + " " : symbol;
		const std::size_t at = symbol.empty() || !negative ? 0 : 1;
		FuzzProperty::require(shown.compare(at, prefix.size(), prefix) == 0,
							  "en: the symbol (after the sign) or the code and a space come first");
		shown.erase(at, prefix.size());
	}
	const bool negative = !shown.empty() && shown[0] == '-';
	const std::string body = negative ? shown.substr(1) : shown;
	const std::size_t pointAt = body.find(point);
	const std::string whole = body.substr(0, pointAt);
	std::string digits;
	for (std::size_t i = 0; i < whole.size(); ++i)
	{
		// Groups of three digits from the right, separated by `group`.
		const bool separatorHere = (whole.size() - i) % 4 == 0;
		FuzzProperty::require(separatorHere ? whole[i] == group : isDigit(whole[i]),
							  "the whole part is grouped by three with the language's separator");
		if (!separatorHere) digits += whole[i];
	}
	FuzzProperty::require(!whole.empty() && whole[0] != group, "the whole part starts with a digit");
	std::string result = (negative ? "-" : "") + digits;
	if (pointAt != std::string::npos) result += "." + body.substr(pointAt + 1);
	return result;
}

void checkLocale(Int64 value, const std::string& currency)
{
	for (const char* language: {"el", "en"})
		FuzzProperty::require(unlocalized(reminders::LocaleFormat::money(value, currency, language), currency,
										  language) == erp::Money::format(value, currency),
							  "LocaleFormat::money shows the digits of Money::format");
}

void checkAdd(Int64 a, Int64 b)
{
	const __int128 exact = static_cast<__int128>(a) + b;
	const bool fits = exact >= std::numeric_limits<Int64>::min() && exact <= std::numeric_limits<Int64>::max();
	try
	{
		const Int64 sum = erp::Money::add(a, b);
		FuzzProperty::require(fits && sum == exact, "add() returns the exact sum");
	}
	catch (std::overflow_error&)
	{
		FuzzProperty::require(!fits, "add() throws only when the sum does not fit in 64 bits");
	}
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string input(reinterpret_cast<const char*>(data), size);
	const std::size_t firstBreak = input.find('\n');
	if (firstBreak == std::string::npos) return 0;
	const std::string currency = input.substr(0, firstBreak);
	const int exponent = erp::Money::exponent(currency);
	FuzzProperty::require(exponent >= 0 && exponent <= 4, "a currency has 0 to 4 decimals");

	std::string rest = input.substr(firstBreak + 1);
	const std::size_t secondBreak = rest.find('\n');
	const std::string texts[2] = {rest.substr(0, secondBreak),
								  secondBreak == std::string::npos ? std::string() : rest.substr(secondBreak + 1)};
	std::optional<Int64> values[2];
	for (int i = 0; i < 2; ++i)
	{
		std::string canonical;
		const std::optional<Int64> expected = expectedValue(texts[i], exponent, canonical);
		values[i] = erp::Money::parse(texts[i], currency);
		FuzzProperty::require(values[i] == expected, "parse() accepts exactly the API's grammar, values that fit");
		if (!values[i]) continue;
		FuzzProperty::require(erp::Money::format(*values[i], currency) == canonical,
							  "format(parse(t)) is t written canonically");
		checkFormat(*values[i], currency);
		checkLocale(*values[i], currency);
	}
	if (values[0] && values[1])
	{
		const Int64 a = *values[0], b = *values[1];
		for (const Int64 other: {b, -b, std::numeric_limits<Int64>::max(), std::numeric_limits<Int64>::min()})
		{
			checkAdd(a, other);
			checkAdd(other, a);
		}
		// A sum that cannot overflow formats and parses back too.
		try
		{
			const Int64 sum = erp::Money::add(a, b);
			checkFormat(sum, currency);
			checkLocale(sum, currency);
		}
		catch (std::overflow_error&)
		{}
	}
	return 0;
}
