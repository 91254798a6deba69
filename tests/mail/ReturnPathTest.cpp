//
// ReturnPathTest.cpp
//


#include "plugin/mail/ReturnPath.h"
#include "plugin/mail/BounceParser.h"
#include "plugin/mail/ReturnPathTransport.h"
#include <Poco/Exception.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>


using reminders::BounceParser;
using reminders::ReturnPath;


namespace {

const std::string KEY = "0123456789abcdef0123456789abcdef";

class RecordingTransport: public reminders::Transport
{
public:
	reminders::Delivery send(const reminders::ComposedMessage& message) override
	{
		senders.push_back(message.envelopeSender);
		froms.push_back(message.fromAddress);
		return {reminders::Delivery::State::ACCEPTED, 250, "2.0.0 Ok"};
	}
	std::string describe() const override
	{
		return "recording";
	}
	std::vector<std::string> senders;
	std::vector<std::string> froms;
};

} // namespace


class ReturnPathTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ReturnPathTest);
	CPPUNIT_TEST(testOnePathPerMessage);
	CPPUNIT_TEST(testForgedOrDamagedPathsNameNothing);
	CPPUNIT_TEST(testBadSettingsAreRefused);
	CPPUNIT_TEST(testRoundTripThroughABounce);
	CPPUNIT_TEST(testTransportSetsOnlyTheEnvelope);
	CPPUNIT_TEST_SUITE_END();

public:
	void testOnePathPerMessage()
	{
		ReturnPath path("Bounces@Example.gr", KEY);
		const std::string first = path.forMessage("r12.c345.9f3a0c1d2e4b5a69@example.gr");
		const std::string second = path.forMessage("r12.c346.9f3a0c1d2e4b5a69@example.gr");
		CPPUNIT_ASSERT(first != second);
		CPPUNIT_ASSERT_EQUAL(std::string("bounces+r12.c345.9f3a0c1d2e4b5a69."), first.substr(0, 34));
		CPPUNIT_ASSERT(first.size() - first.find('@') == std::string("@example.gr").size());
		CPPUNIT_ASSERT(first.find('@') <= 64);
		CPPUNIT_ASSERT_EQUAL(std::string("r12.c345.9f3a0c1d2e4b5a69"), *path.tagOf(first));
		// Mail servers may change the case; angle brackets are fine.
		CPPUNIT_ASSERT_EQUAL(std::string("r12.c345.9f3a0c1d2e4b5a69"), *path.tagOf("<" + Poco::toUpper(first) + ">"));
		// Another key, another check.
		ReturnPath other("bounces@example.gr", KEY + "x");
		CPPUNIT_ASSERT(other.forMessage("r12.c345.9f3a0c1d2e4b5a69@example.gr") != first);
	}

	void testForgedOrDamagedPathsNameNothing()
	{
		ReturnPath path("bounces@example.gr", KEY);
		const std::string real = path.forMessage("r12.c345.9f3a0c1d2e4b5a69@example.gr");
		const std::string check = real.substr(real.rfind('.') + 1, 10);
		// Another message's tag with this message's check.
		CPPUNIT_ASSERT(!path.tagOf("bounces+r12.c999.9f3a0c1d2e4b5a69." + check + "@example.gr"));
		// Each digit of the check changed in turn.
		for (std::size_t i = 0; i < check.size(); ++i)
		{
			std::string forged = real;
			char& digit = forged[real.rfind('.') + 1 + i];
			digit = digit == '0' ? '1' : '0';
			CPPUNIT_ASSERT_MESSAGE(forged, !path.tagOf(forged));
		}
		for (const std::string& address:
			 {std::string("bounces@example.gr"), std::string("bounces+@example.gr"),
			  std::string("bounces+.x@example.gr"),
			  Poco::replace(real, std::string("@example.gr"), std::string("@example.com")),
			  Poco::replace(real, std::string("bounces+"), std::string("other+")), real.substr(0, real.size() - 3),
			  std::string(""), std::string("<>"), real + "x"})
			CPPUNIT_ASSERT_MESSAGE(address, !path.tagOf(address));
		// A Message-ID that cannot stand in a local part gets no path.
		for (const char* id: {"", "@example.gr", "a b@example.gr", "a..b@example.gr", ".a@example.gr",
							  "r1.c1.0123456789012345678901234567890123456789012345678901234567@example.gr"})
			CPPUNIT_ASSERT_THROW_MESSAGE(id, path.forMessage(id), Poco::InvalidArgumentException);
	}

	void testBadSettingsAreRefused()
	{
		CPPUNIT_ASSERT_THROW(ReturnPath("bounces", KEY), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(ReturnPath("bounces+x@example.gr", KEY), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(ReturnPath("bounces@example.gr", "short"), Poco::InvalidArgumentException);
	}

	void testRoundTripThroughABounce()
	{
		// The path a message was sent with, in a Postfix-shaped bounce: the
		// bounce names the message again.
		ReturnPath path("bounces@example.gr", KEY);
		const std::string messageId = "r12.c345.9f3a0c1d2e4b5a69@example.gr";
		const std::string sender = path.forMessage(messageId);
		Poco::FileInputStream in(std::string(ERP_SOURCE_DIR) + "/tests/bounces/samples/postfix-user-unknown.eml");
		std::string bounce;
		Poco::StreamCopier::copyToString(in, bounce);
		Poco::replaceInPlace(bounce, std::string("bounces+r12.c345.9f3a0c1d2e4b5a69.8d2c41f0aa@example.gr"), sender);
		const reminders::BounceReport report = BounceParser::parse(bounce);
		CPPUNIT_ASSERT(!report.addressedTo.empty());
		CPPUNIT_ASSERT_EQUAL(std::string("r12.c345.9f3a0c1d2e4b5a69"), *path.tagOf(report.addressedTo.front()));
		CPPUNIT_ASSERT_EQUAL(messageId, report.originalMessageId);
		// The sample as written (an invented check) names nothing.
		CPPUNIT_ASSERT(!path.tagOf(
			BounceParser::parse(
				Poco::replace(bounce, sender, std::string("bounces+r12.c345.9f3a0c1d2e4b5a69.8d2c41f0aa@example.gr")))
				.addressedTo.front()));
	}

	void testTransportSetsOnlyTheEnvelope()
	{
		auto recording = std::make_unique<RecordingTransport>();
		RecordingTransport& seen = *recording;
		reminders::ReturnPathTransport transport(std::move(recording), ReturnPath("bounces@example.gr", KEY));
		reminders::ComposedMessage message;
		message.fromAddress = "billing@example.gr";
		message.messageId = "r1.c2.0011223344556677@example.gr";
		transport.send(message);
		message.messageId = "not a tag@example.gr";
		transport.send(message);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), seen.senders.size());
		CPPUNIT_ASSERT_EQUAL(ReturnPath("bounces@example.gr", KEY).forMessage("r1.c2.0011223344556677@example.gr"),
							 seen.senders[0]);
		// An id of another shape: the From is the envelope (empty: the transport's default).
		CPPUNIT_ASSERT_EQUAL(std::string(), seen.senders[1]);
		CPPUNIT_ASSERT_EQUAL(std::string("billing@example.gr"), seen.froms[0]);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ReturnPathTest, "mail");
