//
// HttpsTest.cpp
//
// The host's own HTTPS listener (http.tls.*): the API over TLS with the
// certificate a client can verify, nothing served in plain text on that
// port, the minimum protocol version enforced, and every unusable
// certificate or key refused at start with its configuration key named.
//


#include "TestCertificates.h"
#include "TestHost.h"
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <memory>
#include <string>


using tests::TestCertificates;
using tests::TestHost;


namespace {


std::map<std::string, std::string> tls(const std::string& certificate, const std::string& key,
									   const std::string& minVersion = "")
{
	std::map<std::string, std::string> keys;
	if (!certificate.empty()) keys["http.tls.certificate"] = TestCertificates::folder() + "/" + certificate;
	if (!key.empty()) keys["http.tls.key"] = TestCertificates::folder() + "/" + key;
	if (!minVersion.empty()) keys["http.tls.min_version"] = minVersion;
	return keys;
}


Poco::Net::Context::Ptr client(Poco::Net::Context::Protocols lowest, int disabled,
							   const std::string& ciphers = "HIGH:!aNULL")
/// A client that trusts the test CA only and checks the name strictly.
{
	Poco::Net::Context::Ptr context =
		new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", TestCertificates::folder() + "/ca.pem",
							   Poco::Net::Context::VERIFY_STRICT, 9, false, ciphers);
	context->requireMinimumProtocol(lowest);
	if (disabled != 0) context->disableProtocols(disabled);
	return context;
}


} // namespace


class HttpsTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(HttpsTest);
	CPPUNIT_TEST(testApiOverTls);
	CPPUNIT_TEST(testUnknownIssuerRefusedByAVerifyingClient);
	CPPUNIT_TEST(testPlainHttpOnTheTlsPortIsNotServed);
	CPPUNIT_TEST(testMinimumVersionIsEnforced);
	CPPUNIT_TEST(testOldProtocolsRefused);
	CPPUNIT_TEST(testUnusableMaterialRefusedWithTheKeyNamed);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		Poco::Net::initializeSSL();
	}

	void tearDown() override
	{
		Poco::Net::uninitializeSSL();
	}

	void testApiOverTls()
	{
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", tls("leaf-cert.pem", "leaf-key.pem"));
		host.createCustomer("Ακρόπολις ΑΕ", "a@example.gr");
		Poco::Net::HTTPSClientSession session("localhost", static_cast<Poco::UInt16>(host.runtime().httpPort()),
											  client(Poco::Net::Context::PROTO_TLSV1_2, 0));
		Poco::Net::HTTPRequest request("GET", "/api/customers", Poco::Net::HTTPMessage::HTTP_1_1);
		request.set("Authorization", "Bearer " + TestHost::ADMIN);
		session.sendRequest(request);
		Poco::Net::HTTPResponse response;
		std::string body;
		Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(body, Poco::Net::HTTPResponse::HTTP_OK, response.getStatus());
		CPPUNIT_ASSERT_MESSAGE(body, body.find("Ακρόπολις ΑΕ") != std::string::npos);
	}

	void testUnknownIssuerRefusedByAVerifyingClient()
	{
		// The self-signed certificate is not the CA's: a verifying client
		// refuses it (what the documentation tells administrators about
		// certificates their clients do not trust).
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", tls("cert.pem", "key.pem"));
		Poco::Net::SecureStreamSocket socket(client(Poco::Net::Context::PROTO_TLSV1_2, 0));
		CPPUNIT_ASSERT_THROW(
			{
				socket.connect(Poco::Net::SocketAddress("127.0.0.1", host.runtime().httpPort()));
				socket.completeHandshake();
			},
			Poco::Exception);
	}

	void testPlainHttpOnTheTlsPortIsNotServed()
	{
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", tls("leaf-cert.pem", "leaf-key.pem"));
		Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", host.runtime().httpPort()));
		socket.setReceiveTimeout(Poco::Timespan(10, 0));
		const std::string request =
			"GET /api/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestHost::ADMIN + "\r\n\r\n";
		socket.sendBytes(request.data(), static_cast<int>(request.size()));
		std::string received;
		char buffer[4096];
		try
		{
			for (int n; (n = socket.receiveBytes(buffer, sizeof(buffer))) > 0;)
				received.append(buffer, static_cast<std::size_t>(n));
		}
		catch (Poco::Exception&)
		{
			// A reset: the host gave up on the handshake.
		}
		CPPUNIT_ASSERT_MESSAGE(received, received.find("HTTP/1.1") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(received, received.find("items") == std::string::npos);
	}

	void testMinimumVersionIsEnforced()
	{
		// http.tls.min_version = 1.3: a client that speaks at most TLS 1.2
		// is refused; a TLS 1.3 client is served.
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", tls("leaf-cert.pem", "leaf-key.pem", "1.3"));
		const Poco::Net::SocketAddress address("127.0.0.1", host.runtime().httpPort());
		Poco::Net::SecureStreamSocket old(client(Poco::Net::Context::PROTO_TLSV1_2, Poco::Net::Context::PROTO_TLSV1_3));
		old.setPeerHostName("localhost");
		CPPUNIT_ASSERT_THROW(
			{
				old.connect(address);
				old.completeHandshake();
			},
			Poco::Exception);
		Poco::Net::SecureStreamSocket current(client(Poco::Net::Context::PROTO_TLSV1_3, 0));
		current.setPeerHostName("localhost");
		current.connect(address);
		CPPUNIT_ASSERT_EQUAL(1, current.completeHandshake());
	}

	void testOldProtocolsRefused()
	{
		// A client that offers only TLS 1.1 (and lowers its own security
		// level to be able to) is refused by the default minimum, 1.2.
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", tls("leaf-cert.pem", "leaf-key.pem"));
		Poco::Net::SecureStreamSocket old(client(Poco::Net::Context::PROTO_TLSV1_1,
												 Poco::Net::Context::PROTO_TLSV1_2 | Poco::Net::Context::PROTO_TLSV1_3,
												 "DEFAULT:@SECLEVEL=0"));
		old.setPeerHostName("localhost");
		CPPUNIT_ASSERT_THROW(
			{
				old.connect(Poco::Net::SocketAddress("127.0.0.1", host.runtime().httpPort()));
				old.completeHandshake();
			},
			Poco::Exception);
	}

	void testUnusableMaterialRefusedWithTheKeyNamed()
	{
		const std::string folder = TestCertificates::folder();
		expectRefused(tls("leaf-cert.pem", ""), "http.tls.key must be set");
		expectRefused(tls("", "leaf-key.pem"), "http.tls.certificate must be set");
		expectRefused(tls("no-such-cert.pem", "leaf-key.pem"), "http.tls.certificate: " + folder + "/no-such-cert.pem");
		expectRefused(tls("leaf-cert.pem", "wrong-key.pem"), "does not belong to the certificate");
		expectRefused(tls("leaf-key.pem", "leaf-key.pem"), "holds no PEM certificate");
		expectRefused(tls("leaf-cert.pem", "leaf-cert.pem"), "holds no PEM private key");
		expectRefused(tls("leaf-cert.pem", "leaf-key.pem", "1.1"), "http.tls.min_version must be 1.2 or 1.3");
	}

private:
	static void expectRefused(const std::map<std::string, std::string>& keys, const std::string& words)
	{
		try
		{
			TestHost host(TestHost::remindersPluginsDirectory(), true, "", keys);
			CPPUNIT_FAIL("the host started with an unusable TLS configuration; expected: " + words);
		}
		catch (Poco::InvalidArgumentException& e)
		{
			CPPUNIT_ASSERT_MESSAGE(e.displayText(), e.displayText().find(words) != std::string::npos);
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(HttpsTest, "host_door");
