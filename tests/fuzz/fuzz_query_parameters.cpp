//
// fuzz_query_parameters.cpp
//
// erp::QueryParameters: the numbers of a request's URL (query parameters
// and path ids).
//
// Input: the parameter's text as the router hands it over.
//
// Properties:
// - decimal() accepts exactly an optional '-' and digits whose value fits
//   in 64 bits, and returns that value (checked against strtoll);
// - pathId() accepts exactly the canonical positive ids (no sign, no
//   leading zero), whose decimal text is the input, and answers 404
//   (ApiError) for anything else;
// - integer() returns the value when it is within the bounds, and answers
//   400 naming the parameter otherwise; a missing parameter is the
//   fallback.
//


#include "FuzzProperty.h"
#include "erp/QueryParameters.h"
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <string>


namespace {

using Int64 = Poco::Int64;

std::optional<Int64> expectedDecimal(const std::string& text)
{
	const std::size_t first = !text.empty() && text[0] == '-' ? 1 : 0;
	if (text.size() == first) return std::nullopt;
	for (std::size_t i = first; i < text.size(); ++i)
		if (text[i] < '0' || text[i] > '9') return std::nullopt;
	errno = 0;
	const long long value = std::strtoll(text.c_str(), nullptr, 10);
	if (errno == ERANGE) return std::nullopt;
	return static_cast<Int64>(value);
}

} // namespace


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
	const std::string text(reinterpret_cast<const char*>(data), size);
	const std::optional<Int64> expected = expectedDecimal(text);
	FuzzProperty::require(erp::QueryParameters::decimal(text) == expected,
						  "decimal() reads exactly the 64-bit decimal integers");

	const std::map<std::string, std::string> params{{"id", text}};
	try
	{
		const Int64 id = erp::QueryParameters::pathId(params, "id", "invoice");
		FuzzProperty::require(id > 0 && std::to_string(id) == text, "pathId() accepts canonical positive ids only");
	}
	catch (erp::ApiError& error)
	{
		FuzzProperty::require(error.status() == 404, "a malformed path id is 404");
		FuzzProperty::require(!expected || *expected <= 0 || std::to_string(*expected) != text,
							  "pathId() accepts every canonical positive id");
	}

	const Int64 bounds[][2] = {{1, 500},
							   {0, 1 << 30},
							   {1, std::numeric_limits<Int64>::max()},
							   {std::numeric_limits<Int64>::min(), std::numeric_limits<Int64>::max()}};
	for (const auto& bound: bounds)
	{
		try
		{
			const Int64 value = erp::QueryParameters::integer(params, "id", 7, bound[0], bound[1]);
			FuzzProperty::require(expected && value == *expected && value >= bound[0] && value <= bound[1],
								  "integer() returns the value, within its bounds");
		}
		catch (erp::ApiError& error)
		{
			FuzzProperty::require(error.status() == 400 && error.field() == "id",
								  "integer() answers 400 naming the parameter");
			FuzzProperty::require(!expected || *expected < bound[0] || *expected > bound[1],
								  "integer() refuses only what is malformed or out of bounds");
		}
		FuzzProperty::require(erp::QueryParameters::integer({}, "id", 7, bound[0], bound[1]) == 7,
							  "a missing parameter is the fallback");
	}
	return 0;
}
