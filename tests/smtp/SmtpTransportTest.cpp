//
// SmtpTransportTest.cpp
//
// SmtpTransport against real SMTP servers on 127.0.0.1: Postfix's smtp-sink
// with its fault flags, and an aiosmtpd peer for STARTTLS, implicit TLS,
// AUTH and per-recipient replies.
//


#include "plugin/mail/SmtpTransport.h"
#include "RunWait.h"
#include "SmtpPeer.h"
#include "TestHost.h"
#include "plugin/mail/ReturnPath.h"
#include "plugin/mail/TransportFactory.h"
#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Timestamp.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <set>


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

// The plugin's configuration section as the plugin reads it ("smtp.host"
// for reminders.smtp.host), through the same parsing as at start.
Poco::AutoPtr<Poco::Util::MapConfiguration> section(const std::map<std::string, std::string>& keys)
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
	for (const auto& [key, value]: keys)
		config->setString(key, value);
	return config;
}

SmtpSettings configured(int port, const std::string& tls, const std::map<std::string, std::string>& extra = {})
{
	std::map<std::string, std::string> keys = {
		{"smtp.host", "127.0.0.1"}, {"smtp.port", std::to_string(port)},   {"smtp.tls", tls},
		{"smtp.helo", "erp.test"},  {"smtp.connect_timeout_seconds", "5"}, {"smtp.timeout_seconds", "5"}};
	for (const auto& [key, value]: extra)
		keys[key] = value;
	return SmtpSettings::from(*section(keys));
}

bool contains(const std::string& text, const std::string& part)
{
	return text.find(part) != std::string::npos;
}

// What a settings error says, or "" when the settings were taken.
std::string refusal(const std::map<std::string, std::string>& keys)
{
	try
	{
		reminders::TransportFactory factory(*section(keys), Poco::TemporaryFile::tempName());
		return "";
	}
	catch (Poco::Exception& exc)
	{
		return exc.displayText();
	}
}

std::map<std::string, std::string> relayWithPassword(int port, const std::string& certs, const std::string& password)
// The configuration of the aiosmtpd peer with STARTTLS and AUTH, user "erp".
{
	return {{"reminders.smtp.host", "127.0.0.1"},           {"reminders.smtp.port", std::to_string(port)},
			{"reminders.smtp.cafile", certs + "/cert.pem"}, {"reminders.smtp.username", "erp"},
			{"reminders.smtp.password", password},          {"reminders.smtp.helo", "erp.test"},
			{"reminders.smtp.timeout_seconds", "5"}};
}

} // namespace


class SmtpTransportTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SmtpTransportTest);
	CPPUNIT_TEST(testAcceptedOverOneConnection);
	CPPUNIT_TEST(testSmtpSinkFaults);
	CPPUNIT_TEST(testPipeliningWhereOffered);
	CPPUNIT_TEST(testSlowServerTimesOut);
	CPPUNIT_TEST(testNothingListening);
	CPPUNIT_TEST(testPerRecipientRepliesAndReset);
	CPPUNIT_TEST(testStartTls);
	CPPUNIT_TEST(testTlsNeverFallsBackToPlainText);
	CPPUNIT_TEST(testCertificateChecks);
	CPPUNIT_TEST(testImplicitTls);
	CPPUNIT_TEST(testAuth);
	CPPUNIT_TEST(testOldTlsIsRefused);
	CPPUNIT_TEST(testMinimumTlsCanBeRaised);
	CPPUNIT_TEST(testTlsMinVersionSetting);
	CPPUNIT_TEST(testBadSettingsAreRefusedWithTheKey);
	CPPUNIT_TEST(testPluginDoesNotStartWithAMissingCaFile);
	CPPUNIT_TEST(testCertificateFailuresNameTheirReason);
	CPPUNIT_TEST(testRefusedCredentialsStopTheTransport);
	CPPUNIT_TEST(testRefusedCredentialsEndARealRun);
	CPPUNIT_TEST(testDeliverySavedOnTheEmailTab);
	CPPUNIT_TEST(testSavedPasswordWinsOverTheConfiguration);
	CPPUNIT_TEST(testTestEmail);
	CPPUNIT_TEST(testOneReturnPathPerMessage);
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

	void testPipeliningWhereOffered()
	{
		// smtp-sink offers PIPELINING: MAIL, RCPT and DATA in one write,
		// each reply still its message's (the faults of testSmtpSinkFaults
		// go through the same path). The aiosmtpd peer does not offer it:
		// one command at a time.
		auto sink = SmtpPeer::sink({});
		SmtpTransport pipelined(settings(sink->port()));
		for (int i = 0; i < 3; ++i)
		{
			const Delivery d = pipelined.send(message("customer" + std::to_string(i) + "@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::ACCEPTED);
		}
		CPPUNIT_ASSERT(pipelined.pipelined());
		pipelined.close();
		CPPUNIT_ASSERT_EQUAL(3, sink->delivered());

		auto plain = SmtpPeer::aiosmtpd({});
		SmtpTransport oneByOne(settings(plain->port()));
		const Delivery refused = oneByOne.send(message("nouser@example.com"));
		CPPUNIT_ASSERT_EQUAL(550, refused.code);
		const Delivery d = oneByOne.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::ACCEPTED);
		CPPUNIT_ASSERT(!oneByOne.pipelined());
		oneByOne.close();
		CPPUNIT_ASSERT_EQUAL(1, plain->delivered());

		// Refused recipients in pipelined envelopes (the aiosmtpd peer
		// offering PIPELINING; smtp-sink stops offering it when told to fail
		// a command): each reply is its own message's, the server's
		// "503 need RCPT" to DATA never taken for the verdict, and the
		// session goes on.
		auto picky = SmtpPeer::aiosmtpd({"--pipelining"});
		SmtpTransport again(settings(picky->port()));
		const Delivery greylisted = again.send(message("greylist@example.com"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(greylisted), 451, greylisted.code);
		CPPUNIT_ASSERT(again.pipelined());
		const Delivery unknown = again.send(message("nouser@example.com"));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(unknown), 550, unknown.code);
		CPPUNIT_ASSERT(unknown.text.find("No such user") != std::string::npos);
		const Delivery fine = again.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(fine), fine.state == Delivery::State::ACCEPTED);
		CPPUNIT_ASSERT(again.pipelined());
		again.close();
		CPPUNIT_ASSERT_EQUAL(1, picky->delivered());
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
		// Refused credentials stop the transport (testRefusedCredentialsStopTheTransport).
		CPPUNIT_ASSERT_THROW(transport.send(message("customer@example.com")), reminders::CredentialsRefused);
		CPPUNIT_ASSERT_EQUAL(2, peer->delivered());
	}

	void testOldTlsIsRefused()
	{
		// Relays that speak only TLS 1.0 or 1.1 (RSA key exchange, AES-SHA):
		// the client's minimum refuses them, STARTTLS and implicit alike.
		const std::string certs = SmtpPeer::certificates();
		for (const char* mode: {"starttls", "implicit"})
		{
			for (const char* old: {"1.0", "1.1"})
			{
				auto peer = SmtpPeer::aiosmtpd(
					{std::string("--") + mode, certs + "/cert.pem", certs + "/key.pem", "--tls-versions", "1.0", old});
				SmtpTransport transport(configured(peer->port(), mode, {{"smtp.cafile", certs + "/cert.pem"}}));
				const Delivery d = transport.send(message("customer@example.com"));
				const std::string what = std::string(mode) + " TLS " + old + ": " + describe(d);
				CPPUNIT_ASSERT_MESSAGE(what, d.state == Delivery::State::DEFERRED);
				CPPUNIT_ASSERT_MESSAGE(what, contains(d.text, "TLS 1.2 or newer"));
				transport.close();
				CPPUNIT_ASSERT_EQUAL_MESSAGE(what, 0, peer->delivered());
			}
			// The same server set up for TLS 1.2 is fine.
			auto peer = SmtpPeer::aiosmtpd(
				{std::string("--") + mode, certs + "/cert.pem", certs + "/key.pem", "--tls-versions", "1.2", "1.2"});
			SmtpTransport transport(configured(peer->port(), mode, {{"smtp.cafile", certs + "/cert.pem"}}));
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(std::string(mode) + " TLS 1.2: " + describe(d),
								   d.state == Delivery::State::ACCEPTED);
			transport.close();
			CPPUNIT_ASSERT_EQUAL(1, peer->delivered());
		}
	}

	void testMinimumTlsCanBeRaised()
	{
		const std::string certs = SmtpPeer::certificates();
		for (const char* mode: {"starttls", "implicit"})
		{
			const std::map<std::string, std::string> strict = {{"smtp.cafile", certs + "/cert.pem"},
															   {"smtp.tls_min_version", "1.3"}};
			{
				auto peer = SmtpPeer::aiosmtpd({std::string("--") + mode, certs + "/cert.pem", certs + "/key.pem",
												"--tls-versions", "1.2", "1.2"});
				SmtpTransport transport(configured(peer->port(), mode, strict));
				const Delivery d = transport.send(message("customer@example.com"));
				const std::string what = std::string(mode) + " 1.3 against 1.2: " + describe(d);
				CPPUNIT_ASSERT_MESSAGE(what, d.state == Delivery::State::DEFERRED);
				CPPUNIT_ASSERT_MESSAGE(what, contains(d.text, "TLS 1.3 or newer"));
				transport.close();
				CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
			}
			auto peer = SmtpPeer::aiosmtpd(
				{std::string("--") + mode, certs + "/cert.pem", certs + "/key.pem", "--tls-versions", "1.3", "1.3"});
			SmtpTransport transport(configured(peer->port(), mode, strict));
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(std::string(mode) + " 1.3: " + describe(d), d.state == Delivery::State::ACCEPTED);
			transport.close();
			CPPUNIT_ASSERT_EQUAL(1, peer->delivered());
		}
	}

	void testTlsMinVersionSetting()
	{
		const std::map<std::string, std::string> base = {{"smtp.host", "127.0.0.1"}};
		for (const char* accepted: {"1.2", "1.3"})
		{
			auto keys = base;
			keys["smtp.tls_min_version"] = accepted;
			CPPUNIT_ASSERT_EQUAL(std::string(), refusal(keys));
		}
		for (const char* refused: {"1.0", "1.1", "1", "1.4", "TLSv1.2", ""})
		{
			auto keys = base;
			keys["smtp.tls_min_version"] = refused;
			const std::string why = refusal(keys);
			CPPUNIT_ASSERT_MESSAGE(std::string(refused) + ": " + why, contains(why, "reminders.smtp.tls_min_version"));
		}
		CPPUNIT_ASSERT_EQUAL(std::string("1.2"), configured(25, "starttls").tlsMinVersion);
	}

	void testBadSettingsAreRefusedWithTheKey()
	{
		const std::string certs = SmtpPeer::certificates();
		const std::string notPem = Poco::TemporaryFile::tempName();
		Poco::TemporaryFile::registerForDeletion(notPem);
		{
			Poco::FileOutputStream out(notPem);
			out << "not a certificate\n";
		}
		const struct
		{
			std::map<std::string, std::string> keys;
			const char* key;
		} cases[] = {
			{{{"smtp.cafile", "/nonexistent/relay-ca.pem"}}, "reminders.smtp.cafile"},
			{{{"smtp.cafile", certs}}, "reminders.smtp.cafile"}, // a folder
			{{{"smtp.cafile", notPem}}, "reminders.smtp.cafile"},
			{{{"smtp.tls", "ssl"}}, "reminders.smtp.tls"},
			{{{"smtp.port", "0"}}, "reminders.smtp.port"},
			{{{"smtp.port", "65536"}}, "reminders.smtp.port"},
			{{{"smtp.port", "25x"}}, "reminders.smtp.port"},
			{{{"smtp.auth", "cram-md5"}}, "reminders.smtp.auth"},
			{{{"smtp.username", "erp"}}, "reminders.smtp.password"},
			{{{"smtp.password", "secret"}}, "reminders.smtp.username"},
			{{{"smtp.timeout_seconds", "0"}}, "reminders.smtp.timeout_seconds"},
			{{{"smtp.connect_timeout_seconds", "ten"}}, "reminders.smtp.connect_timeout_seconds"},
			{{{"smtp.rate_per_second", "-1"}}, "reminders.smtp.rate_per_second"},
			{{{"smtp.host", ""}}, "reminders.smtp.host"},
			{{{"smtp.pasword", "typo"}}, "reminders.smtp.pasword"},
		};
		for (const auto& c: cases)
		{
			std::map<std::string, std::string> keys = {{"smtp.host", "127.0.0.1"}};
			for (const auto& [key, value]: c.keys)
				keys[key] = value;
			const std::string why = refusal(keys);
			CPPUNIT_ASSERT_MESSAGE(std::string(c.key) + ": " + why, contains(why, c.key));
			// The password is never repeated in an error.
			CPPUNIT_ASSERT_MESSAGE(why, !contains(why, "secret"));
		}
		// SMTP keys without a host would silently spool: refused too.
		CPPUNIT_ASSERT(contains(refusal({{"smtp.port", "587"}}), "reminders.smtp.host"));
		// A good set is taken, with a CA file that is there.
		CPPUNIT_ASSERT_EQUAL(std::string(), refusal({{"smtp.host", "127.0.0.1"},
													 {"smtp.cafile", certs + "/ca.pem"},
													 {"smtp.username", "erp"},
													 {"smtp.password", "secret"}}));
	}

	void testPluginDoesNotStartWithAMissingCaFile()
	{
		tests::TestHost host(tests::TestHost::remindersPluginsDirectory(), true, "",
							 {{"reminders.smtp.host", "127.0.0.1"}, {"reminders.smtp.cafile", "/nonexistent/ca.pem"}});
		tests::Reply reply = host.call("GET", "/api/plugins");
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		auto plugin = reply.object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("refused"), plugin->getValue<std::string>("state"));
		const std::string reason = plugin->getValue<std::string>("reason");
		CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "reminders.smtp.cafile"));
		CPPUNIT_ASSERT_MESSAGE(reason, contains(reason, "/nonexistent/ca.pem"));
	}

	void testCertificateFailuresNameTheirReason()
	{
		const std::string certs = SmtpPeer::certificates();
		const struct
		{
			const char* mode;
			const char* cert;   // the server's, with its key
			const char* cafile; // what the client trusts; "" for the system's CAs
			const char* reason;
		} cases[] = {
			{"starttls", "cert", "", "unknown issuer"},                 // self-signed, not trusted
			{"starttls", "leaf", "cert.pem", "unknown issuer"},         // signed by a CA the client does not know
			{"implicit", "leaf", "cert.pem", "unknown issuer"},         //
			{"starttls", "expired", "ca.pem", "expired"},               // the CA is trusted, the certificate ran out
			{"implicit", "expired", "ca.pem", "expired"},               //
			{"starttls", "wrong", "wrong-cert.pem", "wrong host name"}, // trusted, made for wrong.example
			{"implicit", "wrong", "wrong-cert.pem", "wrong host name"}, //
		};
		for (const auto& c: cases)
		{
			const std::string cert = std::string(c.cert) == "cert" ? "" : std::string(c.cert) + "-";
			auto peer = SmtpPeer::aiosmtpd(
				{std::string("--") + c.mode, certs + "/" + cert + "cert.pem", certs + "/" + cert + "key.pem"});
			std::map<std::string, std::string> extra;
			if (*c.cafile) extra["smtp.cafile"] = certs + "/" + c.cafile;
			SmtpTransport transport(configured(peer->port(), c.mode, extra));
			const Delivery d = transport.send(message("customer@example.com"));
			const std::string what = std::string(c.mode) + " " + c.cert + ": " + describe(d);
			CPPUNIT_ASSERT_MESSAGE(what, d.state == Delivery::State::DEFERRED);
			CPPUNIT_ASSERT_MESSAGE(what, contains(d.text, c.reason));
			transport.close();
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, 0, peer->delivered());
		}
		// The details: whom the wrong certificate is for, when the expired one ended.
		{
			auto peer = SmtpPeer::aiosmtpd({"--starttls", certs + "/wrong-cert.pem", certs + "/wrong-key.pem"});
			SmtpTransport transport(configured(peer->port(), "starttls", {{"smtp.cafile", certs + "/wrong-cert.pem"}}));
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), contains(d.text, "wrong.example") && contains(d.text, "127.0.0.1"));
		}
		{
			auto peer = SmtpPeer::aiosmtpd({"--starttls", certs + "/expired-cert.pem", certs + "/expired-key.pem"});
			SmtpTransport transport(configured(peer->port(), "starttls", {{"smtp.cafile", certs + "/ca.pem"}}));
			const Delivery d = transport.send(message("customer@example.com"));
			CPPUNIT_ASSERT_MESSAGE(describe(d), contains(d.text, "2020-02-01"));
		}
		// The CA setup itself is sound: its valid certificate is accepted.
		auto peer = SmtpPeer::aiosmtpd({"--starttls", certs + "/leaf-cert.pem", certs + "/leaf-key.pem"});
		SmtpTransport transport(configured(peer->port(), "starttls", {{"smtp.cafile", certs + "/ca.pem"}}));
		const Delivery d = transport.send(message("customer@example.com"));
		CPPUNIT_ASSERT_MESSAGE(describe(d), d.state == Delivery::State::ACCEPTED);
	}

	void testRefusedCredentialsStopTheTransport()
	{
		// 535 is not a message's fate: the transport says the credentials
		// were refused, with the server's reply, and sends nothing.
		const std::string certs = SmtpPeer::certificates();
		auto peer =
			SmtpPeer::aiosmtpd({"--starttls", certs + "/cert.pem", certs + "/key.pem", "--user", "erp", "s3cret-pass"});
		for (const char* method: {"login", "plain"})
		{
			SmtpTransport transport(configured(peer->port(), "starttls",
											   {{"smtp.cafile", certs + "/cert.pem"},
												{"smtp.username", "erp"},
												{"smtp.password", "not-the-password"},
												{"smtp.auth", method}}));
			std::string what;
			try
			{
				const Delivery d = transport.send(message("customer@example.com"));
				what = "no exception: " + describe(d);
			}
			catch (const reminders::CredentialsRefused& refused)
			{
				CPPUNIT_ASSERT_EQUAL(535, refused.code());
				CPPUNIT_ASSERT_MESSAGE(refused.what(), contains(refused.what(), "authentication failed: 535"));
				CPPUNIT_ASSERT_MESSAGE(refused.what(), !contains(refused.what(), "not-the-password"));
			}
			CPPUNIT_ASSERT_MESSAGE(std::string(method) + ": " + what, what.empty());
		}
		CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
	}

	void testRefusedCredentialsEndARealRun()
	{
		// The plugin as installed, its relay refusing the password: one AUTH
		// per transport, nothing deferred, the report failed and recorded.
		const std::string certs = SmtpPeer::certificates();
		auto peer =
			SmtpPeer::aiosmtpd({"--starttls", certs + "/cert.pem", certs + "/key.pem", "--user", "erp", "s3cret-pass"});
		tests::TestHost host(tests::TestHost::remindersPluginsDirectory(), true, "",
							 relayWithPassword(peer->port(), certs, "not-the-password"));
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/settings",
											R"({"enabled": true, "from_address": "billing@example.com",
												"owner_email": "owner@example.com", "days_after_due": 0,
												"fallback_language": "en"})")
									  .status);
		for (const char* name: {"a", "b"})
			host.createInvoice(host.createCustomer(name, std::string(name) + "@example.com"), std::string("A-") + name,
							   "50");
		auto run = tests::runToEnd(host).object();
		const std::string summary = run->getObject("background")->getValue<std::string>("summary");
		CPPUNIT_ASSERT_MESSAGE(summary, contains(summary, "refused the credentials"));
		const std::string path = "/api/plugins/reminders/runs/" + std::to_string(run->getValue<Poco::Int64>("id"));

		const std::string alert = run->getObject("alert")->getValue<std::string>("message");
		CPPUNIT_ASSERT_MESSAGE(alert, contains(alert, "The mail server refused the reminders' credentials: 535"));
		CPPUNIT_ASSERT_MESSAGE(alert, contains(alert, "no reminder was sent"));
		CPPUNIT_ASSERT_EQUAL(2, run->getObject("counts")->getValue<int>("failed"));
		CPPUNIT_ASSERT_EQUAL(std::string("done"), run->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("failed"), run->getValue<std::string>("report"));
		auto report = run->getArray("reports")->getObject(0);
		CPPUNIT_ASSERT_MESSAGE(report->getValue<std::string>("reply_text"),
							   contains(report->getValue<std::string>("reply_text"), "authentication failed: 535"));
		CPPUNIT_ASSERT(!contains(host.call("GET", path).body, "not-the-password"));

		// Asked again: the week is done and the failed report is not retried.
		CPPUNIT_ASSERT_EQUAL(200, host.call("POST", "/api/plugins/reminders/runs", "{}").status);
		report = host.call("GET", path).object()->getArray("reports")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(1, report->getValue<int>("attempts"));
		CPPUNIT_ASSERT_EQUAL(0, peer->delivered());
	}

	void testDeliverySavedOnTheEmailTab()
	{
		// The configuration spools; an administrator chooses SMTP on the
		// Email tab; the next run sends through it, nothing to the spool.
		auto peer = SmtpPeer::sink({});
		tests::TestHost host(tests::TestHost::remindersPluginsDirectory(), true);
		const std::string settingsPath = "/api/plugins/reminders/settings";
		CPPUNIT_ASSERT_EQUAL(std::string("spool"),
							 host.call("GET", settingsPath).object()->getValue<std::string>("delivery"));
		tests::Reply saved = host.call("PUT", settingsPath,
									   R"({"enabled": true, "from_address": "billing@example.com",
										   "owner_email": "owner@example.com", "days_after_due": 0,
										   "fallback_language": "en", "delivery": "smtp", "smtp_host": "127.0.0.1",
										   "smtp_tls": "none", "smtp_port": )" +
										   std::to_string(peer->port()) + "}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 200, saved.status);
		CPPUNIT_ASSERT_EQUAL(std::string("smtp"), saved.object()->getValue<std::string>("delivery"));
		for (const char* name: {"a", "b"})
			host.createInvoice(host.createCustomer(name, std::string(name) + "@example.com"), std::string("A-") + name,
							   "50");
		tests::runToEnd(host);
		// Two reminders and the owner's report.
		CPPUNIT_ASSERT_EQUAL(3, peer->delivered());
		Poco::File spool(host.folder() + "/spool");
		std::vector<std::string> spooled;
		if (spool.exists()) spool.list(spooled);
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), spooled.size());

		// Back to the spool: the SMTP values stay saved for a later switch.
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", settingsPath, R"({"delivery": "spool"})").status);
		auto now = host.call("GET", settingsPath).object();
		CPPUNIT_ASSERT_EQUAL(std::string("spool"), now->getValue<std::string>("delivery"));
		CPPUNIT_ASSERT_EQUAL(std::string("127.0.0.1"), now->getValue<std::string>("smtp_host"));
	}

	void testSavedPasswordWinsOverTheConfiguration()
	{
		// The configuration names the relay with a stale password; the
		// administrator types the right one on the Email tab, write-only.
		const std::string certs = SmtpPeer::certificates();
		auto peer =
			SmtpPeer::aiosmtpd({"--starttls", certs + "/cert.pem", certs + "/key.pem", "--user", "erp", "s3cret-pass"});
		tests::TestHost host(tests::TestHost::remindersPluginsDirectory(), true, "",
							 relayWithPassword(peer->port(), certs, "stale-password"));
		const std::string settingsPath = "/api/plugins/reminders/settings";
		auto before = host.call("GET", settingsPath).object();
		CPPUNIT_ASSERT_EQUAL(std::string("smtp"), before->getValue<std::string>("delivery"));
		CPPUNIT_ASSERT_EQUAL(peer->port(), before->getValue<int>("smtp_port"));
		CPPUNIT_ASSERT(before->getValue<bool>("smtp_password_set"));
		tests::Reply saved = host.call("PUT", settingsPath,
									   R"({"enabled": true, "from_address": "billing@example.com",
										   "owner_email": "owner@example.com", "days_after_due": 0,
										   "fallback_language": "en", "smtp_password": "s3cret-pass"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 200, saved.status);
		CPPUNIT_ASSERT(!contains(saved.body, "s3cret-pass"));
		CPPUNIT_ASSERT(!contains(host.call("GET", settingsPath).body, "s3cret-pass"));
		const std::string audit = host.call("GET", "/api/audit?action=reminders.settings.update").body;
		CPPUNIT_ASSERT_MESSAGE(audit, contains(audit, "smtp_password"));
		CPPUNIT_ASSERT_MESSAGE(audit, !contains(audit, "s3cret-pass") && !contains(audit, "stale-password"));

		host.createInvoice(host.createCustomer("a", "a@example.com"), "A-1", "50");
		tests::runToEnd(host);
		CPPUNIT_ASSERT_EQUAL(2, peer->delivered());
	}

	void testTestEmail()
	{
		auto peer = SmtpPeer::sink({});
		tests::TestHost host(tests::TestHost::remindersPluginsDirectory(), true);
		const std::string path = "/api/plugins/reminders/test-email";
		const std::string settingsPath = "/api/plugins/reminders/settings";

		// No sender yet: refused, nothing sent, nothing audited.
		tests::Reply early = host.call("POST", path, R"({"to": "owner@example.com"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(early.body, 400, early.status);
		CPPUNIT_ASSERT_EQUAL(std::string("from_address"), early.errorField());
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", settingsPath, R"({"from_address": "billing@example.com"})").status);

		// The configuration's spool.
		tests::Reply spooled = host.call("POST", path, R"({"to": "owner@example.com"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(spooled.body, 200, spooled.status);
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), spooled.object()->getValue<std::string>("state"));
		std::vector<std::string> files;
		Poco::File(host.folder() + "/spool").list(files);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), files.size());

		// SMTP, saved on the Email tab: the server's reply comes back.
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", settingsPath,
											R"({"delivery": "smtp", "smtp_host": "127.0.0.1", "smtp_tls": "none",
												"smtp_port": )" +
												std::to_string(peer->port()) + "}")
									  .status);
		tests::Reply accepted = host.call("POST", path, R"({"to": "owner@example.com", "language": "en"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(accepted.body, 200, accepted.status);
		auto answer = accepted.object();
		CPPUNIT_ASSERT_EQUAL(std::string("accepted"), answer->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(250, answer->getValue<int>("reply_code"));
		CPPUNIT_ASSERT_MESSAGE(accepted.body, contains(answer->getValue<std::string>("summary"), "127.0.0.1"));
		CPPUNIT_ASSERT_EQUAL(1, peer->delivered());

		// Nothing listening: an honest "deferred" with the reason, not a 500.
		peer.reset();
		tests::Reply nobody = host.call("POST", path, R"({"to": "owner@example.com"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(nobody.body, 200, nobody.status);
		CPPUNIT_ASSERT_EQUAL(std::string("deferred"), nobody.object()->getValue<std::string>("state"));
		CPPUNIT_ASSERT(!nobody.object()->isNull("reply_text"));

		// Administrators only; a bad address changes nothing.
		CPPUNIT_ASSERT_EQUAL(
			403, host.call("POST", path, R"({"to": "owner@example.com"})", tests::TestHost::ACCOUNTANT).status);
		tests::Reply bad = host.call("POST", path, R"({"to": "owner"})");
		CPPUNIT_ASSERT_EQUAL(400, bad.status);
		CPPUNIT_ASSERT_EQUAL(std::string("to"), bad.errorField());
		CPPUNIT_ASSERT_EQUAL(3, host.auditCount("reminders.test_email"));
	}

	void testOneReturnPathPerMessage()
	{
		// A real run with reminders.bounces.*: each message's MAIL FROM (as
		// smtp-sink records it, "X-Mail-Args: <...>") is its own return
		// path; its From header is the business's.
		auto peer = SmtpPeer::sink({});
		const std::string key = "0123456789abcdef0123456789abcdef";
		tests::TestHost host(tests::TestHost::remindersPluginsDirectory(), true, "",
							 {{"reminders.smtp.host", "127.0.0.1"},
							  {"reminders.smtp.port", std::to_string(peer->port())},
							  {"reminders.smtp.tls", "none"},
							  {"reminders.bounces.address", "bounces@example.com"},
							  {"reminders.bounces.key", key}});
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/settings",
											R"({"enabled": true, "from_address": "billing@example.com",
												"owner_email": "owner@example.com", "days_after_due": 0,
												"fallback_language": "en"})")
									  .status);
		for (const char* name: {"a", "b"})
			host.createInvoice(host.createCustomer(name, std::string(name) + "@example.com"), std::string("A-") + name,
							   "50");
		tests::runToEnd(host);
		const reminders::ReturnPath path("bounces@example.com", key);
		std::set<std::string> tags;
		const std::vector<std::string> messages = peer->messages();
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), messages.size());
		for (const std::string& text: messages)
		{
			const std::string field = "X-Mail-Args: <";
			const std::size_t from = text.find(field);
			CPPUNIT_ASSERT_MESSAGE(text.substr(0, 400), from != std::string::npos);
			const std::size_t start = from + field.size();
			const std::string sender = text.substr(start, text.find('>', start) - start);
			const std::optional<std::string> tag = path.tagOf(sender);
			CPPUNIT_ASSERT_MESSAGE(sender, tag.has_value());
			// The tag is the message's own Message-ID.
			CPPUNIT_ASSERT_MESSAGE(sender, contains(text, "Message-ID: <" + *tag + "@example.com>"));
			CPPUNIT_ASSERT(contains(text, "billing@example.com>") || contains(text, "From: billing@example.com"));
			tags.insert(*tag);
		}
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), tags.size());
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SmtpTransportTest, "smtp");
