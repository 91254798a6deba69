//
// JsonInput.cpp
//


#include "JsonInput.h"
#include "HostClock.h"
#include "erp/ApiError.h"
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>


namespace host {


Poco::JSON::Object::Ptr JsonInput::parse(const std::string& body)
{
	Poco::Dynamic::Var value;
	try
	{
		Poco::JSON::Parser parser;
		value = parser.parse(body);
	}
	catch (Poco::Exception& exc)
	{
		throw erp::ApiError(400, "invalid_json", "the body is not valid JSON: " + exc.message());
	}
	if (value.type() != typeid(Poco::JSON::Object::Ptr))
		throw erp::ApiError(400, "invalid_json", "the body must be a JSON object");
	return value.extract<Poco::JSON::Object::Ptr>();
}


JsonInput::JsonInput(Poco::JSON::Object::Ptr object):
	_object(std::move(object))
{}


const Poco::JSON::Object& JsonInput::object() const
{
	return *_object;
}


void JsonInput::allowOnly(const std::set<std::string>& fields, const RecordRegistry& sections) const
{
	for (const auto& [name, value]: *_object)
		if (!fields.count(name) && !sections.knows(name)) throw erp::ApiError::invalid(name, "unknown field " + name);
}


bool JsonInput::has(const std::string& field) const
{
	return _object->has(field);
}


bool JsonInput::isNull(const std::string& field) const
{
	return _object->has(field) && _object->isNull(field);
}


std::optional<std::string> JsonInput::text(const std::string& field, bool required, std::size_t maxLength) const
{
	if (!_object->has(field) || _object->isNull(field))
	{
		if (required) throw erp::ApiError::invalid(field, field + " is required");
		return std::nullopt;
	}
	const Poco::Dynamic::Var value = _object->get(field);
	if (!value.isString()) throw erp::ApiError::invalid(field, field + " must be a string");
	std::string result = Poco::trim(value.extract<std::string>());
	if (result.empty())
	{
		if (required) throw erp::ApiError::invalid(field, field + " must not be empty");
		return std::nullopt;
	}
	if (result.size() > maxLength)
		throw erp::ApiError::invalid(field, field + " is longer than " + std::to_string(maxLength) + " bytes");
	for (unsigned char c: result)
		if (c < 0x20 || c == 0x7F) throw erp::ApiError::invalid(field, field + " must not contain control characters");
	return result;
}


std::optional<std::string> JsonInput::date(const std::string& field, bool required) const
{
	std::optional<std::string> value = text(field, required, 10);
	if (value && !HostClock::isDate(*value))
		throw erp::ApiError::invalid(field, field + " must be a date written YYYY-MM-DD");
	return value;
}


std::optional<Poco::Int64> JsonInput::id(const std::string& field, bool required) const
{
	if (!_object->has(field) || _object->isNull(field))
	{
		if (required) throw erp::ApiError::invalid(field, field + " is required");
		return std::nullopt;
	}
	const Poco::Dynamic::Var value = _object->get(field);
	if (!value.isInteger()) throw erp::ApiError::invalid(field, field + " must be an integer id");
	const Poco::Int64 result = value.convert<Poco::Int64>();
	if (result <= 0) throw erp::ApiError::invalid(field, field + " must be a positive id");
	return result;
}


std::optional<bool> JsonInput::boolean(const std::string& field) const
{
	if (!_object->has(field) || _object->isNull(field)) return std::nullopt;
	const Poco::Dynamic::Var value = _object->get(field);
	if (!value.isBoolean()) throw erp::ApiError::invalid(field, field + " must be true or false");
	return value.extract<bool>();
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
