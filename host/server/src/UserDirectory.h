//
// UserDirectory.h
//


#ifndef Host_UserDirectory_INCLUDED
#define Host_UserDirectory_INCLUDED


#include "erp/AuditLog.h"
#include "erp/Database.h"
#include "erp/Http.h"
#include <Poco/Nullable.h>
#include <Poco/Semaphore.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>


namespace host {


class UserDirectory
/// Users, their roles, bearer tokens and passwords. Users come from the
/// configuration (users.NAME.role, users.NAME.token and, for signing in to
/// the web interface, users.NAME.password_hash) and are written to the
/// users table at every start.
///
/// - Users are disabled, never deleted: the audit trail names them. A user
///   of the configuration that is no longer in it is disabled at start
///   (audited as user.disable) and its token refused; put back, it is
///   enabled again (user.enable).
/// - Only a SHA-256 of each token is stored. Tokens are long random
///   strings (at least 16 characters, `openssl rand -hex 24` advised), not
///   passwords a person chose: there is no dictionary to try against the
///   hash, and a preimage of SHA-256 is out of reach, so a slow password
///   hash would add nothing but a cost to every request. A disabled user's
///   hash is replaced by the hash of a random value nobody holds.
/// - A new token in the configuration replaces the old hash (audited as
///   user.token.rotate): the old token is refused, the user's name and its
///   audit history stay.
/// - The presented token's hash is compared with every enabled user's in
///   constant time.
/// - A password is stored only as its Argon2id hash (PasswordHasher),
///   made by `erp-host --hash-password`. A user without one cannot sign
///   in to the web interface; a disabled user's hash is removed. At most
///   two passwords are checked at once (each check takes 64 MiB).
///
/// Thread-safe.
{
public:
	struct User
	{
		std::string name;
		erp::Role role;
	};

	explicit UserDirectory(erp::Database& database, erp::AuditLog* audit = nullptr);
	/// `audit`: where changes to the users are recorded (none when null).

	static void checkConfiguration(const Poco::Util::AbstractConfiguration& config);
	/// The checks of bootstrap() on the users.* keys alone, without the
	/// database (erp-host --check-config); throws as bootstrap() does.

	void bootstrap(const Poco::Util::AbstractConfiguration& config);
	/// Upserts the configured users, disables the configuration's users no
	/// longer in it, and loads the enabled users. Throws
	/// Poco::InvalidArgumentException naming the bad key (unknown role, a
	/// token shorter than 16 characters or the same as another user's, a
	/// user name that is not [a-z0-9_.-], a password_hash that is not an
	/// Argon2id hash).

	std::string language(const std::string& name) const;
	/// The language the user chose for the web interface (el, en), or
	/// empty: the browser's decides.

	void setLanguage(const std::string& name, const std::string& language);
	/// Stores the user's choice (el, en, or empty for the browser's).
	/// Throws Poco::InvalidArgumentException for another language.

	void reload();
	/// Reads the enabled users again, after a change of the users table
	/// (UserAdministration).

	void reload(Poco::Data::Session& session);
	/// reload() on a session the caller holds (a pool may have one only).

	std::optional<User> authenticate(const std::string& authorization) const;
	/// Resolves an "Authorization: Bearer TOKEN" header value.

	std::optional<User> find(const std::string& name) const;
	/// The enabled user of that name.

	std::optional<User> checkPassword(const std::string& name, const std::string& password) const;
	/// The enabled user whose name and password these are. Takes as long
	/// for an unknown user, or one without a password, as for a wrong
	/// password (a hash is checked either way).

	static std::string roleName(erp::Role role);
	static std::string hash(const std::string& token);
	/// The SHA-256 of a token, in lowercase hex.

	static bool equalInConstantTime(const std::string& a, const std::string& b);
	/// Compares without stopping at the first difference (the time taken
	/// depends on the lengths only).

private:
	struct Configured
	{
		std::string role;
		std::string tokenHash;
		Poco::Nullable<std::string> passwordHash;
	};

	static std::map<std::string, Configured> readConfigured(const Poco::Util::AbstractConfiguration& config);

	struct Entry
	{
		std::string tokenHash;
		User user;
		std::string passwordHash; /// empty: no password
	};

	erp::Database& _database;
	erp::AuditLog* _audit;
	mutable std::mutex _mutex;
	std::vector<Entry> _enabled;                   /// guarded by _mutex
	std::map<std::string, std::string> _languages; /// user -> el | en, guarded by _mutex
	mutable Poco::Semaphore _checks;               /// password checks running at once
};


} // namespace host


#endif // Host_UserDirectory_INCLUDED
