//
// Pop3MailboxTest.cpp
//
// The bounce mailbox over POP3 with TLS, against a real local server
// (pop3_peer.py): a real run's bounce read through the API and deleted
// only after it is committed; a connection dropped before QUIT leaves the
// messages, and the next read does not count them twice; a wrong password
// and an untrusted certificate change nothing and say why.
//


#include "Pop3Peer.h"
#include "RunWait.h"
#include "TestCertificates.h"
#include "TestHost.h"
#include "plugin/mail/ReturnPath.h"
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <cppunit/extensions/HelperMacros.h>


using tests::Pop3Peer;
using tests::Reply;
using tests::TestCertificates;
using tests::TestHost;


namespace {

const std::string KEY = "a-test-key-of-more-than-16-characters";
const std::string SAMPLE_PATH = "bounces+r12.c345.9f3a0c1d2e4b5a69.8d2c41f0aa@example.gr";
const std::string USER = "bounces";
const std::string PASSWORD = "s3cret pass";

std::string sample(const std::string& name)
{
	Poco::FileInputStream in(std::string(ERP_SOURCE_DIR) + "/tests/bounces/samples/" + name);
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	return text;
}

std::map<std::string, std::string> pop3Config(const Pop3Peer& peer, const std::string& tls,
											  const std::string& password = PASSWORD)
{
	return {{"reminders.bounces.address", "bounces@example.com"},
			{"reminders.bounces.key", KEY},
			{"reminders.bounces.pop3.host", "127.0.0.1"},
			{"reminders.bounces.pop3.port", std::to_string(peer.port())},
			{"reminders.bounces.pop3.tls", tls},
			{"reminders.bounces.pop3.username", USER},
			{"reminders.bounces.pop3.password", password},
			{"reminders.bounces.pop3.cafile", TestCertificates::folder() + "/ca.pem"},
			{"reminders.bounces.pop3.timeout_seconds", "10"}};
}

struct Sent
{
	std::string historyPath;
	std::string bounce; /// the bounce of the reminder, as its return path receives it
};

// A week's run in the spool, and the bounce of its one reminder.
Sent runAWeek(TestHost& host)
{
	CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/settings",
										R"({"enabled": true, "from_address": "billing@example.com",
											"days_after_due": 0, "fallback_language": "en"})")
								  .status);
	const Poco::Int64 invoice = host.createInvoice(host.createCustomer("A", "nobody@customer.example"), "B-1", "50");
	tests::runToEnd(host); // 202, then followed to its end
	Sent sent;
	sent.historyPath = "/api/plugins/reminders/invoices/" + std::to_string(invoice) + "/history?language=en";
	const std::string messageId = host.call("GET", sent.historyPath)
									  .object()
									  ->getArray("items")
									  ->getObject(0)
									  ->getValue<std::string>("message_id");
	const std::string returnPath = reminders::ReturnPath("bounces@example.com", KEY).forMessage(messageId);
	sent.bounce = Poco::replace(sample("postfix-user-unknown.eml"), SAMPLE_PATH, returnPath);
	return sent;
}

std::string stateOf(TestHost& host, const Sent& sent)
{
	return host.call("GET", sent.historyPath).object()->getArray("items")->getObject(0)->getValue<std::string>("state");
}

} // namespace


class Pop3MailboxTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(Pop3MailboxTest);
	CPPUNIT_TEST(testReadAndDeletedAfterTheCommit);
	CPPUNIT_TEST(testADroppedQuitLeavesThemAndNothingCountsTwice);
	CPPUNIT_TEST(testAWrongPasswordChangesNothing);
	CPPUNIT_TEST(testAnUntrustedCertificateIsRefused);
	CPPUNIT_TEST(testBadSettingsStopTheStart);
	CPPUNIT_TEST_SUITE_END();

