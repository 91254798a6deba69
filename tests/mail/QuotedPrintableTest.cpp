//
// QuotedPrintableTest.cpp
//
// The body encoder against RFC 2045 6.7, and against Poco's decoder for
// what it gives back: every byte value, long lines of one-byte and
// three-byte characters, white space before line breaks, "." and "=" at
// the start of lines, and the three kinds of line break.
//


#include "plugin/mail/QuotedPrintable.h"
#include <Poco/Net/QuotedPrintableDecoder.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>


using reminders::QuotedPrintable;


class QuotedPrintableTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(QuotedPrintableTest);
	CPPUNIT_TEST(testPrintableAsciiStaysAsItIs);
	CPPUNIT_TEST(testEveryByteComesBack);
	CPPUNIT_TEST(testLinesStayWithin76Characters);
	CPPUNIT_TEST(testWhiteSpaceBeforeALineBreakIsEncoded);
	CPPUNIT_TEST(testDotsAndEqualSigns);
	CPPUNIT_TEST(testLineBreaksBecomeCrlf);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPrintableAsciiStaysAsItIs()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("Dear customer, invoice S-1 (50.00 EUR)."),
							 QuotedPrintable::encode("Dear customer, invoice S-1 (50.00 EUR)."));
		CPPUNIT_ASSERT_EQUAL(std::string("=CE=A0=CF=81=CE=BF=CF=82"), QuotedPrintable::encode("Προς"));
	}

	void testEveryByteComesBack()
	{
		std::string all;
		for (int round = 0; round < 3; ++round)
			for (int c = 0; c < 256; ++c)
				if (c != '\r' && c != '\n') all += static_cast<char>(c);
		const std::string encoded = QuotedPrintable::encode(all);
		checkLines(encoded);
		CPPUNIT_ASSERT_EQUAL(all, decoded(encoded));
	}

	void testLinesStayWithin76Characters()
	{
		for (const std::string& unit: {std::string("a"), std::string("€"), std::string("α "), std::string("=")})
			for (std::size_t count = 1; count < 200; ++count)
			{
				std::string text;
				for (std::size_t i = 0; i < count; ++i)
					text += unit;
				const std::string encoded = QuotedPrintable::encode(text + "\n" + text);
				checkLines(encoded);
				CPPUNIT_ASSERT_EQUAL(text + "\r\n" + text, decoded(encoded));
			}
	}

	void testWhiteSpaceBeforeALineBreakIsEncoded()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("end=20\r\nnext=09\r\nlast=20"),
							 QuotedPrintable::encode("end \nnext\t\r\nlast "));
		CPPUNIT_ASSERT_EQUAL(std::string("a b\tc"), QuotedPrintable::encode("a b\tc"));
	}

	void testDotsAndEqualSigns()
	{
		// A line never starts with "." (also after a soft break), so SMTP has
		// nothing to stuff; "=" is always "=3D", so "=_" never occurs.
		CPPUNIT_ASSERT_EQUAL(std::string("=2E\r\n=2E.a.\r\nx=3D_"), QuotedPrintable::encode(".\n..a.\nx=_"));
		const std::string dots(300, '.');
		const std::string encoded = QuotedPrintable::encode(dots);
		checkLines(encoded);
		CPPUNIT_ASSERT_EQUAL(dots, decoded(encoded));
		CPPUNIT_ASSERT(encoded.find("\r\n.") == std::string::npos);
		CPPUNIT_ASSERT(QuotedPrintable::encode("a=_b=\n_").find("=_") == std::string::npos);
	}

	void testLineBreaksBecomeCrlf()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("one\r\ntwo\r\nthree\r\nfour\r\n\r\n"),
							 QuotedPrintable::encode("one\ntwo\rthree\r\nfour\n\n"));
	}

private:
	static std::string decoded(const std::string& encoded)
	{
		std::istringstream in(encoded);
		Poco::Net::QuotedPrintableDecoder decoder(in);
		std::string result;
		Poco::StreamCopier::copyToString(decoder, result);
		return result;
	}

	static void checkLines(const std::string& encoded)
	/// Only CRLF breaks, every line within 76 characters, printable ASCII.
	{
		std::size_t start = 0;
		for (std::size_t i = 0; i < encoded.size(); ++i)
		{
			const unsigned char c = static_cast<unsigned char>(encoded[i]);
			if (c == '\r')
			{
				CPPUNIT_ASSERT(i + 1 < encoded.size() && encoded[i + 1] == '\n');
				CPPUNIT_ASSERT_MESSAGE(encoded.substr(start, i - start), i - start <= QuotedPrintable::LINE);
				start = i + 2;
				++i;
				continue;
			}
			CPPUNIT_ASSERT(c != '\n');
			CPPUNIT_ASSERT_MESSAGE(encoded, (c >= 32 && c <= 126) || c == '\t');
		}
		CPPUNIT_ASSERT(encoded.size() - start <= QuotedPrintable::LINE);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(QuotedPrintableTest, "mail");
