//
// LocaleFormat.cpp
//


#include "plugin/core/LocaleFormat.h"
#include "erp/Money.h"


namespace reminders {


namespace {

std::string symbol(const std::string& currency)
{
	if (currency == "EUR") return "€";
	if (currency == "USD") return "$";
	if (currency == "GBP") return "£";
	return "";
}

// Groups the whole part in threes and swaps in the language's separators.
std::string localized(const std::string& decimal, char group, char point)
{
	const bool negative = !decimal.empty() && decimal.front() == '-';
	const std::string digits = negative ? decimal.substr(1) : decimal;
	const std::string::size_type dot = digits.find('.');
	const std::string whole = digits.substr(0, dot);
	std::string grouped;
	for (std::size_t i = 0; i < whole.size(); ++i)
	{
		if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
		grouped += whole[i];
	}
	if (dot != std::string::npos) grouped += point + digits.substr(dot + 1);
	return (negative ? "-" : "") + grouped;
}

} // namespace


std::string LocaleFormat::money(Poco::Int64 minor, const std::string& currency, const std::string& language)
{
	const std::string decimal = erp::Money::format(minor, currency);
	const std::string sign = symbol(currency);
	if (language == "el") return localized(decimal, '.', ',') + " " + (sign.empty() ? currency : sign);
	const std::string number = localized(decimal, ',', '.');
	if (sign.empty()) return currency + " " + number;
	return number.front() == '-' ? "-" + sign + number.substr(1) : sign + number;
}


std::string LocaleFormat::date(const CalendarDate& day, const std::string& language)
{
	static const char* const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
										 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	const std::string iso = day.toString(); // YYYY-MM-DD
	const std::string dd = iso.substr(8, 2), mm = iso.substr(5, 2), yyyy = iso.substr(0, 4);
	if (language == "el") return dd + "/" + mm + "/" + yyyy;
	const int month = std::stoi(mm);
	return std::to_string(std::stoi(dd)) + " " + MONTHS[month - 1] + " " + yyyy;
}


} // namespace reminders
