//
// UserAdministration.h
//


#ifndef Host_UserAdministration_INCLUDED
#define Host_UserAdministration_INCLUDED


#include "UserDirectory.h"
#include "erp/AuditLog.h"
#include "erp/Database.h"
#include <string>
#include <vector>


namespace host {


class UserAdministration
/// Users an administrator manages in the web interface (origin "web"),
/// beside those of the configuration file (origin "config"), which the file
/// alone changes: it is read again at every start and would undo a change
/// made here. Each change is audited with the administrator as the actor
/// and takes effect at once (UserDirectory::reload).
///
/// - add a user with a role and a password (at least 12 characters);
/// - set the role; reset the password (the user's sessions end);
/// - issue an API token (shown once: only its SHA-256 is stored) or revoke
///   it (replaced by the hash of a random value nobody holds);
/// - disable (sessions end, password removed; the name stays in the audit
///   trail) or enable again (then a new password is needed to sign in).
/// An administrator cannot disable or demote themselves: someone must be
/// left to undo it.
///
/// Refusals throw erp::ApiError naming the field (400 invalid, 404
/// unknown user, 409 for a configuration user or a name taken).
{
public:
	struct Listed
	{
		std::string name;
		erp::Role role = erp::Role::ACCOUNTANT;
		std::string origin; /// config | web
		bool enabled = true;
		bool hasPassword = false;
		std::string updatedAt;
	};

	static const std::size_t MIN_PASSWORD; /// 12 characters

	UserAdministration(erp::Database& database, UserDirectory& directory, erp::AuditLog& audit);

	std::vector<Listed> list() const;

	void add(const std::string& actor, const std::string& name, const std::string& role, const std::string& password);
	void setRole(const std::string& actor, const std::string& name, const std::string& role);
	void setPassword(const std::string& actor, const std::string& name, const std::string& password);
	std::string issueToken(const std::string& actor, const std::string& name);
	/// The new token, to show once.
	void revokeToken(const std::string& actor, const std::string& name);
	void setEnabled(const std::string& actor, const std::string& name, bool enabled);

private:
	Listed managed(Poco::Data::Session& session, const std::string& name) const;
	/// The user, which must be one of the web's (else ApiError 404 or 409).
	static erp::Role role(const std::string& text);
	static void checkPassword(const std::string& password);
	static std::string randomHex(std::size_t bytes);

	erp::Database& _database;
	UserDirectory& _directory;
	erp::AuditLog& _audit;
};


} // namespace host


#endif // Host_UserAdministration_INCLUDED
