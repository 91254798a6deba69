//
// QueryParameters.h
//
// Numbers from a request's URL.
//


#ifndef Erp_QueryParameters_INCLUDED
#define Erp_QueryParameters_INCLUDED


#include "erp/ApiError.h"
#include <Poco/NumberParser.h>
#include <map>
#include <string>


namespace erp {


class QueryParameters
/// Reads numbers from a request's query string; 400 naming the parameter
/// when one is malformed or out of range.
{
public:
	static Poco::Int64 integer(const std::map<std::string, std::string>& query, const std::string& name,
							   Poco::Int64 fallback, Poco::Int64 minimum, Poco::Int64 maximum)
	{
		auto it = query.find(name);
		if (it == query.end()) return fallback;
		Poco::Int64 value = 0;
		if (!Poco::NumberParser::tryParse64(it->second, value) || value < minimum || value > maximum)
			throw ApiError::invalid(name, name + " must be a whole number from " + std::to_string(minimum) + " to " +
											  std::to_string(maximum));
		return value;
	}

	static Poco::Int64 pathId(const std::map<std::string, std::string>& params, const std::string& name,
							  const std::string& what)
	/// A positive id from the URL, or 404.
	{
		auto it = params.find(name);
		Poco::Int64 id = 0;
		if (it == params.end() || !Poco::NumberParser::tryParse64(it->second, id) || id <= 0)
			throw ApiError::notFound(what);
		return id;
	}
};


} // namespace erp


#endif // Erp_QueryParameters_INCLUDED
