//
// SmtpTransportTest.cpp
//
// SmtpTransport against real SMTP servers on 127.0.0.1: Postfix's smtp-sink
// with its fault flags, and an aiosmtpd peer for STARTTLS, implicit TLS,
// AUTH and per-recipient replies.
//


#include "plugin/mail/SmtpTransport.h"
#include "SmtpPeer.h"
#include <Poco/Timestamp.h>
#include <cppunit/extensions/HelperMacros.h>


using reminders::ComposedMessage;
using reminders::Delivery;
using reminders::SmtpSettings;
using reminders::SmtpTransport;
using tests::SmtpPeer;


namespace {

ComposedMessage message(const std::string& to)
{
	ComposedMessage m;
	m.language = "el";
	m.subject = "Υπενθύμιση ανεξόφλητων τιμολογίων";
	m.text = "Σας υπενθυμίζουμε ευγενικά...\n.\nA line with a single dot above.\n";
	m.html = "<p>Σας υπενθυμίζουμε ευγενικά...</p>";
	m.fromAddress = "billing@example.com";
	m.fromName = "Λογιστήριο";
	m.to = to;
	m.toName = "Πελάτης";
	m.messageId = "test." + std::to_string(Poco::Timestamp().epochMicroseconds()) + "@example.com";
	return m;
}

SmtpSettings settings(int port, const std::string& tls = "none")
{
	SmtpSettings s;
	s.host = "127.0.0.1";
	s.port = port;
	s.tls = tls;
	s.helo = "erp.test";
	s.connectTimeoutSeconds = 5;
	s.timeoutSeconds = 5;
	return s;
}

std::string describe(const Delivery& d)
{
	return Delivery::name(d.state) + " " + std::to_string(d.code) + " " + d.text;
}

} // namespace


class SmtpTransportTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SmtpTransportTest);
	CPPUNIT_TEST(testAcceptedOverOneConnection);
	CPPUNIT_TEST(testSmtpSinkFaults);
	CPPUNIT_TEST(testSlowServerTimesOut);
	CPPUNIT_TEST(testNothingListening);
	CPPUNIT_TEST(testPerRecipientRepliesAndReset);
	CPPUNIT_TEST(testStartTls);
	CPPUNIT_TEST(testTlsNeverFallsBackToPlainText);
	CPPUNIT_TEST(testCertificateChecks);
	CPPUNIT_TEST(testImplicitTls);
	CPPUNIT_TEST(testAuth);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAcceptedOverOneConnection()
	{
		auto peer = SmtpPeer::sink({});
		SmtpTransport transport(settings(peer->port()));
		for (int i = 0; i < 3; ++i)
		{
			const Delivery d = transport.send(message("customer" + std::to_string(i) + "@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::ACCEPTED);
			CPPUNIT_ASSERT_EQUAL(250, d.code);
		}
		transport.close();
		CPPUNIT_ASSERT_EQUAL(3, peer->delivered());
	}

	void testSmtpSinkFaults()
	{
		const struct
		{
			std::vector<std::string> flags;
			Delivery::State state;
			int codeClass; // 4, 5, or 0 for no reply
			const char* what;
		} cases[] = {
			{{"-r", "MAIL"}, Delivery::State::DEFERRED, 4, "4xx on MAIL"},
			{{"-f", "MAIL"}, Delivery::State::REJECTED, 5, "5xx on MAIL"},
			{{"-r", "RCPT"}, Delivery::State::DEFERRED, 4, "4xx on RCPT"},
			{{"-f", "RCPT"}, Delivery::State::REJECTED, 5, "5xx on RCPT"},
			{{"-r", "DATA"}, Delivery::State::DEFERRED, 4, "4xx on DATA"},
			{{"-f", "DATA"}, Delivery::State::REJECTED, 5, "5xx on DATA"},
			{{"-r", "."}, Delivery::State::DEFERRED, 4, "4xx at the end of data"},
			{{"-f", "."}, Delivery::State::REJECTED, 5, "5xx at the end of data"},
			{{"-Q", "MAIL"}, Delivery::State::DEFERRED, 4, "421 and disconnect"},
			{{"-q", "RCPT"}, Delivery::State::DEFERRED, 0, "silent disconnect before the data"},
			{{"-q", "."}, Delivery::State::UNKNOWN, 0, "silent disconnect after the data"},
		};
		for (const auto& c: cases)
		{
			auto peer = SmtpPeer::sink(c.flags);
			SmtpTransport transport(settings(peer->port()));
			// Twice on one transport: the second attempt must meet the same
			// fault, not "503 nested MAIL" or a dead socket.
			for (int attempt = 0; attempt < 2; ++attempt)
			{
				const Delivery d = transport.send(message("customer@example.com"));
				const std::string what =
					std::string(c.what) + ", attempt " + std::to_string(attempt + 1) + ": " + describe(d);
				CPPUNIT_ASSERT_MESSAGE(what, d.state == c.state);
				CPPUNIT_ASSERT_EQUAL_MESSAGE(what, c.codeClass, d.code / 100);
				CPPUNIT_ASSERT_MESSAGE(what, !d.text.empty());
			}
			transport.close();
			// smtp-sink dumps a transaction once the data is in, whatever it
			// answers after it; before that, nothing may have arrived.
			if (c.flags.back() != ".") CPPUNIT_ASSERT_EQUAL_MESSAGE(c.what, 0, peer->delivered());
		}
	}

	void testSlowServerTimesOut()
	{
		auto peer = SmtpPeer::sink({"-W", "MAIL:4"});
		SmtpSettings s = settings(peer->port());
		s.timeoutSeconds = 1;
		SmtpTransport transport(s);
		const Delivery d = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::DEFERRED);
		CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
	}

	void testNothingListening()
	{
		int port = 0;
		{
			auto peer = SmtpPeer::sink({});
			port = peer->port();
		} // stopped: nothing listens there now
		SmtpTransport transport(settings(port));
		const Delivery d = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::DEFERRED);
		CPPUNIT_ASSERT(d.text.find("connection failed") != std::string::npos);
	}

	void testPerRecipientRepliesAndReset()
	{
		auto peer = SmtpPeer::aiosmtpd({});
		SmtpTransport transport(settings(peer->port()));
		const Delivery greylisted = transport.send(message("greylist@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(greylisted), greylisted.state == Delivery::State::DEFERRED);
		CPPUNIT_ASSERT_EQUAL(451, greylisted.code);
		const Delivery unknown = transport.send(message("nouser@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(unknown), unknown.state == Delivery::State::REJECTED);
		CPPUNIT_ASSERT_EQUAL(550, unknown.code);
		CPPUNIT_ASSERT(unknown.text.find("No such user") != std::string::npos);
		// The same session goes on after the refusals (RSET).
		const Delivery fine = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(fine), fine.state == Delivery::State::ACCEPTED);
		CPPUNIT_ASSERT(fine.text.find("queued as") != std::string::npos);
		transport.close();
		CPPUNIT_ASSERT_EQUAL(1, peer->delivered());
	}

	void testStartTls()
	{
		const std::string certs = SmtpPeer::certificates();
		auto peer = SmtpPeer::aiosmtpd({"--starttls", certs + "/cert.pem", certs + "/key.pem"});
		SmtpSettings s = settings(peer->port(), "starttls");
		s.cafile = certs + "/cert.pem";
		SmtpTransport transport(s);
		for (int i = 0; i < 2; ++i)
		{
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::ACCEPTED);
		}
		transport.close();
		CPPUNIT_ASSERT_EQUAL(2, peer->delivered());
	}

	void testTlsNeverFallsBackToPlainText()
	{
		auto peer = SmtpPeer::aiosmtpd({}); // offers no STARTTLS
		SmtpSettings s = settings(peer->port(), "starttls");
		s.cafile = SmtpPeer::certificates() + "/cert.pem";
		SmtpTransport transport(s);
		const Delivery d = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::DEFERRED);
		CPPUNIT_ASSERT(d.text.find("STARTTLS") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
	}

	void testCertificateChecks()
	{
		const std::string certs = SmtpPeer::certificates();
		{
			// A self-signed certificate the client was not told to trust.
			auto peer = SmtpPeer::aiosmtpd({"--starttls", certs + "/cert.pem", certs + "/key.pem"});
			SmtpTransport transport(settings(peer->port(), "starttls"));
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::DEFERRED);
			CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
		}
		{
			// A trusted certificate for another name.
			auto peer = SmtpPeer::aiosmtpd({"--starttls", certs + "/wrong-cert.pem", certs + "/wrong-key.pem"});
			SmtpSettings s = settings(peer->port(), "starttls");
			s.cafile = certs + "/wrong-cert.pem";
			SmtpTransport transport(s);
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::DEFERRED);
			CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
		}
	}

	void testImplicitTls()
	{
		const std::string certs = SmtpPeer::certificates();
		auto peer = SmtpPeer::aiosmtpd({"--implicit", certs + "/cert.pem", certs + "/key.pem"});
		SmtpSettings s = settings(peer->port(), "implicit");
		s.cafile = certs + "/cert.pem";
		SmtpTransport transport(s);
		const Delivery d = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::ACCEPTED);
		transport.close();
		CPPUNIT_ASSERT_EQUAL(1, peer->delivered());
	}

	void testAuth()
	{
		const std::string certs = SmtpPeer::certificates();
		auto peer =
			SmtpPeer::aiosmtpd({"--starttls", certs + "/cert.pem", certs + "/key.pem", "--user", "erp", "s3cret-pass"});
		for (const char* method: {"login", "plain"})
		{
			SmtpSettings s = settings(peer->port(), "starttls");
			s.cafile = certs + "/cert.pem";
			s.username = "erp";
			s.password = "s3cret-pass";
			s.auth = method;
			SmtpTransport transport(s);
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(std::string(method) + ": " + describe(d), d.state == Delivery::State::ACCEPTED);
		}
		SmtpSettings wrong = settings(peer->port(), "starttls");
		wrong.cafile = certs + "/cert.pem";
		wrong.username = "erp";
		wrong.password = "not-the-password";
		SmtpTransport transport(wrong);
		const Delivery refused = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(refused), refused.state == Delivery::State::DEFERRED);
		CPPUNIT_ASSERT(refused.text.find("not-the-password") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(2, peer->delivered());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SmtpTransportTest, "smtp");
