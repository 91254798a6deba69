//
// StrictInputHelpersTest.cpp
//
// The SDK's request readers: exact integers, plain digits, ISO 4217,
// characters not bytes, UTF-8, checked sums.
//


#include "erp/Currency.h"
#include "erp/Http.h"
#include "erp/JsonBody.h"
#include "erp/Money.h"
#include "erp/QueryParameters.h"
#include "erp/Utf8.h"
#include <cppunit/extensions/HelperMacros.h>
#include <limits>


class StrictInputHelpersTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(StrictInputHelpersTest);
	CPPUNIT_TEST(testIntegersAreExact);
	CPPUNIT_TEST(testIdLists);
	CPPUNIT_TEST(testDecimalDigits);
	CPPUNIT_TEST(testPathIds);
	CPPUNIT_TEST(testCurrencies);
	CPPUNIT_TEST(testMoneyBoundAndSums);
	CPPUNIT_TEST(testTextCountsCharacters);
	CPPUNIT_TEST(testUtf8);
	CPPUNIT_TEST(testDates);
	CPPUNIT_TEST(testDuplicateKeys);
	CPPUNIT_TEST_SUITE_END();

public:
	void testIntegersAreExact()
	{
		const Poco::Int64 max = std::numeric_limits<Poco::Int64>::max();
		const Poco::Int64 min = std::numeric_limits<Poco::Int64>::min();
		const struct
		{
			const char* value;
			bool ok;
			Poco::Int64 expected;
		} cases[] = {
			{"0", true, 0},
			{"42", true, 42},
			{"-7", true, -7},
			{"9223372036854775807", true, max},
			{"9223372036854775808", false, 0},
			// Poco 1.11 reads a negative integer through a double: below
			// -2^53 it would round (-999999999999999999 became -10^18), so
			// such a literal is refused rather than read wrong (found by
			// tests/fuzz/fuzz_json_body).
			{"-9007199254740992", true, -9007199254740992LL},
			{"-9007199254740993", false, 0},
			{"-999999999999999999", false, 0},
			{"-9223327603854775808", false, 0},
			{"-9223372036854775808", false, 0},
			{"-9223372036854775809", false, 0},
			{"18446744073709551615", false, 0},
			{"18446744073709551618", false, 0},
			{"100000000000000000000000000000", false, 0},
			{"true", false, 0},
			{"false", false, 0},
			{"1.5", false, 0},
			{"2.0", false, 0},
			{"1e3", false, 0},
			{"\"3\"", false, 0},
			{"[3]", false, 0},
		};
		for (const auto& c: cases)
		{
			const erp::JsonBody body(std::string("{\"n\": ") + c.value + ", \"s\": \"18446744073709551618\"}");
			try
			{
				const std::optional<Poco::Int64> n = body.integer("n", true, min, max);
				CPPUNIT_ASSERT_MESSAGE(c.value, c.ok);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(c.value, c.expected, *n);
			}
			catch (const erp::ApiError& error)
			{
				CPPUNIT_ASSERT_MESSAGE(c.value, !c.ok);
				CPPUNIT_ASSERT_EQUAL(std::string("n"), error.field());
				CPPUNIT_ASSERT_EQUAL(400, error.status());
			}
			// Strings keep their digits as written.
			CPPUNIT_ASSERT_EQUAL(std::string("18446744073709551618"), *body.text("s", true, 40));
		}
		// Per-field range, named.
		const erp::JsonBody days(R"({"days_after_due": 366})");
		CPPUNIT_ASSERT_THROW(days.integer("days_after_due", true, 0, 365), erp::ApiError);
		const erp::JsonBody id(R"({"customer_id": true})");
		CPPUNIT_ASSERT_THROW(id.id("customer_id", true), erp::ApiError);
		// Numbers inside strings and keys are left alone.
		const erp::JsonBody nested(R"({"a\"1": {"b": [99999999999999999999, "x\\"]}})");
		CPPUNIT_ASSERT(nested.object().getObject("a\"1")->getArray("b")->get(0).isNumeric());
		CPPUNIT_ASSERT(!nested.object().getObject("a\"1")->getArray("b")->get(0).isInteger());
	}

	void testIdLists()
	{
		CPPUNIT_ASSERT(std::vector<Poco::Int64>({3, 1}) == erp::JsonBody(R"({"ids": [3, 1]})").ids("ids", 10));
		for (const char* body:
			 {R"({"ids": []})", R"({"ids": [1, true]})", R"({"ids": [18446744073709551617]})", R"({"ids": [0]})",
			  R"({"ids": [1.0]})", R"({"ids": "1"})", R"({})", R"({"ids": [1, 2, 3]})"})
		{
			try
			{
				erp::JsonBody(body).ids("ids", 2);
				CPPUNIT_FAIL(std::string("accepted ") + body);
			}
			catch (const erp::ApiError& error)
			{
				CPPUNIT_ASSERT_EQUAL(std::string("ids"), error.field());
			}
		}
	}

	void testDecimalDigits()
	{
		using erp::QueryParameters;
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(12), *QueryParameters::decimal("12"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(-12), *QueryParameters::decimal("-12"));
		CPPUNIT_ASSERT_EQUAL(std::numeric_limits<Poco::Int64>::max(), *QueryParameters::decimal("9223372036854775807"));
		CPPUNIT_ASSERT_EQUAL(std::numeric_limits<Poco::Int64>::min(),
							 *QueryParameters::decimal("-9223372036854775808"));
		for (const char* text: {"", "-", "+1", " 1", "1 ", "1,000", "0x10", "1.0", "1e3", "9223372036854775808",
								"-9223372036854775809", "18446744073709551617", "true"})
			CPPUNIT_ASSERT_MESSAGE(text, !QueryParameters::decimal(text));
		const std::map<std::string, std::string> query = {{"limit", "+5"}};
		try
		{
			QueryParameters::integer(query, "limit", 100, 1, 500);
			CPPUNIT_FAIL("+5 accepted");
		}
		catch (const erp::ApiError& error)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("limit"), error.field());
		}
	}

	void testPathIds()
	{
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(17), erp::QueryParameters::pathId({{"id", "17"}}, "id", "customer"));
		for (const char* id: {"+1", " 1", "1 ", "/1", "01", "0", "-1", "1.0", "9223372036854775808", "", "1/"})
		{
			try
			{
				erp::QueryParameters::pathId({{"id", id}}, "id", "customer");
				CPPUNIT_FAIL(std::string("accepted ") + id);
			}
			catch (const erp::ApiError& error)
			{
				CPPUNIT_ASSERT_EQUAL(404, error.status());
			}
		}
	}

	void testCurrencies()
	{
		CPPUNIT_ASSERT_EQUAL(2, *erp::Currency::exponent("EUR"));
		CPPUNIT_ASSERT_EQUAL(0, *erp::Currency::exponent("JPY"));
		CPPUNIT_ASSERT_EQUAL(3, *erp::Currency::exponent("KWD"));
		CPPUNIT_ASSERT_EQUAL(4, *erp::Currency::exponent("CLF"));
		for (const char* code: {"ZZZ", "ABC", "XXX", "XTS", "XAU", "XDR", "eur", "EU", "EURO", ""})
		{
			CPPUNIT_ASSERT_MESSAGE(code, !erp::Currency::isKnown(code));
			CPPUNIT_ASSERT_MESSAGE(code, !erp::Money::isCurrencyCode(code));
		}
		CPPUNIT_ASSERT(erp::Money::isCurrencyCode("GBP"));
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(12345), *erp::Money::parse("1.2345", "CLF"));
	}

	void testMoneyBoundAndSums()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("100000000000.00"), erp::Money::format(erp::Money::MAX_AMOUNT, "EUR"));
		// The bound leaves room for 922,337 of the largest amounts in one sum.
		CPPUNIT_ASSERT(std::numeric_limits<Poco::Int64>::max() / erp::Money::MAX_AMOUNT >= 922337);
		CPPUNIT_ASSERT_EQUAL(Poco::Int64(2 * erp::Money::MAX_AMOUNT),
							 erp::Money::add(erp::Money::MAX_AMOUNT, erp::Money::MAX_AMOUNT));
		CPPUNIT_ASSERT_THROW(erp::Money::add(std::numeric_limits<Poco::Int64>::max(), 1), std::overflow_error);
		CPPUNIT_ASSERT_THROW(erp::Money::add(std::numeric_limits<Poco::Int64>::min(), -1), std::overflow_error);
	}

	void testTextCountsCharacters()
	{
		std::string greek;
		for (int i = 0; i < 200; ++i)
			greek += "ω";
		const erp::JsonBody fits("{\"name\": \"" + greek + "\"}");
		CPPUNIT_ASSERT_EQUAL(greek, *fits.text("name", true, 200));
		const erp::JsonBody tooLong("{\"name\": \"" + greek + "x\"}");
		CPPUNIT_ASSERT_THROW(tooLong.text("name", true, 200), erp::ApiError);
		for (const char* body: {R"({"name": "a\u0007"})", R"({"name": "a\u009b"})", R"({"name": "a\u007f"})"})
			CPPUNIT_ASSERT_THROW_MESSAGE(body, erp::JsonBody(body).text("name", true, 200), erp::ApiError);
		// A body that is not UTF-8 is not JSON.
		try
		{
			erp::JsonBody("{\"name\": \"\xC0\xAF\"}");
			CPPUNIT_FAIL("overlong accepted");
		}
		catch (const erp::ApiError& error)
		{
			CPPUNIT_ASSERT_EQUAL(std::string("invalid_json"), error.code());
		}
	}

	void testUtf8()
	{
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), *erp::Utf8::length("αβγ"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), *erp::Utf8::length("\xF0\x9F\x98\x80"));
		for (const char* bad: {"\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "a\x80"})
			CPPUNIT_ASSERT(!erp::Utf8::isValid(bad));
		CPPUNIT_ASSERT_EQUAL(std::string("/\\xFF\\xFEα"), erp::Utf8::escapeInvalid("/\xFF\xFEα"));
		const erp::HttpResponse error =
			erp::HttpResponse::error(404, "not_found", "no such resource: /\xFF\xFE", "\xC3");
		CPPUNIT_ASSERT(erp::Utf8::isValid(error.body));
		CPPUNIT_ASSERT(error.body.find("\\\\xFF\\\\xFE") != std::string::npos);
	}

	void testDuplicateKeys()
	{
		// Poco keeps the last of two equal keys; a proxy or a log may read
		// the first. The hostile-request suite found bodies such as
		// {"enabled": false, "enabled": true} accepted on every route.
		for (const char* body: {R"({"a": 1, "a": 2})", R"({"a": 1, "b": 2, "a": 1})", R"({"x": {"b": 1, "b": 2}})",
								R"({"x": [{"b": 1, "b": 1}]})", R"({"\u0061": 1, "a": 2})"})
		{
			try
			{
				erp::JsonBody::parse(body);
				CPPUNIT_FAIL(std::string("accepted ") + body);
			}
			catch (const erp::ApiError& error)
			{
				CPPUNIT_ASSERT_EQUAL_MESSAGE(body, 400, error.status());
				CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("invalid_json"), error.code());
			}
		}
		// The same key in different objects is no duplicate.
		for (const char* body: {R"({"a": {"a": 1}})", R"({"x": [{"b": 1}, {"b": 2}], "b": 3})", R"({})"})
			CPPUNIT_ASSERT_NO_THROW_MESSAGE(body, erp::JsonBody::parse(body));
		CPPUNIT_ASSERT_EQUAL(2, erp::JsonBody(R"({"x": [{"b": 1}, {"b": 2}], "b": 2})").object().getValue<int>("b"));
	}

	void testDates()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("2027-02-28"), erp::JsonBody::addYears("2026-02-28", 1));
		CPPUNIT_ASSERT_EQUAL(std::string("2029-02-28"), erp::JsonBody::addYears("2028-02-29", 1));
		CPPUNIT_ASSERT_EQUAL(std::string("2027-01-01"), erp::JsonBody::addDays("2026-12-31", 1));
		const erp::JsonBody body(R"({"d": "2026-10-01"})");
		CPPUNIT_ASSERT_EQUAL(std::string("2026-10-01"), *body.date("d", true, "2026-10-01", "2026-10-01"));
		CPPUNIT_ASSERT_THROW(body.date("d", true, "2026-10-02", "2027-01-01"), erp::ApiError);
		CPPUNIT_ASSERT_THROW(body.date("d", true, "1900-01-01", "2026-09-30"), erp::ApiError);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StrictInputHelpersTest, "sdk");
