//
// BounceReadingTest.cpp
//
// The bounce mailbox end to end: a real run with a return path per
// message, a bounce of one of its messages delivered into a Maildir, read
// through the API: the invoice's history says bounced, with the remote
// server's words; forged and automatic mail changes nothing.
//


#include "HostFixture.h"
#include "RunWait.h"
#include "plugin/mail/ReturnPath.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


namespace {

const std::string KEY = "a-test-key-of-more-than-16-characters";
const std::string SAMPLE_PATH = "bounces+r12.c345.9f3a0c1d2e4b5a69.8d2c41f0aa@example.gr";

std::string sample(const std::string& name)
{
	Poco::FileInputStream in(std::string(ERP_SOURCE_DIR) + "/tests/bounces/samples/" + name);
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	return text;
}

std::vector<std::string> namesIn(const std::string& folder)
{
	std::vector<std::string> names;
	for (Poco::DirectoryIterator it(folder), end; it != end; ++it)
		names.push_back(it.name());
	return names;
}

} // namespace


class BounceReadingTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(BounceReadingTest);
	CPPUNIT_TEST(testABounceEndsInTheHistory);
	CPPUNIT_TEST(testAMailboxWithoutReturnPathsIsRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_maildir = Poco::TemporaryFile::tempName();
		for (const char* sub: {"/new", "/cur", "/tmp"})
			Poco::File(_maildir + sub).createDirectories();
	}

	void tearDown()
	{
		Poco::File(_maildir).remove(true);
	}

	void testABounceEndsInTheHistory()
	{
		TestHost host(TestHost::remindersPluginsDirectory(), true, "",
					  {{"reminders.bounces.address", "bounces@example.com"},
					   {"reminders.bounces.key", KEY},
					   {"reminders.bounces.maildir", _maildir}});
		CPPUNIT_ASSERT(host.call("GET", "/api/plugins").body.find("reminders.bounces") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(200, host.call("PUT", "/api/plugins/reminders/settings",
											R"({"enabled": true, "from_address": "billing@example.com",
												"days_after_due": 0, "fallback_language": "en"})")
									  .status);
		const Poco::Int64 invoice =
			host.createInvoice(host.createCustomer("A", "nobody@customer.example"), "B-1", "50");
		tests::runToEnd(host);
		const std::string historyPath =
			"/api/plugins/reminders/invoices/" + std::to_string(invoice) + "/history?language=en";
		auto sent = host.call("GET", historyPath).object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), sent->getValue<std::string>("state"));
		const std::string messageId = sent->getValue<std::string>("message_id");

		// Into the Maildir: the bounce of that message, the same with a
		// forged check, and a vacation notice.
		const std::string returnPath = reminders::ReturnPath("bounces@example.com", KEY).forMessage(messageId);
		const std::string bounce = Poco::replace(sample("postfix-user-unknown.eml"), SAMPLE_PATH, returnPath);
		std::string forgedPath = returnPath;
		char& lastDigit = forgedPath[forgedPath.find('@') - 1];
		lastDigit = lastDigit == '0' ? '1' : '0';
		const std::string forged = Poco::replace(bounce, returnPath, forgedPath);
		deliver("1733554801.M1P1.mx", bounce);
		deliver("1733554802.M2P1.mx", forged);
		deliver("1733554803.M3P1.mx", sample("vacation-rfc3834.eml"));

		CPPUNIT_ASSERT_EQUAL(
			403, host.call("POST", "/api/plugins/reminders/bounces/read", "{}", TestHost::ACCOUNTANT).status);
		Reply read = host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(read.body, 200, read.status);
		CPPUNIT_ASSERT_EQUAL(3, read.object()->getValue<int>("read"));
		CPPUNIT_ASSERT_EQUAL(1, read.object()->getValue<int>("bounced"));
		CPPUNIT_ASSERT_EQUAL(2, read.object()->getValue<int>("ignored"));

		auto bounced = host.call("GET", historyPath).object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("bounced"), bounced->getValue<std::string>("state"));
		CPPUNIT_ASSERT_EQUAL(std::string("bounced: the recipient's mail server did not deliver it"),
							 bounced->getValue<std::string>("state_text"));
		CPPUNIT_ASSERT_EQUAL(std::string("5.1.1"), bounced->getObject("bounce")->getValue<std::string>("status"));
		CPPUNIT_ASSERT(bounced->getObject("bounce")->getValue<bool>("permanent"));
		CPPUNIT_ASSERT(bounced->getValue<std::string>("reply_text").find("User unknown") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.bounce"));

		// The address is left out of the next weeks, and says why, until an
		// accountant lifts it.
		const std::string previewPath = "/api/plugins/reminders/preview?date=2026-12-14";
		auto skipped = host.call("GET", previewPath).object()->getArray("skipped");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), skipped->size());
		CPPUNIT_ASSERT_EQUAL(std::string("address_bounced"), skipped->getObject(0)->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("nobody@customer.example"),
							 skipped->getObject(0)->getValue<std::string>("email"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(10), skipped->getObject(0)->getValue<std::string>("bounced_on").size());
		CPPUNIT_ASSERT_EQUAL(std::size_t(0), host.call("GET", previewPath).object()->getArray("messages")->size());
		Reply lifted = host.call("POST", "/api/plugins/reminders/bounces/lift",
								 R"({"address": "Nobody@Customer.example"})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(lifted.body, 200, lifted.status);
		CPPUNIT_ASSERT_EQUAL(1, lifted.object()->getValue<int>("lifted"));
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.bounce.lift"));
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), host.call("GET", previewPath).object()->getArray("messages")->size());
		CPPUNIT_ASSERT_EQUAL(404, host.call("POST", "/api/plugins/reminders/bounces/lift",
											R"({"address": "nobody@customer.example"})", TestHost::ACCOUNTANT)
									  .status);

		// Every message read is moved to cur/, marked seen; none is read again.
		CPPUNIT_ASSERT(namesIn(_maildir + "/new").empty());
		const std::vector<std::string> done = namesIn(_maildir + "/cur");
		CPPUNIT_ASSERT_EQUAL(std::size_t(3), done.size());
		for (const std::string& name: done)
			CPPUNIT_ASSERT_MESSAGE(name, name.size() > 4 && name.substr(name.size() - 4) == ":2,S");
		CPPUNIT_ASSERT_EQUAL(
			0, host.call("POST", "/api/plugins/reminders/bounces/read", "{}").object()->getValue<int>("read"));

		// The same file again (a crash after the commit, before the move):
		// read, not counted twice.
		deliver("1733554801.M1P1.mx", bounce);
		host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL(1, host.auditCount("reminders.bounce"));
		CPPUNIT_ASSERT(namesIn(_maildir + "/new").empty());

		// A later "delayed" report never undoes the bounce.
		deliver("1733554809.M9P1.mx",
				Poco::replace(sample("postfix-delayed.eml"),
							  std::string("bounces+r12.c346.0a1b2c3d4e5f6071.5be0c2d911@example.gr"), returnPath));
		host.call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL(
			std::string("bounced"),
			host.call("GET", historyPath).object()->getArray("items")->getObject(0)->getValue<std::string>("state"));
	}

	void testAMailboxWithoutReturnPathsIsRefused()
	{
		TestHost host(TestHost::remindersPluginsDirectory(), true, "", {{"reminders.bounces.maildir", _maildir}});
		const std::string plugins = host.call("GET", "/api/plugins").body;
		CPPUNIT_ASSERT_MESSAGE(plugins, plugins.find("refused") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(plugins, plugins.find("reminders.bounces.address") != std::string::npos);
	}

private:
	void deliver(const std::string& name, const std::string& content)
	{
		// As a mail server does: written in tmp/, then moved into new/.
		{
			Poco::FileOutputStream out(_maildir + "/tmp/" + name);
			out << content;
		}
		Poco::File(_maildir + "/tmp/" + name).renameTo(_maildir + "/new/" + name);
	}

	std::string _maildir;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(BounceReadingTest, "plugin");
