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
	CPPUNIT_TEST(testPluralCategory);
	CPPUNIT_TEST(testCountedNouns);
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

	void testPluralCategory()
	{
		// Greek and English (CLDR cardinals): "one" is exactly 1, all else "other".
		for (const char* language: {"el", "en", "de"})
		{
			CPPUNIT_ASSERT(LocaleFormat::plural(1, language) == LocaleFormat::Plural::ONE);
			CPPUNIT_ASSERT(LocaleFormat::plural(-1, language) == LocaleFormat::Plural::ONE);
			for (long n: {0L, 2L, 5L, 11L, 21L, 101L, 1000L, -2L})
				CPPUNIT_ASSERT(LocaleFormat::plural(n, language) == LocaleFormat::Plural::OTHER);
		}
	}

	void testCountedNouns()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("1 ημέρα"), LocaleFormat::count(1, "el", "ημέρα", "ημέρες"));
		CPPUNIT_ASSERT_EQUAL(std::string("2 ημέρες"), LocaleFormat::count(2, "el", "ημέρα", "ημέρες"));
		CPPUNIT_ASSERT_EQUAL(std::string("0 ημέρες"), LocaleFormat::count(0, "el", "ημέρα", "ημέρες"));
		CPPUNIT_ASSERT_EQUAL(std::string("1 day"), LocaleFormat::count(1, "en", "day", "days"));
		CPPUNIT_ASSERT_EQUAL(std::string("21 days"), LocaleFormat::count(21, "en", "day", "days"));
		CPPUNIT_ASSERT_EQUAL(std::string("1 τιμολόγιο"), LocaleFormat::count(1, "el", "τιμολόγιο", "τιμολόγια"));
		CPPUNIT_ASSERT_EQUAL(std::string("3 invoices"), LocaleFormat::count(3, "en", "invoice", "invoices"));
		// Large counts are grouped as the language writes numbers.
		CPPUNIT_ASSERT_EQUAL(std::string("1.500 ημέρες"), LocaleFormat::count(1500, "el", "ημέρα", "ημέρες"));
		CPPUNIT_ASSERT_EQUAL(std::string("1,500 days"), LocaleFormat::count(1500, "en", "day", "days"));
		CPPUNIT_ASSERT_EQUAL(std::string("12.345"), LocaleFormat::number(12345, "el"));
		CPPUNIT_ASSERT_EQUAL(std::string("12,345"), LocaleFormat::number(12345, "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("-7"), LocaleFormat::number(-7, "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("999"), LocaleFormat::number(999, "el"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LocaleFormatTest, "core");
