//
// Money.h
//
// Amounts as integer minor units of an ISO 4217 currency.
//


#ifndef Erp_Money_INCLUDED
#define Erp_Money_INCLUDED


#include "erp/Currency.h"
#include <Poco/Types.h>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>


namespace erp {


class Money
/// Conversions between the API's decimal strings ("1234.50") and integer
/// minor units (123450), per the currency's ISO 4217 exponent. No
/// floating point anywhere. All functions are pure and thread-safe.
///
/// No amount is above MAX_AMOUNT: the host refuses a larger invoice total
/// or payment, so a sum of up to 922,337 amounts cannot overflow; add()
/// checks every sum anyway and throws rather than wrap around.
{
public:
	static constexpr Poco::Int64 MAX_AMOUNT = 10000000000000LL;
	/// The largest invoice total or payment, in minor units (10^13): 100
	/// billion in a currency with 2 decimals (EUR 100,000,000,000.00), 10
	/// trillion JPY, 10 billion KWD.

	static int exponent(const std::string& currency)
	/// The number of minor-unit digits of an ISO 4217 currency (Currency.h):
	/// 0 for JPY, KRW, ...; 3 for BHD, KWD, ...; 4 for CLF and UYW; 2 for
	/// the others and for a code that is not in the list.
	{
		return Currency::exponent(currency).value_or(2);
	}

	static bool isCurrencyCode(const std::string& code)
	/// An ISO 4217 code with a minor unit (Currency::isKnown): "EUR" is one,
	/// "ZZZ", "XXX" and "eur" are not.
	{
		return Currency::isKnown(code);
	}

	static Poco::Int64 add(Poco::Int64 a, Poco::Int64 b)
	/// a + b; throws std::overflow_error instead of wrapping around.
	{
		Poco::Int64 sum = 0;
		if (__builtin_add_overflow(a, b, &sum))
			throw std::overflow_error("a sum of amounts overflows 64 bits (" + std::to_string(a) + " + " +
									  std::to_string(b) + " minor units)");
		return sum;
	}

	static std::optional<Poco::Int64> parse(const std::string& text, const std::string& currency)
	/// Parses "1234", "1234.5" or "1234.50" (an optional leading '-', at most
	/// the currency's number of decimals, no exponent or thousands separator).
	/// Returns nullopt when the text is not such a number or overflows.
	{
		const int digitsAllowed = exponent(currency);
		std::size_t pos = 0;
		bool negative = false;
		if (pos < text.size() && text[pos] == '-')
		{
			negative = true;
			++pos;
		}
		// Accumulate digits, noting an overflow instead of wrapping around.
		Poco::Int64 units = 0;
		bool overflow = false;
		const auto push = [&units, &overflow](int digit) {
			if (units > (std::numeric_limits<Poco::Int64>::max() - digit) / 10)
				overflow = true;
			else
				units = units * 10 + digit;
		};
		int wholeDigits = 0;
		for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++wholeDigits)
			push(text[pos] - '0');
		if (wholeDigits == 0) return std::nullopt;
		int decimals = 0;
		if (pos < text.size() && text[pos] == '.')
		{
			++pos;
			for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++decimals)
			{
				if (decimals == digitsAllowed) return std::nullopt;
				push(text[pos] - '0');
			}
			if (decimals == 0) return std::nullopt;
		}
		if (pos != text.size()) return std::nullopt;
		for (; decimals < digitsAllowed; ++decimals)
			push(0);
		if (overflow) return std::nullopt;
		return negative ? -units : units;
	}

	static bool isDecimal(const std::string& text, const std::string& currency)
	/// Whether `text` is written as parse() accepts ("1234.50": an optional
	/// leading '-', digits, at most the currency's number of decimals),
	/// whatever its size: parse() may still refuse it for overflowing 64
	/// bits. Tells "too large" from "not a decimal" in an error message.
	{
		const int digitsAllowed = exponent(currency);
		std::size_t pos = text.size() && text[0] == '-' ? 1 : 0;
		const std::size_t whole = pos;
		while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
			++pos;
		if (pos == whole) return false;
		if (pos == text.size()) return true;
		if (text[pos] != '.') return false;
		const std::size_t fraction = ++pos;
		while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
			++pos;
		const std::size_t decimals = pos - fraction;
		return pos == text.size() && decimals > 0 && decimals <= static_cast<std::size_t>(digitsAllowed);
	}

	static std::string format(Poco::Int64 minor, const std::string& currency)
	/// The API's decimal string: 123450 EUR -> "1234.50", 500 JPY -> "500".
	{
		const int digits = exponent(currency);
		const bool negative = minor < 0;
		// Work on the unsigned magnitude so that INT64_MIN formats too.
		unsigned long long magnitude =
			negative ? 0ULL - static_cast<unsigned long long>(minor) : static_cast<unsigned long long>(minor);
		std::string text = std::to_string(magnitude);
		if (digits > 0)
		{
			if (text.size() <= static_cast<std::size_t>(digits))
				text.insert(0, static_cast<std::size_t>(digits) + 1 - text.size(), '0');
			text.insert(text.size() - static_cast<std::size_t>(digits), 1, '.');
		}
		return negative ? "-" + text : text;
	}
};


} // namespace erp


#endif // Erp_Money_INCLUDED
