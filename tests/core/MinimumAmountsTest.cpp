//
// MinimumAmountsTest.cpp
//


#include "plugin/core/MinimumAmounts.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>


using namespace reminders;


class MinimumAmountsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(MinimumAmountsTest);
	CPPUNIT_TEST(testText);
	CPPUNIT_TEST(testRefusedText);
	CPPUNIT_TEST(testPairs);
	CPPUNIT_TEST(testStoredForm);
	CPPUNIT_TEST_SUITE_END();

public:
	void testText()
	{
		struct Row
		{
			const char* text;
			MinimumAmounts::Map expected;
			const char* canonical;
		};
		const Row rows[] = {
			{"", {}, ""},
			{"  ", {}, ""},
			{"EUR 50.00", {{"EUR", 5000}}, "EUR 50.00"},
			{"EUR 50", {{"EUR", 5000}}, "EUR 50.00"},
			{"EUR 0.01", {{"EUR", 1}}, "EUR 0.01"},
			{"USD 20; EUR 50.5", {{"EUR", 5050}, {"USD", 2000}}, "EUR 50.50, USD 20.00"},
			{" JPY 1000 , KWD 1.250 ,", {{"JPY", 1000}, {"KWD", 1250}}, "JPY 1000, KWD 1.250"},
		};
		for (const Row& row: rows)
		{
			const MinimumAmounts::Map parsed = MinimumAmounts::parseText(row.text);
			CPPUNIT_ASSERT_MESSAGE(row.text, parsed == row.expected);
			CPPUNIT_ASSERT_EQUAL(std::string(row.canonical), MinimumAmounts::toText(parsed));
			CPPUNIT_ASSERT(MinimumAmounts::parseText(MinimumAmounts::toText(parsed)) == parsed);
		}
	}

	void testRefusedText()
	{
		for (const char* text: {"EUR", "50 EUR", "eur 50", "ZZZ 5", "XXX 5", "EUR 50.001", "JPY 10.5", "EUR 0",
								"EUR -5", "EUR 5e2", "EUR 1,000.00", "EUR 5, EUR 6", "EUR 100000000000.01", "EUR 5 6"})
		{
			try
			{
				MinimumAmounts::parseText(text);
				CPPUNIT_FAIL(std::string("accepted: ") + text);
			}
			catch (Poco::SyntaxException& exc)
			{
				CPPUNIT_ASSERT_MESSAGE(text, !exc.message().empty());
			}
		}
		// A decimal comma splits the entry: refused, not read as 5 and something else.
		CPPUNIT_ASSERT_THROW(MinimumAmounts::parseText("EUR 5,5"), Poco::SyntaxException);
	}

	void testPairs()
	{
		CPPUNIT_ASSERT((MinimumAmounts::parsePairs({{"EUR", "50.00"}, {"GBP", " 7 "}}) ==
						MinimumAmounts::Map{{"EUR", 5000}, {"GBP", 700}}));
		CPPUNIT_ASSERT_THROW(MinimumAmounts::parsePairs({{"EURO", "5"}}), Poco::SyntaxException);
		CPPUNIT_ASSERT_THROW(MinimumAmounts::parsePairs({{"EUR", "five"}}), Poco::SyntaxException);
		CPPUNIT_ASSERT(MinimumAmounts::parsePairs({}).empty());
	}

	void testStoredForm()
	{
		const MinimumAmounts::Map minimums = {{"EUR", 5000}, {"JPY", 1000}};
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"EUR":5000,"JPY":1000})"), MinimumAmounts::toJson(minimums));
		CPPUNIT_ASSERT(MinimumAmounts::fromJson(MinimumAmounts::toJson(minimums)) == minimums);
		CPPUNIT_ASSERT_EQUAL(std::string(), MinimumAmounts::toJson({}));
		CPPUNIT_ASSERT(MinimumAmounts::fromJson("").empty());
		CPPUNIT_ASSERT_THROW(MinimumAmounts::fromJson("EUR 5"), Poco::SyntaxException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MinimumAmountsTest, "core");
