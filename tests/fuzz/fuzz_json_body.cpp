//
// fuzz_json_body.cpp
//
// erp::JsonBody, the reader of every JSON request body of the host and the
// plugin (host::JsonInput adds only its list of allowed fields).
//
// Input: a request body.
//
// Properties:
// - parse() returns a JSON object, or answers 400 invalid_json (ApiError);
//   it never lets another exception out and refuses invalid UTF-8;
// - every field reader (text, date, integer, id, ids, boolean, allowOnly)
//   returns a value that meets its contract (text: trimmed, valid UTF-8,
//   no control characters, at most the limit in characters; date: a real
//   date; integer: within its bounds) or answers 400 naming the field;
// - an integer literal is read exactly: {"n": <digits>} gives the value
//   the digits spell (as erp::QueryParameters::decimal reads them) when it
//   lies from -2^53 to 2^63 - 1, and is refused otherwise, never wrapped
//   around or rounded;
// - what a field reader accepted reads the same after the object is
//   written out with Poco's Stringifier and parsed again (a fraction
//   such as 1.0 may then read as an integer: Poco writes it "1").
//


#include "FuzzProperty.h"
#include "erp/JsonBody.h"
#include "erp/QueryParameters.h"
#include "erp/Utf8.h"
#include "plugin/core/CalendarDate.h"
#include <Poco/JSON/Stringifier.h>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>


