//
// EmailAddressTest.cpp
//


#include "erp/EmailAddress.h"
#include <cppunit/extensions/HelperMacros.h>


class EmailAddressTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(EmailAddressTest);
	CPPUNIT_TEST(testValid);
	CPPUNIT_TEST(testInvalid);
	CPPUNIT_TEST_SUITE_END();

public:
	void testValid()
	{
		for (const char* address: {"info@papadopoulos.gr", "a.b+tag@example.co.uk", "x@a-b.example",
								   "o'brien@example.ie", "UPPER@Example.COM"})
			CPPUNIT_ASSERT_MESSAGE(address, erp::EmailAddress::isValid(address));
	}

	void testInvalid()
	{
		const std::string longLocal(65, 'a');
		for (const std::string& address:
			 {std::string(""), std::string("plain"), std::string("@example.com"), std::string("a@"),
			  std::string("a@localhost"), std::string("a..b@example.com"), std::string(".a@example.com"),
			  std::string("a.@example.com"), std::string("a b@example.com"), std::string("a@exa mple.com"),
			  std::string("a@-example.com"), std::string("a@example..com"), std::string("\"quoted\"@example.com"),
			  std::string("Name <a@example.com>"), std::string("a@example.com\r\nBcc: victim@example.com"),
			  std::string("a@example.com\n"), longLocal + "@example.com", std::string("αλφα@example.gr")})
			CPPUNIT_ASSERT_MESSAGE(address, !erp::EmailAddress::isValid(address));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(EmailAddressTest, "sdk");
