//
// JsonInput.cpp
//


#include "JsonInput.h"
#include "erp/ApiError.h"
#include <Poco/NumberParser.h>


namespace host {


void JsonInput::allowOnly(const std::set<std::string>& fields, const RecordRegistry& sections) const
{
	erp::JsonBody::allowOnly([&](const std::string& name) { return fields.count(name) > 0 || sections.knows(name); });
}


Poco::Int64 JsonInput::pathId(const std::map<std::string, std::string>& params, const std::string& name)
{
	auto it = params.find(name);
	Poco::Int64 id = 0;
	if (it == params.end() || !Poco::NumberParser::tryParse64(it->second, id) || id <= 0)
		throw erp::ApiError(404, "not_found", "no such id: " + (it == params.end() ? std::string() : it->second));
	return id;
}


int JsonInput::queryInt(const std::map<std::string, std::string>& query, const std::string& name, int fallback,
						int minimum, int maximum)
{
	auto it = query.find(name);
	if (it == query.end()) return fallback;
	int value = 0;
	if (!Poco::NumberParser::tryParse(it->second, value) || value < minimum || value > maximum)
		throw erp::ApiError::invalid(name, name + " must be a whole number from " + std::to_string(minimum) + " to " +
											   std::to_string(maximum));
	return value;
}


} // namespace host