namespace {

using Int64 = Poco::Int64;

// One field's values as the readers see them (nullopt: refused or absent).
struct Reading
{
	std::optional<std::string> text;
	std::optional<Int64> integer;
	std::optional<bool> boolean;
	std::vector<Int64> ids;
};

void requireFieldError(const erp::ApiError& error, const std::string& field)
{
	FuzzProperty::require(error.status() == 400 && error.code() == "invalid_field" && error.field() == field,
						  "a refused field is 400 invalid_field naming the field");
}

bool isTrimmedText(const std::string& text, std::size_t maxLength)
{
	const std::optional<std::size_t> length = erp::Utf8::length(text);
	if (!length || *length == 0 || *length > maxLength) return false;
	if (text.front() == ' ' || text.back() == ' ') return false;
	for (std::size_t pos = 0; pos < text.size();)
	{
		const char32_t c = *erp::Utf8::decode(text, pos);
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
	}
	return true;
}

Reading read(const erp::JsonBody& body, const std::string& field)
{
	Reading reading;
	try
	{
		reading.text = body.text(field, false, 200);
		if (reading.text)
			FuzzProperty::require(isTrimmedText(*reading.text, 200),
								  "text() is trimmed valid UTF-8 without control characters, within its limit");
		else
			FuzzProperty::require(!body.has(field) || body.isNull(field) || body.object().get(field).isString(),
								  "text() is missing only for an absent, null or blank string");
	}
	catch (erp::ApiError& error)
	{
		requireFieldError(error, field);
	}
	try
	{
		const std::optional<std::string> day = body.date(field, true, "1900-01-01", "2100-12-31");
		FuzzProperty::require(day && reminders::CalendarDate::parse(*day).has_value() && *day <= "2100-12-31",
							  "date() is a real date within its range");
	}
	catch (erp::ApiError& error)
	{
		requireFieldError(error, field);
	}
	try
	{
		reading.integer = body.integer(field, false, -1000000, std::numeric_limits<Int64>::max());
		FuzzProperty::require(!reading.integer || *reading.integer >= -1000000, "integer() is within its bounds");
	}
	catch (erp::ApiError& error)
	{
		requireFieldError(error, field);
	}
	try
	{
		const std::optional<Int64> id = body.id(field, false);
		FuzzProperty::require(!id || *id > 0, "id() is positive");
		FuzzProperty::require(!id || id == reading.integer, "id() and integer() read the same number");
	}
	catch (erp::ApiError& error)
	{
		requireFieldError(error, field);
	}
	try
	{
		reading.ids = body.ids(field, 100);
		FuzzProperty::require(!reading.ids.empty() && reading.ids.size() <= 100, "ids() holds 1 to 100 ids");
		for (const Int64 id: reading.ids)
			FuzzProperty::require(id > 0, "ids() are positive");
	}
	catch (erp::ApiError& error)
	{
		requireFieldError(error, field);
	}
	try
	{
		reading.boolean = body.boolean(field);
	}
	catch (erp::ApiError& error)
	{
		requireFieldError(error, field);
	}
	return reading;
}

// What `first` accepted, `again` reads the same. (Not the other way round:
// Poco writes the fraction 1.0 as 1, which an integer field accepts.)
bool readsTheSame(const Reading& first, const Reading& again)
{
	return first.text == again.text && first.boolean == again.boolean &&
		   (!first.integer || first.integer == again.integer) && (first.ids.empty() || first.ids == again.ids);
}

// The body {"n":<literal>} with a literal of '-' and digits: its literal.
std::optional<std::string> soleIntegerLiteral(const std::string& body)
{
	const std::string prefix = "{\"n\":";
	if (body.size() <= prefix.size() + 1 || body.compare(0, prefix.size(), prefix) != 0 || body.back() != '}')
		return std::nullopt;
	const std::string literal = body.substr(prefix.size(), body.size() - prefix.size() - 1);
	for (std::size_t i = 0; i < literal.size(); ++i)
		if (!(literal[i] >= '0' && literal[i] <= '9') && !(i == 0 && literal[i] == '-')) return std::nullopt;
	return literal;
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string body(reinterpret_cast<const char*>(data), size);
	Poco::JSON::Object::Ptr object;
	try
	{
		object = erp::JsonBody::parse(body);
	}
	catch (erp::ApiError& error)
	{
		FuzzProperty::require(error.status() == 400 && error.code() == "invalid_json",
							  "a body that is not a JSON object is 400 invalid_json");
		return 0;
	}
	FuzzProperty::require(!object.isNull(), "parse() returns an object");
	FuzzProperty::require(erp::Utf8::isValid(body), "parse() refuses invalid UTF-8");

	if (const std::optional<std::string> literal = soleIntegerLiteral(body))
	{
		const erp::JsonBody input(object);
		const std::optional<Int64> exact = erp::QueryParameters::decimal(*literal);
		// JSON writes no leading zero ("-0" and "0" are canonical, "01" is not).
		const std::string digits = literal->substr((*literal)[0] == '-' ? 1 : 0);
		const bool canonical = !digits.empty() && (digits[0] != '0' || digits.size() == 1);
		try
		{
			const std::optional<Int64> value =
				input.integer("n", true, std::numeric_limits<Int64>::min(), std::numeric_limits<Int64>::max());
			FuzzProperty::require(value == exact, "an integer literal is read as the value its digits spell");
		}
		catch (erp::ApiError& error)
		{
			requireFieldError(error, "n");
			FuzzProperty::require(!exact || !canonical || *exact < -(Int64(1) << 53),
								  "every integer literal from -2^53 to 2^63 - 1 is read");
		}
	}

	const erp::JsonBody input(object);
	const std::vector<std::string> allowed{"number", "customer_id", "issue_date", "currency", "total"};
	try
	{
		input.allowOnly(
			[&](const std::string& name) { return std::find(allowed.begin(), allowed.end(), name) != allowed.end(); });
		for (const auto& entry: input.object())
			FuzzProperty::require(std::find(allowed.begin(), allowed.end(), entry.first) != allowed.end(),
								  "allowOnly() lets only the allowed fields through");
	}
	catch (erp::ApiError& error)
	{
		FuzzProperty::require(error.status() == 400 &&
								  std::find(allowed.begin(), allowed.end(), error.field()) == allowed.end() &&
								  input.has(error.field()),
							  "allowOnly() names a field of the body that is not allowed");
	}

	std::vector<std::string> fields;
	for (const auto& entry: input.object())
		if (fields.size() < 16) fields.push_back(entry.first);
	fields.push_back("absent");
	std::vector<Reading> readings;
	for (const std::string& field: fields)
		readings.push_back(read(input, field));

	std::ostringstream written;
	Poco::JSON::Stringifier::stringify(object, written);
	Poco::JSON::Object::Ptr again;
	try
	{
		again = erp::JsonBody::parse(written.str());
	}
	catch (erp::ApiError&)
	{
		FuzzProperty::require(false, "an object Poco wrote out parses again");
	}
	const erp::JsonBody reread(again);
	for (std::size_t i = 0; i < fields.size(); ++i)
		FuzzProperty::require(readsTheSame(readings[i], read(reread, fields[i])),
							  "what the fields accepted reads the same once written and reread");
	return 0;
}
