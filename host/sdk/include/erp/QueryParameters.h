//
// QueryParameters.h
//
// Numbers from a request's URL.
//


#ifndef Erp_QueryParameters_INCLUDED
#define Erp_QueryParameters_INCLUDED


#include "erp/ApiError.h"
#include <Poco/Types.h>
#include <limits>
#include <map>
#include <optional>
#include <string>


namespace erp {


class QueryParameters
/// Reads numbers from a request's URL; 400 naming the parameter when one
/// is malformed or out of range. Numbers are plain decimal digits: no
/// '+', spaces, thousands separators, hexadecimal or wrap-around.
{
public:
	static Poco::Int64 integer(const std::map<std::string, std::string>& query, const std::string& name,
							   Poco::Int64 fallback, Poco::Int64 minimum, Poco::Int64 maximum)
	{
		auto it = query.find(name);
		if (it == query.end()) return fallback;
		const std::optional<Poco::Int64> value = decimal(it->second);
		if (!value || *value < minimum || *value > maximum)
			throw ApiError::invalid(name, name + " must be a whole number from " + std::to_string(minimum) + " to " +
											  std::to_string(maximum));
		return *value;
	}

	static Poco::Int64 pathId(const std::map<std::string, std::string>& params, const std::string& name,
							  const std::string& what)
	/// A positive id from the URL written as plain digits without a leading
	/// zero (so "+1", " 1", "01" or "1.0" never name id 1), or 404.
	{
		auto it = params.find(name);
		if (it == params.end() || it->second.empty() || it->second[0] == '0' || it->second[0] == '-')
			throw ApiError::notFound(what);
		const std::optional<Poco::Int64> id = decimal(it->second);
		if (!id || *id <= 0) throw ApiError::notFound(what);
		return *id;
	}

	static std::optional<Poco::Int64> decimal(const std::string& text)
	/// An optional '-' and 1 to 19 decimal digits that fit in a signed
	/// 64-bit integer; nullopt for anything else.
	{
		const bool negative = !text.empty() && text[0] == '-';
		const std::size_t first = negative ? 1 : 0;
		if (text.size() == first) return std::nullopt;
		Poco::UInt64 magnitude = 0;
		const Poco::UInt64 limit =
			static_cast<Poco::UInt64>(std::numeric_limits<Poco::Int64>::max()) + (negative ? 1 : 0);
		for (std::size_t i = first; i < text.size(); ++i)
		{
			if (text[i] < '0' || text[i] > '9') return std::nullopt;
			const auto digit = static_cast<Poco::UInt64>(text[i] - '0');
			if (magnitude > (limit - digit) / 10) return std::nullopt;
			magnitude = magnitude * 10 + digit;
		}
		if (!negative) return static_cast<Poco::Int64>(magnitude);
		return magnitude == static_cast<Poco::UInt64>(std::numeric_limits<Poco::Int64>::max()) + 1
				   ? std::numeric_limits<Poco::Int64>::min()
				   : -static_cast<Poco::Int64>(magnitude);
	}
};


} // namespace erp


#endif // Erp_QueryParameters_INCLUDED
