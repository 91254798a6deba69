//
// JsonBody.h
//
// Reading a request's JSON object field by field.
//


#ifndef Erp_JsonBody_INCLUDED
#define Erp_JsonBody_INCLUDED


#include "erp/ApiError.h"
#include "erp/Utf8.h"
#include <Poco/DateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>


namespace erp {


class JsonBody
/// A request body that must be one JSON object. Every problem is an
/// ApiError 400 naming the field, so that handlers validate everything
/// before they change anything. Header-only; not thread-safe (one per
/// request).
///
/// Numbers are read exactly: an integer field takes a JSON integer from
/// -2^53 to 2^63 - 1 in the field's range, never a boolean, a string or a
/// number written with a fraction or an exponent. (Poco's parser would
/// wrap 2^64 + 2 around to 2, and reads a negative integer through a
/// double, so that -9007199254740993 became -9007199254740992; parse()
/// keeps such literals from becoming integers at all.) Text is valid UTF-8
/// and limited in characters.
{
public:
	explicit JsonBody(const std::string& body):
		_object(parse(body))
	{}

	explicit JsonBody(Poco::JSON::Object::Ptr object):
		_object(std::move(object))
	{}

	static Poco::JSON::Object::Ptr parse(const std::string& body)
	/// Throws 400 invalid_json unless the body is one JSON object of valid
	/// UTF-8 in which no object names a key twice (Poco would keep the last
	/// one, while a proxy or log in front may read the first). An integer
	/// literal that Poco would not read exactly (above 2^63 - 1 or below
	/// -2^53) is read as a number with a fraction, which no integer field
	/// accepts.
	{
		if (!Utf8::isValid(body)) throw ApiError(400, "invalid_json", "the body is not valid UTF-8");
		Poco::Dynamic::Var value;
		try
		{
			Poco::JSON::Parser parser(new UniqueKeys);
			value = parser.parse(wideIntegersAsFractions(body));
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
	/// A string, trimmed; empty or null counts as missing. At most maxLength
	/// characters (code points, not bytes) of valid UTF-8, without control
	/// characters (C0, DEL, C1).
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
		const std::optional<std::size_t> length = Utf8::length(result);
		if (!length) throw ApiError::invalid(field, field + " must be valid UTF-8 text");
		if (*length > maxLength)
			throw ApiError::invalid(field, field + " is longer than " + std::to_string(maxLength) + " characters");
		for (std::size_t pos = 0; pos < result.size();)
		{
			const char32_t c = *Utf8::decode(result, pos);
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
				throw ApiError::invalid(field, field + " must not contain control characters");
		}
		return result;
	}

	std::optional<std::string> date(const std::string& field, bool required) const
	/// A real calendar date written YYYY-MM-DD, year 1900 or later.
	{
		std::optional<std::string> value = text(field, required, 10);
		if (value && !isDate(*value)) throw ApiError::invalid(field, field + " must be a date written YYYY-MM-DD");
		return value;
	}

	std::optional<std::string> date(const std::string& field, bool required, const std::string& earliest,
									const std::string& latest) const
	/// As date(), and from `earliest` to `latest` (both YYYY-MM-DD, included).
	{
		std::optional<std::string> value = date(field, required);
		if (value && (*value < earliest || *value > latest))
			throw ApiError::invalid(field, field + " must be from " + earliest + " to " + latest);
		return value;
	}

	std::optional<Poco::Int64> integer(const std::string& field, bool required, Poco::Int64 minimum,
									   Poco::Int64 maximum) const
	/// A JSON integer from minimum to maximum (see the class comment).
	{
		if (!_object->has(field) || _object->isNull(field))
		{
			if (required) throw ApiError::invalid(field, field + " is required");
			return std::nullopt;
		}
		const std::optional<Poco::Int64> result = exactInteger(_object->get(field));
		if (!result || *result < minimum || *result > maximum)
			throw ApiError::invalid(field, field + " must be a whole number from " + std::to_string(minimum) + " to " +
											   std::to_string(maximum));
		return result;
	}

	std::optional<Poco::Int64> id(const std::string& field, bool required) const
	/// A positive integer id (1 to 2^63 - 1).
	{
		if (_object->has(field) && !_object->isNull(field))
		{
			const std::optional<Poco::Int64> value = exactInteger(_object->get(field));
			if (!value) throw ApiError::invalid(field, field + " must be an integer id");
			if (*value <= 0) throw ApiError::invalid(field, field + " must be a positive id");
		}
		return integer(field, required, 1, std::numeric_limits<Poco::Int64>::max());
	}

	std::vector<Poco::Int64> ids(const std::string& field, std::size_t maxCount) const
	/// A required, non-empty array of at most maxCount positive integer ids.
	{
		Poco::JSON::Array::Ptr array = _object->has(field) ? _object->getArray(field) : Poco::JSON::Array::Ptr();
		if (!array || array->size() == 0) throw ApiError::invalid(field, field + " must be a non-empty array of ids");
		if (array->size() > maxCount)
			throw ApiError::invalid(field, "at most " + std::to_string(maxCount) + " " + field + " at a time");
		std::vector<Poco::Int64> result;
		result.reserve(array->size());
		for (unsigned i = 0; i < array->size(); ++i)
		{
			const std::optional<Poco::Int64> value = exactInteger(array->get(i));
			if (!value || *value <= 0)
				throw ApiError::invalid(field, field + " must hold positive integer ids; item " + std::to_string(i) +
												   " does not");
			result.push_back(*value);
		}
		return result;
	}

	static std::optional<Poco::Int64> exactInteger(const Poco::Dynamic::Var& value)
	/// The value when it is a JSON integer that fits in 64 bits, else nullopt
	/// (booleans, strings, fractions and wrapped-around literals included).
	{
		if (value.isEmpty() || value.isBoolean() || !value.isInteger()) return std::nullopt;
		if (value.isSigned()) return value.convert<Poco::Int64>();
		const Poco::UInt64 unsignedValue = value.convert<Poco::UInt64>();
		if (unsignedValue > static_cast<Poco::UInt64>(std::numeric_limits<Poco::Int64>::max())) return std::nullopt;
		return static_cast<Poco::Int64>(unsignedValue);
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

	static std::string addDays(const std::string& date, int days)
	/// A YYYY-MM-DD date moved by whole days.
	{
		Poco::DateTime day(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)));
		day += Poco::Timespan(days, 0, 0, 0, 0);
		return format(day.year(), day.month(), day.day());
	}

	static std::string addYears(const std::string& date, int years)
	/// A YYYY-MM-DD date moved by whole years (29 February to the 28th).
	{
		const int year = std::stoi(date.substr(0, 4)) + years;
		const int month = std::stoi(date.substr(5, 2));
		int day = std::stoi(date.substr(8, 2));
		if (!Poco::DateTime::isValid(year, month, day)) day = 28;
		return format(year, month, day);
	}

private:
	class UniqueKeys: public Poco::JSON::ParseHandler
	/// Poco's handler, refusing a key an object already has.
	{
	public:
		void reset() override
		{
			ParseHandler::reset();
			_keys.clear();
		}

		void startObject() override
		{
			ParseHandler::startObject();
			_keys.emplace_back();
		}

		void endObject() override
		{
			ParseHandler::endObject();
			if (!_keys.empty()) _keys.pop_back();
		}

		void key(const std::string& k) override
		{
			if (!_keys.empty() && !_keys.back().insert(k).second)
				throw Poco::JSON::JSONException("the key \"" + k + "\" appears twice in one object");
			ParseHandler::key(k);
		}

	private:
		std::vector<std::set<std::string>> _keys; /// the keys of each open object
	};

	static std::string format(int year, int month, int day)
	{
		std::string text = std::to_string(year);
		text.insert(0, text.size() < 4 ? 4 - text.size() : 0, '0');
		text += month < 10 ? "-0" : "-";
		text += std::to_string(month);
		text += day < 10 ? "-0" : "-";
		text += std::to_string(day);
		return text;
	}

	static std::string wideIntegersAsFractions(const std::string& body)
	/// The body with ".0" after each integer literal that Poco's parser
	/// would not read exactly (readExactly), outside strings.
	{
		std::string result;
		result.reserve(body.size());
		for (std::size_t pos = 0; pos < body.size();)
		{
			const char c = body[pos];
			if (c == '"')
			{
				std::size_t end = pos + 1;
				while (end < body.size() && body[end] != '"')
					end += body[end] == '\\' ? 2 : 1;
				end = std::min(end + 1, body.size());
				result.append(body, pos, end - pos);
				pos = end;
			}
			else if (c == '-' || (c >= '0' && c <= '9'))
			{
				std::size_t end = pos + 1;
				bool integral = true;
				while (end < body.size() && std::strchr("0123456789.eE+-", body[end]) != nullptr && body[end] != '\0')
				{
					integral = integral && body[end] >= '0' && body[end] <= '9';
					++end;
				}
				const std::string literal = body.substr(pos, end - pos);
				result += literal;
				if (integral && !readExactly(literal)) result += ".0";
				pos = end;
			}
			else
			{
				result += c;
				++pos;
			}
		}
		return result;
	}

	static bool readExactly(const std::string& literal)
	/// Whether -?[0-9]+ lies in [-2^53, 2^63 - 1]. Poco's parser wraps a
	/// literal above 2^63 - 1 around, and Poco 1.11 reads a negative one
	/// through a double, exact down to -2^53 only.
	{
		const bool negative = !literal.empty() && literal[0] == '-';
		std::string digits = literal.substr(negative ? 1 : 0);
		while (digits.size() > 1 && digits[0] == '0')
			digits.erase(0, 1);
		const std::string limit = negative ? "9007199254740992" : "9223372036854775807";
		return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
	}

	Poco::JSON::Object::Ptr _object;
};


} // namespace erp


#endif // Erp_JsonBody_INCLUDED
