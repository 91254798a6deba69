//
// SettingsSectionTest.cpp
//
// The strict reader of a configuration section that SmtpSettings and
// Pop3Settings share: each rule at its edges, with the exact refusal.
//


#include "plugin/mail/SettingsSection.h"
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <functional>
#include <map>


using reminders::SettingsSection;


namespace {

// The plugin's configuration section ("bounces.pop3.host" for
// reminders.bounces.pop3.host).
Poco::AutoPtr<Poco::Util::MapConfiguration> config(const std::map<std::string, std::string>& keys)
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> result(new Poco::Util::MapConfiguration);
	for (const auto& [key, value]: keys)
		result->setString(key, value);
	return result;
}

SettingsSection pop3(const Poco::Util::AbstractConfiguration& configuration)
{
	return SettingsSection(configuration, "bounces.pop3", {"host", "port", "tls"});
}

// What reading the section says: the refusal's message, or "" when it was taken.
std::string refusal(const std::map<std::string, std::string>& keys,
					const std::function<void(const SettingsSection&)>& read)
{
	const auto configuration = config(keys);
	try
	{
		read(pop3(*configuration));
		return "";
	}
	catch (Poco::InvalidArgumentException& e)
	{
		return e.message();
	}
}

// The same, with `value` as bounces.pop3.port.
std::string portRefusal(const std::string& value, const std::function<void(const SettingsSection&)>& read)
{
	return refusal({{"bounces.pop3.port", value}}, read);
}

} // namespace


class SettingsSectionTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SettingsSectionTest);
	CPPUNIT_TEST(testConfigured);
	CPPUNIT_TEST(testUnknownKeysAreRefused);
	CPPUNIT_TEST(testRequire);
	CPPUNIT_TEST(testText);
	CPPUNIT_TEST(testWord);
	CPPUNIT_TEST(testChoice);
	CPPUNIT_TEST(testInteger);
	CPPUNIT_TEST(testPort);
	CPPUNIT_TEST(testPositive);
	CPPUNIT_TEST(testBetween);
	CPPUNIT_TEST(testDecimal);
	CPPUNIT_TEST(testCaFile);
	CPPUNIT_TEST_SUITE_END();

