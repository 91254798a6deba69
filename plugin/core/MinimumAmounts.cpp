//
// MinimumAmounts.cpp
//


#include "plugin/core/MinimumAmounts.h"
#include "erp/Money.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>


namespace reminders {


namespace {

void add(MinimumAmounts::Map& minimums, const std::string& code, const std::string& amount)
{
	if (!erp::Money::isCurrencyCode(code))
		throw Poco::SyntaxException("\"" + code + "\" is not an ISO 4217 currency code (e.g. EUR)");
	if (minimums.count(code)) throw Poco::SyntaxException(code + " is named twice");
	const std::optional<Poco::Int64> minor = erp::Money::parse(amount, code);
	if (!minor || *minor <= 0 || *minor > erp::Money::MAX_AMOUNT)
		throw Poco::SyntaxException("the minimum for " + code + " must be an amount above zero written like " +
									erp::Money::format(*erp::Money::parse("50", code), code) + ", not \"" + amount +
									"\"");
	minimums[code] = *minor;
}

} // namespace


MinimumAmounts::Map MinimumAmounts::parseText(const std::string& text)
{
	Map minimums;
	std::string normalised = Poco::replace(text, std::string(";"), std::string(","));
	Poco::StringTokenizer entries(normalised, ",",
								  Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const std::string& entry: entries)
	{
		Poco::StringTokenizer words(entry, " \t",
									Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
		if (words.count() != 2)
			throw Poco::SyntaxException("write each minimum as a currency code and an amount, e.g. EUR 50.00, not \"" +
										entry + "\"");
		add(minimums, words[0], words[1]);
	}
	return minimums;
}


MinimumAmounts::Map MinimumAmounts::parsePairs(const std::map<std::string, std::string>& pairs)
{
	Map minimums;
	for (const auto& [code, amount]: pairs)
		add(minimums, code, Poco::trim(amount));
	return minimums;
}


std::string MinimumAmounts::toText(const Map& minimums)
{
	std::string text;
	for (const auto& [code, minor]: minimums)
		text += (text.empty() ? "" : ", ") + code + " " + erp::Money::format(minor, code);
	return text;
}


std::string MinimumAmounts::toJson(const Map& minimums)
{
	if (minimums.empty()) return std::string();
	std::string json = "{";
	for (const auto& [code, minor]: minimums)
		json += (json.size() > 1 ? "," : "") + std::string("\"") + code + "\":" + std::to_string(minor);
	return json + "}";
}


MinimumAmounts::Map MinimumAmounts::fromJson(const std::string& json)
{
	Map minimums;
	const std::string body = Poco::trim(json);
	if (body.empty()) return minimums;
	if (body.size() < 2 || body.front() != '{' || body.back() != '}')
		throw Poco::SyntaxException("stored minimum amounts are not a JSON object", body);
	Poco::StringTokenizer entries(body.substr(1, body.size() - 2), ",",
								  Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const std::string& entry: entries)
	{
		const std::size_t colon = entry.find(':');
		Poco::Int64 minor = 0;
		if (colon == std::string::npos || colon < 2 || entry.front() != '"' || entry[colon - 1] != '"' ||
			!Poco::NumberParser::tryParse64(Poco::trim(entry.substr(colon + 1)), minor))
			throw Poco::SyntaxException("stored minimum amounts are malformed", body);
		minimums[Poco::trim(entry.substr(1, colon - 2))] = minor;
	}
	return minimums;
}


} // namespace reminders
