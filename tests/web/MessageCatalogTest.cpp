//
// MessageCatalogTest.cpp
//
// The web interface's words: both languages with the same keys, and a
// file that names a key twice refused (it would keep only its last text).
//


#include "web/MessageCatalog.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>


class MessageCatalogTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(MessageCatalogTest);
	CPPUNIT_TEST(testBothLanguages);
	CPPUNIT_TEST(testRefusals);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_folder = std::make_unique<Poco::TemporaryFile>();
		Poco::File(_folder->path()).createDirectories();
	}

	void testBothLanguages()
	{
		write("el", R"({"a": "Άλφα", "b": "Βήτα"})");
		write("en", R"({"a": "Alpha", "b": "Beta"})");
		host::MessageCatalog catalog(_folder->path());
		CPPUNIT_ASSERT_EQUAL(std::string("Άλφα"), catalog.text("el", "a"));
		CPPUNIT_ASSERT_EQUAL(std::string("Beta"), catalog.text("en", "b"));
		CPPUNIT_ASSERT_THROW(catalog.text("en", "c"), Poco::NotFoundException);
	}

	void testRefusals()
	{
		const struct
		{
			const char* el;
			const char* en;
		} cases[] = {
			{R"({"a": "Άλφα", "a": "Άλφα ξανά"})", R"({"a": "Alpha"})"}, // a key twice
			{R"({"a": "Άλφα"})", R"({"a": "Alpha", "b": "Beta"})"},      // a key only in English
			{R"({"a": "Άλφα", "b": "Βήτα"})", R"({"a": "Alpha"})"},      // a key only in Greek
			{R"({"a": 1})", R"({"a": "Alpha"})"},                        // not a text
			{R"(["a"])", R"({"a": "Alpha"})"},                           // not an object
		};
		for (const auto& each: cases)
		{
			write("el", each.el);
			write("en", each.en);
			CPPUNIT_ASSERT_THROW_MESSAGE(each.el, host::MessageCatalog catalog(_folder->path()),
										 Poco::DataFormatException);
		}
	}

private:
	void write(const std::string& language, const std::string& text)
	{
		Poco::FileOutputStream out(_folder->path() + "/" + language + ".json");
		out << text;
	}

	std::unique_ptr<Poco::TemporaryFile> _folder;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MessageCatalogTest, "web");