public:
	void testConfigured()
	{
		CPPUNIT_ASSERT(!pop3(*config({})).configured());
		// Another section's keys, or one that only begins alike, do not count.
		CPPUNIT_ASSERT(!pop3(*config({{"smtp.host", "a"}, {"bounces.pop3x", "b"}})).configured());
		CPPUNIT_ASSERT(pop3(*config({{"bounces.pop3.port", "110"}})).configured());
		// Set, even empty, or unknown: still configured.
		CPPUNIT_ASSERT(pop3(*config({{"bounces.pop3.host", ""}})).configured());
		CPPUNIT_ASSERT(pop3(*config({{"bounces.pop3.prot", "110"}})).configured());
	}

	void testUnknownKeysAreRefused()
	{
		const auto unknown = [](const SettingsSection& s) { s.refuseUnknownKeys(); };
		CPPUNIT_ASSERT_EQUAL(std::string(), refusal({}, unknown));
		CPPUNIT_ASSERT_EQUAL(
			std::string(),
			refusal({{"bounces.pop3.host", "h"}, {"bounces.pop3.port", "1"}, {"bounces.pop3.tls", "x"}}, unknown));
		CPPUNIT_ASSERT_EQUAL(std::string(), refusal({{"smtp.prot", "25"}, {"bounces.maildir", "/m"}}, unknown));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.prot is not a setting (known: host, port, tls)"),
							 refusal({{"bounces.pop3.host", "h"}, {"bounces.pop3.prot", "110"}}, unknown));
		// Names are compared exactly.
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.Host is not a setting (known: host, port, tls)"),
							 refusal({{"bounces.pop3.Host", "h"}}, unknown));
	}

	void testRequire()
	{
		const auto host = [](const SettingsSection& s) { s.require("host"); };
		CPPUNIT_ASSERT_EQUAL(
			std::string("reminders.bounces.pop3.host is missing, but other reminders.bounces.pop3 settings are set"),
			refusal({{"bounces.pop3.port", "110"}}, host));
		// Set, even empty: the value's own rules judge it.
		CPPUNIT_ASSERT_EQUAL(std::string(), refusal({{"bounces.pop3.host", ""}}, host));
	}

	void testText()
	{
		const auto configuration = config({{"bounces.pop3.host", " two words "}, {"bounces.pop3.tls", ""}});
		const SettingsSection section = pop3(*configuration);
		CPPUNIT_ASSERT_EQUAL(std::string(" two words "), section.text("host", "fallback"));
		CPPUNIT_ASSERT_EQUAL(std::string(), section.text("tls", "fallback"));
		CPPUNIT_ASSERT_EQUAL(std::string("fallback"), section.text("port", "fallback"));
	}

	void testWord()
	{
		const auto configuration = config({{"bounces.pop3.host", "mail.example.com"}});
		CPPUNIT_ASSERT_EQUAL(std::string("mail.example.com"), pop3(*configuration).word("host", "x", "why"));
		CPPUNIT_ASSERT_EQUAL(std::string("fallback"), pop3(*configuration).word("tls", "fallback", "why"));
		const auto host = [](const SettingsSection& s) { s.word("host", "", "must be a host name or address"); };
		for (const std::string bad: {"", " ", "two words", "tab\there", "line\rbreak", "line\nbreak", "end "})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, std::string("reminders.bounces.pop3.host must be a host name or address"),
										 refusal({{"bounces.pop3.host", bad}}, host));
		// The fallback obeys the same rule.
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.host must be a host name or address"),
							 refusal({}, host));
	}

	void testChoice()
	{
		const auto two = [](const SettingsSection& s) { s.choice("tls", "implicit", {"implicit", "stls"}); };
		const auto three = [](const SettingsSection& s) { s.choice("tls", "a", {"a", "b", "c"}, "a note"); };
		const auto configuration = config({{"bounces.pop3.tls", "stls"}});
		CPPUNIT_ASSERT_EQUAL(std::string("stls"), pop3(*configuration).choice("tls", "implicit", {"implicit", "stls"}));
		CPPUNIT_ASSERT_EQUAL(std::string("implicit"),
							 pop3(*config({})).choice("tls", "implicit", {"implicit", "stls"}));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.tls must be implicit or stls, not \"STLS\""),
							 refusal({{"bounces.pop3.tls", "STLS"}}, two));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.tls must be implicit or stls, not \"\""),
							 refusal({{"bounces.pop3.tls", ""}}, two));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.tls must be a, b or c, not \"d\" (a note)"),
							 refusal({{"bounces.pop3.tls", "d"}}, three));
		CPPUNIT_ASSERT_EQUAL(std::string(), refusal({{"bounces.pop3.tls", "c"}}, three));
	}

	void testInteger()
	{
		const auto configuration = config({{"bounces.pop3.port", "-7"}});
		CPPUNIT_ASSERT_EQUAL(-7, pop3(*configuration).integer("port", 3));
		CPPUNIT_ASSERT_EQUAL(3, pop3(*config({})).integer("port", 3));
		CPPUNIT_ASSERT_EQUAL(2147483647, pop3(*config({{"bounces.pop3.port", "2147483647"}})).integer("port", 3));
		const auto port = [](const SettingsSection& s) { s.integer("port", 1); };
		CPPUNIT_ASSERT_EQUAL(std::string(), portRefusal("0", port));
		for (const std::string bad: {"", "x", "1.5", "12abc", "2147483648"})
			CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a whole number: \"" + bad + "\""),
								 portRefusal(bad, port));
	}

	void testPort()
	{
		const auto port = [](const SettingsSection& s) { s.port("port", 995); };
		CPPUNIT_ASSERT_EQUAL(995, pop3(*config({})).port("port", 995));
		CPPUNIT_ASSERT_EQUAL(1, pop3(*config({{"bounces.pop3.port", "1"}})).port("port", 995));
		CPPUNIT_ASSERT_EQUAL(65535, pop3(*config({{"bounces.pop3.port", "65535"}})).port("port", 995));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a port number (1 to 65535): 0"),
							 portRefusal("0", port));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a port number (1 to 65535): -1"),
							 portRefusal("-1", port));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a port number (1 to 65535): 65536"),
							 portRefusal("65536", port));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a whole number: \"pop3s\""),
							 portRefusal("pop3s", port));
	}

	void testPositive()
	{
		const auto positive = [](const SettingsSection& s) { s.positive("port", 60); };
		CPPUNIT_ASSERT_EQUAL(60, pop3(*config({})).positive("port", 60));
		CPPUNIT_ASSERT_EQUAL(1, pop3(*config({{"bounces.pop3.port", "1"}})).positive("port", 60));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port must be positive"), portRefusal("0", positive));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port must be positive"), portRefusal("-1", positive));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a whole number: \"1s\""),
							 portRefusal("1s", positive));
	}

	void testBetween()
	{
		const auto between = [](const SettingsSection& s) { s.between("port", 4, 1, 32); };
		CPPUNIT_ASSERT_EQUAL(4, pop3(*config({})).between("port", 4, 1, 32));
		CPPUNIT_ASSERT_EQUAL(1, pop3(*config({{"bounces.pop3.port", "1"}})).between("port", 4, 1, 32));
		CPPUNIT_ASSERT_EQUAL(32, pop3(*config({{"bounces.pop3.port", "32"}})).between("port", 4, 1, 32));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port must be between 1 and 32"),
							 portRefusal("0", between));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port must be between 1 and 32"),
							 portRefusal("33", between));
	}

	void testDecimal()
	{
		CPPUNIT_ASSERT_EQUAL(0.0, pop3(*config({})).decimal("port", 0));
		CPPUNIT_ASSERT_EQUAL(0.5, pop3(*config({{"bounces.pop3.port", "0.5"}})).decimal("port", 0));
		CPPUNIT_ASSERT_EQUAL(-2.0, pop3(*config({{"bounces.pop3.port", "-2"}})).decimal("port", 0));
		const auto decimal = [](const SettingsSection& s) { s.decimal("port", 0); };
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a number: \"x\""),
							 portRefusal("x", decimal));
		CPPUNIT_ASSERT_EQUAL(std::string("reminders.bounces.pop3.port is not a number: \"\""),
							 portRefusal("", decimal));
	}

	void testCaFile()
	{
		Poco::TemporaryFile folder;
		folder.createDirectories();
		const std::string empty = folder.path() + "/empty.pem";
		const std::string key = folder.path() + "/key.pem";
		const std::string ca = folder.path() + "/ca.pem";
		write(empty, "");
		write(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		write(ca, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

		CPPUNIT_ASSERT_EQUAL(std::string(), pop3(*config({})).caFile("tls"));
		CPPUNIT_ASSERT_EQUAL(std::string(), pop3(*config({{"bounces.pop3.tls", ""}})).caFile("tls"));
		CPPUNIT_ASSERT_EQUAL(ca, pop3(*config({{"bounces.pop3.tls", ca}})).caFile("tls"));
		const auto caFile = [](const SettingsSection& s) { s.caFile("tls"); };
		const auto refused = [&](const std::string& path) { return refusal({{"bounces.pop3.tls", path}}, caFile); };
		CPPUNIT_ASSERT_EQUAL("reminders.bounces.pop3.tls does not exist: " + folder.path() + "/none.pem",
							 refused(folder.path() + "/none.pem"));
		CPPUNIT_ASSERT_EQUAL("reminders.bounces.pop3.tls is not a file: " + folder.path(), refused(folder.path()));
		// An empty file yields nothing to read.
		CPPUNIT_ASSERT_EQUAL("reminders.bounces.pop3.tls cannot be read: " + empty, refused(empty));
		CPPUNIT_ASSERT_EQUAL("reminders.bounces.pop3.tls holds no PEM certificate: " + key, refused(key));
	}

private:
	static void write(const std::string& path, const std::string& content)
	{
		Poco::FileOutputStream out(path);
		out << content;
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SettingsSectionTest, "mail");
