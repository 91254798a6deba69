//
// DisplayFormatTest.cpp
//


#include "web/DisplayFormat.h"
#include <cppunit/extensions/HelperMacros.h>


using host::DisplayFormat;


class DisplayFormatTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(DisplayFormatTest);
	CPPUNIT_TEST(testMoney);
	CPPUNIT_TEST(testDate);
	CPPUNIT_TEST(testInstant);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMoney()
	{
		struct Case
		{
			const char* decimal;
			const char* currency;
			const char* el;
			const char* en;
		};
		for (const Case& c: std::initializer_list<Case>{
				 {"1234.50", "EUR", "1.234,50 €", "€1,234.50"},
				 {"0.00", "EUR", "0,00 €", "€0.00"},
				 {"999.99", "EUR", "999,99 €", "€999.99"},
				 {"1234567.89", "USD", "1.234.567,89 $", "$1,234,567.89"},
				 {"-1234.50", "EUR", "-1.234,50 €", "-€1,234.50"},
				 {"5000", "JPY", "5.000 JPY", "JPY 5,000"},
				 {"1234.50", "CHF", "1.234,50 CHF", "CHF 1,234.50"},
				 {"12.345", "KWD", "12,345 KWD", "KWD 12.345"},
				 {"not a number", "EUR", "not a number", "not a number"},
				 {"", "EUR", "", ""},
			 })
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.decimal, std::string(c.el),
										 DisplayFormat::money(c.decimal, c.currency, "el"));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.decimal, std::string(c.en),
										 DisplayFormat::money(c.decimal, c.currency, "en"));
		}
	}

	void testDate()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("30/11/2026"), DisplayFormat::date("2026-11-30", "el"));
		CPPUNIT_ASSERT_EQUAL(std::string("30 Nov 2026"), DisplayFormat::date("2026-11-30", "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("1 Jan 2027"), DisplayFormat::date("2027-01-01", "en"));
		CPPUNIT_ASSERT_EQUAL(std::string(""), DisplayFormat::date("", "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-13-01"), DisplayFormat::date("2026-13-01", "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("yesterday"), DisplayFormat::date("yesterday", "el"));
	}

	void testInstant()
	{
		// Winter and summer time in Athens; UTC marked when the zone is unknown.
		CPPUNIT_ASSERT_EQUAL(std::string("06/12/2026 05:33:48 EET"),
							 DisplayFormat::instant("2026-12-06T03:33:48.123Z", "Europe/Athens", "el"));
		CPPUNIT_ASSERT_EQUAL(std::string("1 Jul 2026 12:30:15 EEST"),
							 DisplayFormat::instant("2026-07-01T09:30:15.000Z", "Europe/Athens", "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("1 Jul 2026 09:30:15 UTC"),
							 DisplayFormat::instant("2026-07-01T09:30:15.000Z", "Nowhere/City", "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("garbage"), DisplayFormat::instant("garbage", "Europe/Athens", "en"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(DisplayFormatTest, "web");
