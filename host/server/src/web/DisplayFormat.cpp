//
// DisplayFormat.cpp
//


#include "web/DisplayFormat.h"
#include "erp/Instant.h"
#include <chrono>
#include <date/tz.h>


namespace host {


namespace {

std::string symbol(const std::string& currency)
{
	if (currency == "EUR") return "€";
	if (currency == "USD") return "$";
	if (currency == "GBP") return "£";
	return "";
}

bool isDecimal(const std::string& text)
{
	std::size_t i = text.empty() || text[0] != '-' ? 0 : 1;
	bool digits = false, dot = false;
	for (; i < text.size(); ++i)
	{
		if (text[i] >= '0' && text[i] <= '9')
			digits = true;
		else if (text[i] == '.' && !dot && digits)
			dot = true;
		else
			return false;
	}
	return digits && text.back() != '.';
}

// Groups the whole part in threes and swaps in the language's separators.
std::string localized(const std::string& decimal, char group, char point)
{
	const bool negative = decimal.front() == '-';
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

bool isIsoDate(const std::string& text)
{
	if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
	for (std::size_t i: {0, 1, 2, 3, 5, 6, 8, 9})
		if (text[i] < '0' || text[i] > '9') return false;
	const int month = std::stoi(text.substr(5, 2));
	return month >= 1 && month <= 12;
}

} // namespace


std::string DisplayFormat::money(const std::string& decimal, const std::string& currency, const std::string& language)
{
	if (!isDecimal(decimal)) return decimal;
	const std::string sign = symbol(currency);
	if (language == "el") return localized(decimal, '.', ',') + " " + (sign.empty() ? currency : sign);
	const std::string amount = localized(decimal, ',', '.');
	if (sign.empty()) return currency + " " + amount;
	return amount.front() == '-' ? "-" + sign + amount.substr(1) : sign + amount;
}


std::string DisplayFormat::date(const std::string& isoDate, const std::string& language)
{
	static const char* const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
										 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	if (!isIsoDate(isoDate)) return isoDate;
	const std::string dd = isoDate.substr(8, 2), mm = isoDate.substr(5, 2), yyyy = isoDate.substr(0, 4);
	if (language == "el") return dd + "/" + mm + "/" + yyyy;
	return std::to_string(std::stoi(dd)) + " " + MONTHS[std::stoi(mm) - 1] + " " + yyyy;
}


std::string DisplayFormat::instant(const std::string& isoInstant, const std::string& timeZone,
								   const std::string& language)
{
	// Only what erp::Instant writes (Poco's parser is lenient).
	if (isoInstant.size() < 20 || !isIsoDate(isoInstant.substr(0, 10)) || isoInstant[10] != 'T') return isoInstant;
	const std::optional<Poco::Timestamp> at = erp::Instant::parse(isoInstant);
	if (!at) return isoInstant;
	const std::chrono::system_clock::time_point point{std::chrono::microseconds(at->epochMicroseconds())};
	const auto seconds = date::floor<std::chrono::seconds>(point);
	std::string local, zone;
	try
	{
		const auto zoned = date::make_zoned(timeZone, seconds);
		local = date::format("%Y-%m-%d %H:%M:%S", zoned.get_local_time());
		zone = date::format("%Z", zoned);
	}
	catch (std::exception&)
	{
		local = date::format("%Y-%m-%d %H:%M:%S", seconds);
		zone = "UTC";
	}
	return date(local.substr(0, 10), language) + " " + local.substr(11) + " " + zone;
}


} // namespace host