public:
	void testReadAndDeletedAfterTheCommit()
	{
		const std::string certs = TestCertificates::folder();
		Pop3Peer peer("implicit", certs + "/leaf-cert.pem", certs + "/leaf-key.pem", USER, PASSWORD);
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", pop3Config(peer, "implicit"));
		const Sent sent = runAWeek(host);
		peer.put("1733554801.1", sent.bounce);
		peer.put("1733554802.2", sample("vacation-rfc3834.eml"));

		Reply read = host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(read.body, 200, read.status);
		CPPUNIT_ASSERT_EQUAL(2, read.object()->getValue<int>("read"));
		CPPUNIT_ASSERT_EQUAL(1, read.object()->getValue<int>("bounced"));
		CPPUNIT_ASSERT_EQUAL(1, read.object()->getValue<int>("ignored"));
		CPPUNIT_ASSERT(read.object()->getValue<std::string>("mailbox").find("POP3 bounces@127.0.0.1") == 0);
		CPPUNIT_ASSERT_EQUAL(std::string("bounced"), stateOf(host, sent));
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.bounce"));
		// Both deleted at QUIT, after their results were committed.
		CPPUNIT_ASSERT(peer.uids().empty());
		CPPUNIT_ASSERT_MESSAGE(peer.log(), peer.log().find("deleted 2") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(
			0, host.call("POST", "/api/plugins/reminders/bounces/read", "{}").object()->getValue<int>("read"));

		// The timer's task reads the same way.
		peer.put("1733554803.3", sample("exchange-out-of-office.eml"));
		const erp::TaskResult task = host.runtime().runTask("reminders.bounces", "", false, "test");
		CPPUNIT_ASSERT_MESSAGE(task.summary, task.ok);
		CPPUNIT_ASSERT_MESSAGE(task.summary, task.summary.find("1 read from the bounce mailbox") == 0);
		CPPUNIT_ASSERT(peer.uids().empty());
	}

	void testADroppedQuitLeavesThemAndNothingCountsTwice()
	{
		const std::string certs = TestCertificates::folder();
		Pop3Peer peer("stls", certs + "/leaf-cert.pem", certs + "/leaf-key.pem", USER, PASSWORD);
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", pop3Config(peer, "stls"));
		const Sent sent = runAWeek(host);
		peer.put("1733554801.1", sent.bounce);
		peer.dropAtNextQuit();

		// Committed, but the server never confirmed the deletion: still there.
		Reply first = host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 200, first.status);
		CPPUNIT_ASSERT_EQUAL(1, first.object()->getValue<int>("bounced"));
		CPPUNIT_ASSERT_MESSAGE(peer.log(), peer.log().find("dropped at QUIT") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), peer.uids().size());
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.bounce"));

		// Read again: known by its unique id, not counted twice, now deleted.
		Reply second = host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(second.body, 200, second.status);
		CPPUNIT_ASSERT_EQUAL(1, second.object()->getValue<int>("read"));
		CPPUNIT_ASSERT_EQUAL(0, second.object()->getValue<int>("bounced"));
		CPPUNIT_ASSERT_EQUAL(1, second.object()->getValue<int>("again"));
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.bounce"));
		CPPUNIT_ASSERT(peer.uids().empty());
		CPPUNIT_ASSERT_EQUAL(std::string("bounced"), stateOf(host, sent));
	}

	void testAWrongPasswordChangesNothing()
	{
		const std::string certs = TestCertificates::folder();
		Pop3Peer peer("implicit", certs + "/leaf-cert.pem", certs + "/leaf-key.pem", USER, PASSWORD);
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", pop3Config(peer, "implicit", "wrong"));
		const Sent sent = runAWeek(host);
		peer.put("1733554801.1", sent.bounce);

		Reply read = host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(read.body, 502, read.status);
		CPPUNIT_ASSERT_EQUAL(std::string("mailbox_unavailable"), read.errorCode());
		CPPUNIT_ASSERT_MESSAGE(read.body, read.body.find("refused the login") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(read.body, read.body.find("reminders.bounces.pop3.username") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(read.body, read.body.find("invalid user name or password") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(read.body, read.body.find("wrong") == std::string::npos); // never the password
		CPPUNIT_ASSERT_EQUAL(std::string("- bounces\n"), peer.log());
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), peer.uids().size());
		// On the timer: the task fails with the reason, and changes nothing either.
		const erp::TaskResult task = host.runtime().runTask("reminders.bounces", "", false, "test");
		CPPUNIT_ASSERT(!task.ok);
		CPPUNIT_ASSERT_MESSAGE(task.summary, task.summary.find("refused the login") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), peer.uids().size());
		CPPUNIT_ASSERT_EQUAL(0, host.auditCount("reminders.bounce"));
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), stateOf(host, sent));
	}

	void testAnUntrustedCertificateIsRefused()
	{
		// A self-signed certificate, not from the configured CA.
		const std::string certs = TestCertificates::folder();
		for (const std::string tls: {"implicit", "stls"})
		{
			Pop3Peer peer(tls, certs + "/cert.pem", certs + "/key.pem", USER, PASSWORD);
			TestHost host(TestHost::remindersPluginsDirectory(), true, "", pop3Config(peer, tls));
			const Sent sent = runAWeek(host);
			peer.put("1733554801.1", sent.bounce);

			Reply read = host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(tls + ": " + read.body, 502, read.status);
			CPPUNIT_ASSERT_MESSAGE(read.body, read.body.find("the TLS connection was refused") != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(read.body, read.body.find("reminders.bounces.pop3.cafile") != std::string::npos);
			CPPUNIT_ASSERT_EQUAL(std::string(), peer.log()); // never logged in
			CPPUNIT_ASSERT_EQUAL(std::size_t(1), peer.uids().size());
			CPPUNIT_ASSERT_EQUAL(0, host.auditCount("reminders.bounce"));
		}
	}

	void testBadSettingsStopTheStart()
	{
		const std::string certs = TestCertificates::folder();
		Pop3Peer peer("implicit", certs + "/leaf-cert.pem", certs + "/leaf-key.pem", USER, PASSWORD);
		const struct
		{
			const char* key;
			const char* value;
			const char* expected;
		} table[] = {
			{"reminders.bounces.pop3.tls", "none", "reminders.bounces.pop3.tls must be implicit or stls"},
			{"reminders.bounces.pop3.password", "", "reminders.bounces.pop3.password is missing"},
			{"reminders.bounces.pop3.port", "99999", "reminders.bounces.pop3.port is not a port number"},
			{"reminders.bounces.pop3.cafile", "/nonexistent.pem", "reminders.bounces.pop3.cafile does not exist"},
			{"reminders.bounces.pop3.hots", "x", "reminders.bounces.pop3.hots is not a setting"},
			{"reminders.bounces.maildir", "/tmp", "are both set"},
			{"reminders.bounces.soft_limit", "-1", "reminders.bounces.soft_limit must be a whole number"},
		};
		for (const auto& row: table)
		{
			std::map<std::string, std::string> config = pop3Config(peer, "implicit");
			config[row.key] = row.value;
			TestHost host(TestHost::remindersPluginsDirectory(), true, "", config);
			const std::string plugins = host.call("GET", "/api/plugins").body;
			CPPUNIT_ASSERT_MESSAGE(plugins, plugins.find("refused") != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(row.expected + std::string(" in ") + plugins,
								   plugins.find(row.expected) != std::string::npos);
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(Pop3MailboxTest, "smtp");
