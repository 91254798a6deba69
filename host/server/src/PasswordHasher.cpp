//
// PasswordHasher.cpp
//


#include "PasswordHasher.h"
#include <Poco/Exception.h>
#include <sodium.h>


namespace host {


const std::size_t PasswordHasher::MIN_LENGTH = 8;
const std::size_t PasswordHasher::MAX_LENGTH = 1024;


namespace {

// libsodium's "interactive" limits with one pass more: 3 passes over 64 MiB.
const unsigned long long OPS_LIMIT = crypto_pwhash_OPSLIMIT_INTERACTIVE + 1;
const std::size_t MEM_LIMIT = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace


void PasswordHasher::initialize()
{
	// Idempotent and thread-safe after its first call; -1 only when no
	// random source can be had.
	static const int status = sodium_init();
	if (status < 0) throw Poco::SystemException("libsodium cannot be initialized");
}


std::string PasswordHasher::hash(const std::string& password)
{
	initialize();
	if (password.size() < MIN_LENGTH)
		throw Poco::InvalidArgumentException("a password needs at least " + std::to_string(MIN_LENGTH) + " characters");
	if (password.size() > MAX_LENGTH)
		throw Poco::InvalidArgumentException("a password has at most " + std::to_string(MAX_LENGTH) + " bytes");
	char out[crypto_pwhash_STRBYTES];
	if (crypto_pwhash_str_alg(out, password.data(), password.size(), OPS_LIMIT, MEM_LIMIT,
							  crypto_pwhash_ALG_ARGON2ID13) != 0)
		throw Poco::OutOfMemoryException("the password hash's memory cannot be had");
	return std::string(out);
}


bool PasswordHasher::verify(const std::string& hash, const std::string& password)
{
	initialize();
	if (!isHash(hash) || password.size() > MAX_LENGTH) return false;
	return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}


bool PasswordHasher::isHash(const std::string& text)
{
	static const std::string PREFIX = "$argon2id$";
	return text.size() < crypto_pwhash_STRBYTES && text.compare(0, PREFIX.size(), PREFIX) == 0 &&
		   text.find_first_of(" \t\r\n") == std::string::npos;
}


} // namespace host
