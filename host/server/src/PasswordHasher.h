//
// PasswordHasher.h
//


#ifndef Host_PasswordHasher_INCLUDED
#define Host_PasswordHasher_INCLUDED


#include <string>


namespace host {


class PasswordHasher
/// Passwords as libsodium's Argon2id strings ("$argon2id$v=19$m=...").
/// Memory-hard: one hash or check takes about 64 MiB and a tenth of a
/// second, which is the point (a stolen hash is slow to guess), so callers
/// bound how many run at once. Thread-safe.
{
public:
	static const std::size_t MIN_LENGTH; /// 8 characters (bytes of UTF-8)
	static const std::size_t MAX_LENGTH; /// 1024 bytes

	static std::string hash(const std::string& password);
	/// A new salted hash. Throws Poco::InvalidArgumentException for a
	/// password shorter than MIN_LENGTH or longer than MAX_LENGTH, and
	/// Poco::OutOfMemoryException when the hash's memory cannot be had.

	static bool verify(const std::string& hash, const std::string& password);
	/// Whether the password is the hash's (false for a malformed hash).

	static bool isHash(const std::string& text);
	/// Whether the text has the form of an Argon2id string this class makes.

private:
	static void initialize();
};


} // namespace host


#endif // Host_PasswordHasher_INCLUDED
