//
// PasswordPrompt.h
//


#ifndef Host_PasswordPrompt_INCLUDED
#define Host_PasswordPrompt_INCLUDED


#include <iosfwd>
#include <string>


namespace host {


class PasswordPrompt
/// `erp-host --hash-password[=NAME]`: reads a password from standard
/// input (asked twice, without echo, when it is a terminal; one line
/// otherwise) and prints the configuration line with its Argon2id hash.
{
public:
	static int run(const std::string& user, std::istream& in, std::ostream& out, std::ostream& err);
	/// Returns the process's exit status: 0, or 65 (EX_DATAERR) for no
	/// password, a password too short or long, or two that differ.

	static std::string configurationLine(const std::string& user, const std::string& hash);
	/// "users.NAME.password_hash = HASH", or the hash alone without a user.
};


} // namespace host


#endif // Host_PasswordPrompt_INCLUDED
