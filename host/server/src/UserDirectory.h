//
// UserDirectory.h
//


#ifndef Host_UserDirectory_INCLUDED
#define Host_UserDirectory_INCLUDED


#include "erp/Database.h"
#include "erp/Http.h"
#include <Poco/Util/AbstractConfiguration.h>
#include <map>
#include <mutex>
#include <optional>
#include <string>


namespace host {


class UserDirectory
/// Users, their roles and bearer tokens. Bootstrap users come from the
/// configuration (users.NAME.role, users.NAME.token) and are written to
/// the users table; only a SHA-256 of each token is stored.
///
/// Thread-safe.
{
public:
	struct User
	{
		std::string name;
		erp::Role role;
	};

	explicit UserDirectory(erp::Database& database);

	void bootstrap(const Poco::Util::AbstractConfiguration& config);
	/// Upserts the configured users and loads every user. Throws
	/// Poco::InvalidArgumentException naming the bad key (unknown role, a
	/// token shorter than 16 characters, a user name that is not [a-z0-9_.-]).

	std::optional<User> authenticate(const std::string& authorization) const;
	/// Resolves an "Authorization: Bearer TOKEN" header value.

	static std::string roleName(erp::Role role);
	static std::string hash(const std::string& token);

private:
	erp::Database& _database;
	mutable std::mutex _mutex;
	std::map<std::string, User> _byTokenHash;
};


} // namespace host


#endif // Host_UserDirectory_INCLUDED
