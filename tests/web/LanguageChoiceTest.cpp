//
// LanguageChoiceTest.cpp
//
// The interface's language from Accept-Language, and form bodies.
//


#include "web/LanguageChoice.h"
#include "web/FormData.h"
#include <cppunit/extensions/HelperMacros.h>


using host::FormData;
using host::LanguageChoice;


class LanguageChoiceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(LanguageChoiceTest);
	CPPUNIT_TEST(testAcceptLanguage);
	CPPUNIT_TEST(testFormData);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAcceptLanguage()
	{
		const char* const table[][2] = {
			{"", "el"},
			{"el", "el"},
			{"el-GR,el;q=0.9,en;q=0.8", "el"},
			{"en-US,en;q=0.9", "en"},
			{"EN-gb", "en"},
			{"de-DE,de;q=0.9,en;q=0.5,el;q=0.4", "en"},
			{"de-DE,el;q=0.7,en;q=0.3", "el"},
			{"en;q=0.2, el;q=0.8", "el"},
			{"fr", "el"},
			{"en;q=0", "el"},
			{"en;q=abc", "el"},
			{"*", "el"},
		};
		for (const auto& row: table)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(row[0], std::string(row[1]), LanguageChoice::fromAcceptLanguage(row[0]));
	}

	void testFormData()
	{
		auto fields = FormData::parse("name=%CE%9D%CE%AF%CE%BA%CE%B7+%CE%91.%CE%95.&email=a%2Bb%40x.gr&empty=&flag&"
									  "name=second&bad=%zz&x=1%2");
		CPPUNIT_ASSERT_EQUAL(std::string("Νίκη Α.Ε."), fields["name"]);
		CPPUNIT_ASSERT_EQUAL(std::string("a+b@x.gr"), fields["email"]);
		CPPUNIT_ASSERT_EQUAL(std::string(""), fields["empty"]);
		CPPUNIT_ASSERT(fields.count("flag"));
		CPPUNIT_ASSERT(!fields.count("bad"));
		CPPUNIT_ASSERT(!fields.count("x"));
		CPPUNIT_ASSERT(FormData::parse("").empty());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(LanguageChoiceTest, "web");
