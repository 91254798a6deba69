//
// JsonLogFormatterTest.cpp
//


#include "ops/JsonLogFormatter.h"
#include <Poco/DateTime.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Message.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>


namespace tests {


class JsonLogFormatterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(JsonLogFormatterTest);
	CPPUNIT_TEST(testOneObjectPerLine);
	CPPUNIT_TEST(testHostileText);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOneObjectPerLine()
	{
		Poco::Message message("erp.host", "listening on http://127.0.0.1:8080/", Poco::Message::PRIO_INFORMATION);
		message.setTime(Poco::DateTime(2026, 12, 7, 9, 0, 0, 123).timestamp());
		std::string text;
		host::JsonLogFormatter().format(message, text);
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"time":"2026-12-07T09:00:00.123Z","level":"information",)"
										 R"("source":"erp.host","message":"listening on http://127.0.0.1:8080/"})"),
							 text);
	}

	void testHostileText()
	{
		const std::string hostile = "a \"quoted\" back\\slash\nsecond line\r\t\x01 Ζωή \xFF\xC0 \xE2\x80\xA8 end";
		Poco::Message message("erp.plugin.\"x\"", hostile, Poco::Message::PRIO_ERROR);
		std::string text;
		host::JsonLogFormatter().format(message, text);
		CPPUNIT_ASSERT(text.find('\n') == std::string::npos);
		CPPUNIT_ASSERT(text.find('\r') == std::string::npos);
		const Poco::JSON::Object::Ptr parsed = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
		CPPUNIT_ASSERT_EQUAL(std::string("error"), parsed->getValue<std::string>("level"));
		CPPUNIT_ASSERT_EQUAL(std::string("erp.plugin.\"x\""), parsed->getValue<std::string>("source"));
		CPPUNIT_ASSERT_EQUAL(std::string("a \"quoted\" back\\slash\nsecond line\r\t\x01 Ζωή \xEF\xBF\xBD\xEF\xBF\xBD "
										 "\xE2\x80\xA8 end"),
							 parsed->getValue<std::string>("message"));
		CPPUNIT_ASSERT_EQUAL(std::string("fatal"), host::JsonLogFormatter::levelName(Poco::Message::PRIO_FATAL));
		CPPUNIT_ASSERT_EQUAL(std::string("trace"), host::JsonLogFormatter::levelName(Poco::Message::PRIO_TRACE));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(JsonLogFormatterTest, "ops");


} // namespace tests
