//
// MinimumAmounts.h
//


#ifndef Reminders_MinimumAmounts_INCLUDED
#define Reminders_MinimumAmounts_INCLUDED


#include <Poco/Types.h>
#include <map>
#include <string>


namespace reminders {


class MinimumAmounts
/// The setting «Ελάχιστο ποσό ανά νόμισμα» (minimum amount per currency)
/// in its two written forms, and back to ISO 4217 code -> minor units:
///   text (the settings screen): "EUR 50.00, USD 20" (commas or semicolons)
///   JSON (API scripts):         {"EUR": "50.00", "USD": "20"}
/// Codes are ISO 4217 codes with a minor unit (erp::Currency), in upper
/// case; amounts are decimal strings with at most the currency's decimals
/// (erp::Money), above zero and at most erp::Money::MAX_AMOUNT. A code
/// named twice is refused. Pure and thread-safe.
{
public:
	using Map = std::map<std::string, Poco::Int64>;

	static Map parseText(const std::string& text);
	/// Throws Poco::SyntaxException with a message for the accountant (the
	/// entry that is wrong and why). Empty text: no minimum.

	static Map parsePairs(const std::map<std::string, std::string>& pairs);
	/// The JSON form, code -> decimal string; throws as parseText.

	static std::string toText(const Map& minimums);
	/// "EUR 50.00, USD 20", codes in order; "" for none.

	static std::string toJson(const Map& minimums);
	/// Stored form: {"EUR":5000,"USD":2000} in minor units; "" for none.

	static Map fromJson(const std::string& json);
	/// The stored form back; "" is none. Throws Poco::SyntaxException on
	/// anything else (a corrupted row).
};


} // namespace reminders


#endif // Reminders_MinimumAmounts_INCLUDED
