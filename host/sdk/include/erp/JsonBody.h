//
// JsonBody.h
//
// Reading a request's JSON object field by field.
//


#ifndef Erp_JsonBody_INCLUDED
#define Erp_JsonBody_INCLUDED


#include "erp/ApiError.h"
#include <Poco/DateTime.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <functional>
#include <optional>
#include <string>


namespace erp {


class JsonBody
/// A request body that must be one JSON object. Every problem is an
/// ApiError 400 naming the field, so that handlers validate everything
/// before they change anything. Header-only; not thread-safe (one per
/// request).
{
public:
	explicit JsonBody(const std::string& body):
		_object(parse(body))
	{}

	explicit JsonBody(Poco::JSON::Object::Ptr object):
		_object(std::move(object))
	{}

	static Poco::JSON::Object::Ptr parse(const std::string& body)
	/// Throws 400 invalid_json unless the body is one JSON object.
	{
		Poco::Dynamic::Var value;
		try
		{
			Poco::JSON::Parser parser;
			value = parser.parse(body);
		}
		catch (Poco::Exception& exc)
		{
			throw ApiError(400, "invalid_json", "the body is not valid JSON: " + exc.message());
		}
		if (value.type() != typeid(Poco::JSON::Object::Ptr))
			throw ApiError(400, "invalid_json", "the body must be a JSON object");
		return value.extract<Poco::JSON::Object::Ptr>();
	}

	void allowOnly(const std::function<bool(const std::string&)>& known) const
	/// Refuses the first key `known` rejects.
	{
		for (const auto& entry: *_object)
			if (!known(entry.first)) throw ApiError::invalid(entry.first, "unknown field " + entry.first);
	}

	bool has(const std::string& field) const
	{
		return _object->has(field);
	}

	bool isNull(const std::string& field) const
	{
		return _object->has(field) && _object->isNull(field);
	}

	std::optional<std::string> text(const std::string& field, bool required, std::size_t maxLength) const
	/// A string, trimmed; empty or null counts as missing. No control characters.
	{
		if (!_object->has(field) || _object->isNull(field))
		{
			if (required) throw ApiError::invalid(field, field + " is required");
			return std::nullopt;
		}
		const Poco::Dynamic::Var value = _object->get(field);
		if (!value.isString()) throw ApiError::invalid(field, field + " must be a string");
		std::string result = Poco::trim(value.extract<std::string>());
		if (result.empty())
		{
			if (required) throw ApiError::invalid(field, field + " must not be empty");
			return std::nullopt;
		}
		if (result.size() > maxLength)
			throw ApiError::invalid(field, field + " is longer than " + std::to_string(maxLength) + " bytes");
		for (unsigned char c: result)
			if (c < 0x20 || c == 0x7F) throw ApiError::invalid(field, field + " must not contain control characters");
		return result;
	}

	std::optional<std::string> date(const std::string& field, bool required) const
	/// A real calendar date written YYYY-MM-DD.
	{
		std::optional<std::string> value = text(field, required, 10);
		if (value && !isDate(*value)) throw ApiError::invalid(field, field + " must be a date written YYYY-MM-DD");
		return value;
	}

	std::optional<Poco::Int64> integer(const std::string& field, bool required, Poco::Int64 minimum,
									   Poco::Int64 maximum) const
	{
		if (!_object->has(field) || _object->isNull(field))
		{
			if (required) throw ApiError::invalid(field, field + " is required");
			return std::nullopt;
		}
		const Poco::Dynamic::Var value = _object->get(field);
		if (!value.isInteger()) throw ApiError::invalid(field, field + " must be a whole number");
		const Poco::Int64 result = value.convert<Poco::Int64>();
		if (result < minimum || result > maximum)
			throw ApiError::invalid(field, field + " must be from " + std::to_string(minimum) + " to " +
											   std::to_string(maximum));
		return result;
	}

	std::optional<Poco::Int64> id(const std::string& field, bool required) const
	/// A positive integer id.
	{
		if (_object->has(field) && !_object->isNull(field) && !_object->get(field).isInteger())
			throw ApiError::invalid(field, field + " must be an integer id");
		if (_object->has(field) && !_object->isNull(field) && _object->get(field).convert<Poco::Int64>() <= 0)
			throw ApiError::invalid(field, field + " must be a positive id");
		return integer(field, required, 1, std::numeric_limits<Poco::Int64>::max());
	}

	std::optional<bool> boolean(const std::string& field) const
	{
		if (!_object->has(field) || _object->isNull(field)) return std::nullopt;
		const Poco::Dynamic::Var value = _object->get(field);
		if (!value.isBoolean()) throw ApiError::invalid(field, field + " must be true or false");
		return value.extract<bool>();
	}

	const Poco::JSON::Object& object() const
	{
		return *_object;
	}

	Poco::JSON::Object::Ptr pointer() const
	{
		return _object;
	}

	static bool isDate(const std::string& text)
	/// A real calendar date written YYYY-MM-DD, year 1900 or later.
	{
		if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
		for (std::size_t i: {0, 1, 2, 3, 5, 6, 8, 9})
			if (text[i] < '0' || text[i] > '9') return false;
		const int year = std::stoi(text.substr(0, 4));
		return year >= 1900 &&
			   Poco::DateTime::isValid(year, std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2)));
	}

private:
	Poco::JSON::Object::Ptr _object;
};


} // namespace erp


#endif // Erp_JsonBody_INCLUDED
