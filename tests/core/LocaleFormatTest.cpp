//
// LocaleFormatTest.cpp
//


#include "plugin/core/LocaleFormat.h"
#include <clocale>
#include <cppunit/extensions/HelperMacros.h>


using reminders::CalendarDate;
using reminders::LocaleFormat;


class LocaleFormatTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LocaleFormatTest);
	CPPUNIT_TEST(testMoney);
	CPPUNIT_TEST(testDates);
	CPPUNIT_TEST(testIndependentOfTheProcessLocale);
	CPPUNIT_TEST_SUITE_END();

public:
	void testMoney()
	{
		const struct
		{
			Poco::Int64 minor;
			const char* currency;
			const char* el;
			const char* en;
		} cases[] = {
			{123456, "EUR", "1.234,56 €", "€1,234.56"},
			{5, "EUR", "0,05 €", "€0.05"},
			{100000000, "EUR", "1.000.000,00 €", "€1,000,000.00"},
			{99999, "GBP", "999,99 £", "£999.99"},
			{-2550, "USD", "-25,50 $", "-$25.50"},
			{700, "JPY", "700 JPY", "JPY 700"},
			{1234567, "CHF", "12.345,67 CHF", "CHF 12,345.67"},
			{1234, "KWD", "1,234 KWD", "KWD 1.234"},
		};
		for (const auto& c: cases)
		{
			CPPUNIT_ASSERT_EQUAL(std::string(c.el), LocaleFormat::money(c.minor, c.currency, "el"));
			CPPUNIT_ASSERT_EQUAL(std::string(c.en), LocaleFormat::money(c.minor, c.currency, "en"));
		}
	}

	void testDates()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("30/11/2026"), LocaleFormat::date(CalendarDate(2026, 11, 30), "el"));
		CPPUNIT_ASSERT_EQUAL(std::string("30 Nov 2026"), LocaleFormat::date(CalendarDate(2026, 11, 30), "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("01/02/2027"), LocaleFormat::date(CalendarDate(2027, 2, 1), "el"));
		CPPUNIT_ASSERT_EQUAL(std::string("1 Feb 2027"), LocaleFormat::date(CalendarDate(2027, 2, 1), "en"));
	}

	void testIndependentOfTheProcessLocale()
	{
		// Whatever locale the process runs in, the output is the same.
		const char* previous = std::setlocale(LC_ALL, nullptr);
		const std::string saved = previous ? previous : "C";
		for (const char* locale: {"C.UTF-8", "C"})
			if (std::setlocale(LC_ALL, locale))
				CPPUNIT_ASSERT_EQUAL(std::string("1.234,56 €"), LocaleFormat::money(123456, "EUR", "el"));
		std::setlocale(LC_ALL, saved.c_str());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LocaleFormatTest, "core");
