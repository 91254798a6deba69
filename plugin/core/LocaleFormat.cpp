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

char groupSeparator(const std::string& language)
{
	return language == "el" ? '.' : ',';
}

} // namespace


std::string LocaleFormat::money(Poco::Int64 minor, const std::string& currency, const std::string& language)
{
	const std::string decimal = erp::Money::format(minor, currency);
	const std::string sign = symbol(currency);
	if (language == "el") return localized(decimal, '.', ',') + " " + (sign.empty() ? currency : sign);
	const std::string amount = localized(decimal, ',', '.');
	if (sign.empty()) return currency + " " + amount;
	return amount.front() == '-' ? "-" + sign + amount.substr(1) : sign + amount;
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


LocaleFormat::Plural LocaleFormat::plural(long count, const std::string& /*language*/)
{
	// CLDR: el "one: n = 1", en "one: i = 1 and v = 0"; for whole counts
	// both are "the absolute value is 1". Languages added later with other
	// rules (e.g. French, where 0 is "one") get their own branch here.
	return count == 1 || count == -1 ? Plural::ONE : Plural::OTHER;
}


std::string LocaleFormat::number(long count, const std::string& language)
{
	return localized(std::to_string(count), groupSeparator(language), '.');
}


std::string LocaleFormat::count(long count, const std::string& language, const std::string& one,
								const std::string& other)
{
	return number(count, language) + " " + (plural(count, language) == Plural::ONE ? one : other);
}


} // namespace reminders
