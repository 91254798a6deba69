//
// MoneyTest.cpp
//


#include "erp/Money.h"
#include <cppunit/extensions/HelperMacros.h>
#include <limits>


class MoneyTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(MoneyTest);
	CPPUNIT_TEST(testParse);
	CPPUNIT_TEST(testIsDecimal);
	CPPUNIT_TEST(testFormat);
	CPPUNIT_TEST(testRoundTrip);
	CPPUNIT_TEST_SUITE_END();

public:
	void testParse()
	{
		const struct
		{
			const char* text;
			const char* currency;
			bool ok;
			Poco::Int64 minor;
		} cases[] = {
			{"1234.56", "EUR", true, 123456},
			{"1234.5", "EUR", true, 123450},
			{"1234", "EUR", true, 123400},
			{"0.01", "EUR", true, 1},
			{"-5.00", "EUR", true, -500},
			{"100", "JPY", true, 100},
			{"100.5", "JPY", false, 0},
			{"1.234", "KWD", true, 1234},
			{"1.2345", "KWD", false, 0},
			{"12.345", "EUR", false, 0},
			{"", "EUR", false, 0},
			{"-", "EUR", false, 0},
			{".5", "EUR", false, 0},
			{"5.", "EUR", false, 0},
			{"1,234.56", "EUR", false, 0},
			{"1e3", "EUR", false, 0},
			{" 12", "EUR", false, 0},
			{"12 ", "EUR", false, 0},
			{"92233720368547758.07", "EUR", true, std::numeric_limits<Poco::Int64>::max()},
			{"92233720368547758.08", "EUR", false, 0},
			{"99999999999999999999", "EUR", false, 0},
		};
		for (const auto& c: cases)
		{
			const std::optional<Poco::Int64> parsed = erp::Money::parse(c.text, c.currency);
			const std::string what = std::string(c.text) + " " + c.currency;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, c.ok, parsed.has_value());
			if (c.ok) CPPUNIT_ASSERT_EQUAL_MESSAGE(what, c.minor, *parsed);
		}
	}

	void testIsDecimal()
	{
		// The form parse() takes, whatever the size: a value too large for 64
		// bits is still a decimal (the API says "too large", not "not a decimal").
		const struct
		{
			const char* text;
			const char* currency;
			bool decimal;
		} cases[] = {
			{"99999999999999999999999.00", "EUR", true},
			{"99999999999999999999999", "EUR", true},
			{"-99999999999999999999999.5", "EUR", true},
			{"1234.56", "EUR", true},
			{"0.01", "EUR", true},
			{"100", "JPY", true},
			{"1.234", "KWD", true},
			{"12.345", "EUR", false},
			{"100.5", "JPY", false},
			{"1.", "EUR", false},
			{".5", "EUR", false},
			{"", "EUR", false},
			{"-", "EUR", false},
			{"1e5", "EUR", false},
			{"1,000.00", "EUR", false},
			{" 1", "EUR", false},
			{"+1", "EUR", false},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(c.text) + " " + c.currency, c.decimal,
										 erp::Money::isDecimal(c.text, c.currency));
	}

	void testFormat()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("1234.56"), erp::Money::format(123456, "EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("0.05"), erp::Money::format(5, "EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("0.00"), erp::Money::format(0, "EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("-0.05"), erp::Money::format(-5, "EUR"));
		CPPUNIT_ASSERT_EQUAL(std::string("500"), erp::Money::format(500, "JPY"));
		CPPUNIT_ASSERT_EQUAL(std::string("1.234"), erp::Money::format(1234, "KWD"));
		CPPUNIT_ASSERT_EQUAL(std::string("-92233720368547758.08"),
							 erp::Money::format(std::numeric_limits<Poco::Int64>::min(), "EUR"));
	}

	void testRoundTrip()
	{
		for (Poco::Int64 minor: {0LL, 1LL, 99LL, 100LL, 123456789LL, -42LL})
			for (const char* currency: {"EUR", "JPY", "BHD", "USD"})
				CPPUNIT_ASSERT_EQUAL(minor, *erp::Money::parse(erp::Money::format(minor, currency), currency));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MoneyTest, "sdk");
