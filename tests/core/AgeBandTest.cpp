//
// AgeBandTest.cpp
//


#include "plugin/core/AgeBand.h"
#include <cppunit/extensions/HelperMacros.h>


using namespace reminders;


class AgeBandTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AgeBandTest);
	CPPUNIT_TEST(testEdges);
	CPPUNIT_TEST(testWords);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEdges()
	{
		struct Row
		{
			long days;
			const char* band;
		};
		const Row rows[] = {
			{1, "1-30"},      {29, "1-30"},      {30, "1-30"},  {31, "31-60"}, {59, "31-60"},
			{60, "31-60"},    {61, "61-90"},     {89, "61-90"}, {90, "61-90"}, {91, "over_90"},
			{365, "over_90"}, {3650, "over_90"}, {0, "1-30"}, // never listed by planning; not lost either
		};
		for (const Row& row: rows)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(row.days), std::string(row.band),
										 AgeBand::code(AgeBand::of(row.days)));
	}

	void testWords()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("1–30 days"), AgeBand::label(0, "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("61–90 ημέρες"), AgeBand::label(2, "el"));
		CPPUNIT_ASSERT_EQUAL(std::string("over 90 days"), AgeBand::label(3, "en"));
		CPPUNIT_ASSERT_EQUAL(std::string("πάνω από 90 ημέρες"), AgeBand::label(3, "el"));
		CPPUNIT_ASSERT_EQUAL(std::string(), AgeBand::code(4));
		CPPUNIT_ASSERT_EQUAL(std::string(), AgeBand::label(-1, "en"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(AgeBandTest, "core");
