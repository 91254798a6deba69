//
// PasswordHasherTest.cpp
//
// Argon2id hashes: a password verifies against its own hash only, every
// hash is salted, a malformed hash verifies nothing, and the lengths are
// bounded. And the configuration line erp-host --hash-password prints.
//


#include "PasswordHasher.h"
#include "PasswordPrompt.h"
#include <Poco/Exception.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>
#include <string>


using host::PasswordHasher;


class PasswordHasherTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PasswordHasherTest);
	CPPUNIT_TEST(testVerifiesOwnPasswordOnly);
	CPPUNIT_TEST(testSaltedAndArgon2id);
	CPPUNIT_TEST(testMalformedHashVerifiesNothing);
	CPPUNIT_TEST(testLengthBounds);
	CPPUNIT_TEST(testHashPasswordLine);
	CPPUNIT_TEST_SUITE_END();

public:
	void testVerifiesOwnPasswordOnly()
	{
		const std::string hash = PasswordHasher::hash("Κωδικός σωστός 42");
		CPPUNIT_ASSERT(PasswordHasher::verify(hash, "Κωδικός σωστός 42"));
		CPPUNIT_ASSERT(!PasswordHasher::verify(hash, "Κωδικός σωστός 43"));
		CPPUNIT_ASSERT(!PasswordHasher::verify(hash, "κωδικός σωστός 42"));
		CPPUNIT_ASSERT(!PasswordHasher::verify(hash, ""));
	}

	void testSaltedAndArgon2id()
	{
		const std::string a = PasswordHasher::hash("same password");
		const std::string b = PasswordHasher::hash("same password");
		CPPUNIT_ASSERT(a != b);
		CPPUNIT_ASSERT_EQUAL(std::string("$argon2id$"), a.substr(0, 10));
		// At least libsodium's interactive memory (64 MiB) and 3 passes.
		CPPUNIT_ASSERT(a.find("m=65536,t=3") != std::string::npos);
		CPPUNIT_ASSERT(PasswordHasher::isHash(a));
		CPPUNIT_ASSERT(PasswordHasher::verify(b, "same password"));
	}

	void testMalformedHashVerifiesNothing()
	{
		CPPUNIT_ASSERT(!PasswordHasher::isHash("plain text"));
		CPPUNIT_ASSERT(!PasswordHasher::isHash("$argon2i$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"));
		CPPUNIT_ASSERT(!PasswordHasher::verify("plain text", "plain text"));
		CPPUNIT_ASSERT(!PasswordHasher::verify("", ""));
		std::string cut = PasswordHasher::hash("some password");
		cut.resize(cut.size() - 5);
		CPPUNIT_ASSERT(!PasswordHasher::verify(cut, "some password"));
	}

	void testLengthBounds()
	{
		CPPUNIT_ASSERT_THROW(PasswordHasher::hash("1234567"), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_NO_THROW(PasswordHasher::hash("12345678"));
		CPPUNIT_ASSERT_THROW(PasswordHasher::hash(std::string(PasswordHasher::MAX_LENGTH + 1, 'x')),
							 Poco::InvalidArgumentException);
	}

	void testHashPasswordLine()
	{
		std::istringstream in("a long enough password\n");
		std::ostringstream out, err;
		CPPUNIT_ASSERT_EQUAL(0, host::PasswordPrompt::run("maria", in, out, err));
		const std::string line = out.str();
		const std::string prefix = "users.maria.password_hash = ";
		CPPUNIT_ASSERT_EQUAL(prefix, line.substr(0, prefix.size()));
		const std::string hash = line.substr(prefix.size(), line.size() - prefix.size() - 1);
		CPPUNIT_ASSERT(PasswordHasher::verify(hash, "a long enough password"));

		std::istringstream shortIn("short\n");
		std::ostringstream shortOut, shortErr;
		CPPUNIT_ASSERT_EQUAL(65, host::PasswordPrompt::run("", shortIn, shortOut, shortErr));
		CPPUNIT_ASSERT(shortOut.str().empty());
		std::istringstream empty("");
		CPPUNIT_ASSERT_EQUAL(65, host::PasswordPrompt::run("", empty, shortOut, shortErr));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PasswordHasherTest, "web");
