//
// UserAdministration.cpp
//


#include "UserAdministration.h"
#include "PasswordHasher.h"
#include "erp/ApiError.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include "erp/Utf8.h"
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Object.h>
#include <Poco/Nullable.h>
#include <Poco/RandomStream.h>
#include <Poco/Tuple.h>


using namespace Poco::Data::Keywords;


namespace host {


const std::size_t UserAdministration::MIN_PASSWORD = 12;


UserAdministration::UserAdministration(erp::Database& database, UserDirectory& directory, erp::AuditLog& audit):
	_database(database),
	_directory(directory),
	_audit(audit)
{}


erp::Role UserAdministration::role(const std::string& text)
{
	if (text == "admin") return erp::Role::ADMIN;
	if (text == "accountant") return erp::Role::ACCOUNTANT;
	throw erp::ApiError::invalid("role", "role must be admin or accountant");
}


void UserAdministration::checkPassword(const std::string& password)
{
	if (!erp::Utf8::isValid(password)) throw erp::ApiError::invalid("password", "the password is not valid UTF-8");
	if (*erp::Utf8::length(password) < MIN_PASSWORD)
		throw erp::ApiError::invalid("password",
									 "a password needs at least " + std::to_string(MIN_PASSWORD) + " characters");
	if (password.size() > PasswordHasher::MAX_LENGTH)
		throw erp::ApiError::invalid("password", "the password is too long");
}


std::string UserAdministration::randomHex(std::size_t bytes)
{
	Poco::RandomInputStream random;
	std::string raw(bytes, '\0');
	random.read(&raw[0], static_cast<std::streamsize>(bytes));
	return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}


std::vector<UserAdministration::Listed> UserAdministration::list() const
{
	Poco::Data::Session session = _database.session();
	std::vector<Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<std::string>,
							Poco::Nullable<std::string>, std::string>>
		rows;
	session << "SELECT name, role, origin, disabled_at, password_hash, updated_at FROM users ORDER BY name", into(rows),
		now;
	std::vector<Listed> users;
	for (const auto& row: rows)
		users.push_back(Listed{row.get<0>(), row.get<1>() == "admin" ? erp::Role::ADMIN : erp::Role::ACCOUNTANT,
							   row.get<2>(), row.get<3>().isNull(), !row.get<4>().isNull(), row.get<5>()});
	return users;
}


UserAdministration::Listed UserAdministration::managed(Poco::Data::Session& session, const std::string& name) const
{
	std::vector<Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<std::string>>> rows;
	std::string who = name;
	session << "SELECT name, role, origin, disabled_at FROM users WHERE name = ?", useRef(who), into(rows), now;
	if (rows.empty()) throw erp::ApiError::notFound("user " + name);
	if (rows[0].get<2>() != "web")
		throw erp::ApiError(409, "configured_user",
							name + " comes from the configuration file: change users." + name +
								".* there (it is read again at every start)",
							"name");
	Listed user;
	user.name = name;
	user.role = rows[0].get<1>() == "admin" ? erp::Role::ADMIN : erp::Role::ACCOUNTANT;
	user.origin = "web";
	user.enabled = rows[0].get<3>().isNull();
	return user;
}


void UserAdministration::add(const std::string& actor, const std::string& name, const std::string& roleText,
							 const std::string& password)
{
	if (name.empty() || name.size() > 64) throw erp::ApiError::invalid("name", "a user name has 1 to 64 characters");
	for (char c: name)
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			throw erp::ApiError::invalid("name", "user names use a-z, 0-9, '_', '.', '-'");
	const erp::Role chosen = role(roleText);
	checkPassword(password);
	std::string passwordHash = PasswordHasher::hash(password);
	// No API token until one is issued: the hash of a value nobody holds.
	std::string tokenHash = UserDirectory::hash(randomHex(32));
	std::string who = name, roleName = UserDirectory::roleName(chosen);
	const std::string at = erp::Instant::now();
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	int taken = 0;
	session << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(who), into(taken), now;
	if (taken) throw erp::ApiError(409, "name_taken", "there is already a user named " + name, "name");
	session << "INSERT INTO users (name, role, token_sha256, password_hash, updated_at, origin) VALUES (?, ?, ?, ?, ?, "
			   "'web')",
		useRef(who), useRef(roleName), useRef(tokenHash), useRef(passwordHash), useRef(at), now;
	Poco::JSON::Object details;
	details.set("role", roleName);
	details.set("origin", "web");
	_audit.append(session, {actor, "user.create", "user", name, erp::AuditEntry::json(details)});
	tx.commit();
	_directory.reload(session);
}


void UserAdministration::setRole(const std::string& actor, const std::string& name, const std::string& roleText)
{
	const erp::Role chosen = role(roleText);
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	const Listed user = managed(session, name);
	if (name == actor && chosen != erp::Role::ADMIN)
		throw erp::ApiError::invalid("role", "you cannot take the administrator role from yourself");
	if (user.role == chosen) return;
	std::string who = name, roleName = UserDirectory::roleName(chosen);
	const std::string at = erp::Instant::now();
	session << "UPDATE users SET role = ?, updated_at = ? WHERE name = ?", useRef(roleName), useRef(at), useRef(who),
		now;
	Poco::JSON::Object details;
	details.set("from", UserDirectory::roleName(user.role));
	details.set("to", roleName);
	_audit.append(session, {actor, "user.role.change", "user", name, erp::AuditEntry::json(details)});
	tx.commit();
	_directory.reload(session);
}


void UserAdministration::setPassword(const std::string& actor, const std::string& name, const std::string& password)
{
	checkPassword(password);
	std::string passwordHash = PasswordHasher::hash(password);
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	const Listed user = managed(session, name);
	if (!user.enabled) throw erp::ApiError(409, "user_disabled", name + " is disabled: enable it first", "name");
	std::string who = name;
	const std::string at = erp::Instant::now();
	session << "UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?", useRef(passwordHash), useRef(at),
		useRef(who), now;
	// A new password ends the sessions opened with the old one.
	session << "DELETE FROM sessions WHERE user_name = ?", useRef(who), now;
	Poco::JSON::Object details;
	details.set("password", "set");
	_audit.append(session, {actor, "user.password.change", "user", name, erp::AuditEntry::json(details)});
	tx.commit();
	_directory.reload(session);
}


std::string UserAdministration::issueToken(const std::string& actor, const std::string& name)
{
	const std::string token = randomHex(24);
	std::string tokenHash = UserDirectory::hash(token);
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	const Listed user = managed(session, name);
	if (!user.enabled) throw erp::ApiError(409, "user_disabled", name + " is disabled: enable it first", "name");
	std::string who = name;
	const std::string at = erp::Instant::now();
	session << "UPDATE users SET token_sha256 = ?, updated_at = ? WHERE name = ?", useRef(tokenHash), useRef(at),
		useRef(who), now;
	_audit.append(session, {actor, "user.token.issue", "user", name, ""});
	tx.commit();
	_directory.reload(session);
	return token;
}


void UserAdministration::revokeToken(const std::string& actor, const std::string& name)
{
	std::string tokenHash = UserDirectory::hash(randomHex(32));
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	managed(session, name);
	std::string who = name;
	const std::string at = erp::Instant::now();
	session << "UPDATE users SET token_sha256 = ?, updated_at = ? WHERE name = ?", useRef(tokenHash), useRef(at),
		useRef(who), now;
	_audit.append(session, {actor, "user.token.revoke", "user", name, ""});
	tx.commit();
	_directory.reload(session);
}


void UserAdministration::setEnabled(const std::string& actor, const std::string& name, bool enabled)
{
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
	const Listed user = managed(session, name);
	if (name == actor && !enabled) throw erp::ApiError::invalid("name", "you cannot disable yourself");
	if (user.enabled == enabled) return;
	std::string who = name;
	const std::string at = erp::Instant::now();
	if (enabled)
	{
		session << "UPDATE users SET disabled_at = NULL, updated_at = ? WHERE name = ?", useRef(at), useRef(who), now;
		_audit.append(session, {actor, "user.enable", "user", name, ""});
	}
	else
	{
		std::string tokenHash = UserDirectory::hash(randomHex(32));
		session << "UPDATE users SET disabled_at = ?, token_sha256 = ?, password_hash = NULL, updated_at = ? WHERE "
				   "name = ?",
			useRef(at), useRef(tokenHash), useRef(at), useRef(who), now;
		session << "DELETE FROM sessions WHERE user_name = ?", useRef(who), now;
		_audit.append(session, {actor, "user.disable", "user", name, ""});
	}
	tx.commit();
	_directory.reload(session);
}


} // namespace host
