//
// UserDirectory.cpp
//


#include "UserDirectory.h"
#include "PasswordHasher.h"
#include "Sql.h"
#include "SqlConflict.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Nullable.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>
#include <Poco/Tuple.h>
#include <map>
#include <vector>


using namespace Poco::Data::Keywords;


namespace host {


UserDirectory::UserDirectory(erp::Database& database, erp::AuditLog* audit):
	_database(database),
	_audit(audit),
	_checks(2)
{}


std::string UserDirectory::hash(const std::string& token)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(token);
	return Poco::DigestEngine::digestToHex(engine.digest());
}


bool UserDirectory::equalInConstantTime(const std::string& a, const std::string& b)
{
	if (a.size() != b.size()) return false;
	unsigned char difference = 0;
	for (std::size_t i = 0; i < a.size(); ++i)
		difference |= static_cast<unsigned char>(a[i] ^ b[i]);
	return difference == 0;
}


std::string UserDirectory::roleName(erp::Role role)
{
	return role == erp::Role::ADMIN ? "admin" : "accountant";
}


std::map<std::string, UserDirectory::Configured> UserDirectory::readConfigured(
	const Poco::Util::AbstractConfiguration& config)
{
	Poco::Util::AbstractConfiguration::Keys names;
	config.keys("users", names);
	std::map<std::string, Configured> configured;
	std::map<std::string, std::string> ownerOfHash;
	for (const std::string& name: names)
	{
		const std::string prefix = "users." + name;
		for (char c: name)
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
				throw Poco::InvalidArgumentException(prefix + ": user names use a-z, 0-9, '_', '.', '-'");
		std::string role = config.getString(prefix + ".role", "");
		if (role != "admin" && role != "accountant")
			throw Poco::InvalidArgumentException(prefix + ".role must be admin or accountant");
		std::string token = config.getString(prefix + ".token", "");
		if (token.size() < 16) throw Poco::InvalidArgumentException(prefix + ".token must have at least 16 characters");
		const std::string tokenHash = hash(token);
		auto [other, fresh] = ownerOfHash.emplace(tokenHash, name);
		if (!fresh)
			throw Poco::InvalidArgumentException(prefix + ".token is the same as users." + other->second +
												 ".token: each user needs a token of its own");
		Poco::Nullable<std::string> passwordHash;
		if (config.has(prefix + ".password_hash"))
		{
			const std::string text = Poco::trim(config.getString(prefix + ".password_hash"));
			if (!PasswordHasher::isHash(text))
				throw Poco::InvalidArgumentException(prefix +
													 ".password_hash must be an Argon2id hash made by erp-host "
													 "--hash-password");
			passwordHash = text;
		}
		configured[name] = Configured{role, tokenHash, passwordHash};
	}
	return configured;
}


void UserDirectory::checkConfiguration(const Poco::Util::AbstractConfiguration& config)
{
	readConfigured(config);
}


void UserDirectory::bootstrap(const Poco::Util::AbstractConfiguration& config)
{
	// The file first, whole: nothing is written when a key is wrong.
	const std::map<std::string, Configured> configured = readConfigured(config);

	using Row = Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<std::string>, std::string,
							Poco::Nullable<std::string>>;
	Poco::Data::Session session = _database.session();
	// Instances starting together on an empty table (MySQL) both take its
	// gap lock and deadlock on their inserts: the one rolled back runs again
	// and finds the other's rows.
	SqlConflict::retry([&] {
		erp::Transaction tx(session, _database.dialect());
		std::vector<Row> rows;
		// Locked until the commit (MySQL): instances starting together apply
		// the configuration one after the other, each from what the last wrote.
		session << "SELECT name, role, token_sha256, disabled_at, origin, password_hash FROM users" +
					   Sql::forUpdate(_database.dialect()),
			into(rows), now;
		std::map<std::string, Row> stored;
		for (const Row& row: rows)
			stored.emplace(row.get<0>(), row);
		const std::string at = erp::Instant::now();
		auto audit = [&](const std::string& action, const std::string& name, Poco::JSON::Object details) {
			if (_audit) _audit->append(session, {"system", action, "user", name, erp::AuditEntry::json(details)});
		};

		// Users of the file that left it: disabled, their token replaced by a
		// random one first (so that it can be given to someone else).
		for (const auto& [name, row]: stored)
		{
			if (configured.count(name) || row.get<4>() != "config" || !row.get<3>().isNull()) continue;
			Poco::RandomInputStream random;
			char bytes[32];
			random.read(bytes, sizeof(bytes));
			const std::string placeholder = hash(std::string(bytes, sizeof(bytes)));
			std::string who = name;
			session << "UPDATE users SET disabled_at = ?, token_sha256 = ?, password_hash = NULL, updated_at = ? WHERE "
					   "name = ?",
				useRef(at), useRef(placeholder), useRef(at), useRef(who), now;
			// Its web sessions end with it.
			session << "DELETE FROM sessions WHERE user_name = ?", useRef(who), now;
			Poco::JSON::Object details;
			details.set("reason", "removed from the configuration");
			audit("user.disable", name, details);
		}

		for (const auto& [name, user]: configured)
		{
			std::string who = name, role = user.role, tokenHash = user.tokenHash;
			Poco::Nullable<std::string> passwordHash = user.passwordHash;
			int taken = 0;
			session << "SELECT COUNT(*) FROM users WHERE token_sha256 = ? AND name <> ?", useRef(tokenHash),
				useRef(who), into(taken), now;
			if (taken)
				throw Poco::InvalidArgumentException("users." + name +
													 ".token is the token of another user: each user needs its own");
			auto it = stored.find(name);
			if (it == stored.end())
			{
				session << "INSERT INTO users (name, role, token_sha256, password_hash, updated_at, origin) VALUES (?, "
						   "?, ?, "
						   "?, ?, 'config')",
					useRef(who), useRef(role), useRef(tokenHash), useRef(passwordHash), useRef(at), now;
				Poco::JSON::Object details;
				details.set("role", role);
				audit("user.create", name, details);
				continue;
			}
			const Row& row = it->second;
			const bool roleChanged = row.get<1>() != role;
			const bool rotated = row.get<2>() != tokenHash;
			const bool wasDisabled = !row.get<3>().isNull();
			const bool passwordChanged = row.get<5>() != passwordHash;
			if (!roleChanged && !rotated && !wasDisabled && !passwordChanged && row.get<4>() == "config") continue;
			session << "UPDATE users SET role = ?, token_sha256 = ?, password_hash = ?, disabled_at = NULL, origin = "
					   "'config', updated_at = ? WHERE name = ?",
				useRef(role), useRef(tokenHash), useRef(passwordHash), useRef(at), useRef(who), now;
			if (passwordChanged && !wasDisabled)
			{
				// A new password ends the sessions opened with the old one.
				session << "DELETE FROM sessions WHERE user_name = ?", useRef(who), now;
				Poco::JSON::Object details;
				details.set("password", passwordHash.isNull() ? "removed" : "set");
				audit("user.password.change", name, details);
			}
			if (wasDisabled)
			{
				Poco::JSON::Object details;
				details.set("role", role);
				audit("user.enable", name, details);
			}
			if (roleChanged)
			{
				Poco::JSON::Object details;
				details.set("from", row.get<1>());
				details.set("to", role);
				audit("user.role.change", name, details);
			}
			// (A disabled user's stored hash is a random one: enabling it is no rotation.)
			if (rotated && !wasDisabled) audit("user.token.rotate", name, Poco::JSON::Object());
		}
		tx.commit();
	});
	reload(session);
}


std::string UserDirectory::language(const std::string& name) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _languages.find(name);
	return it == _languages.end() ? std::string() : it->second;
}


void UserDirectory::setLanguage(const std::string& name, const std::string& language)
{
	if (language != "el" && language != "en" && !language.empty())
		throw Poco::InvalidArgumentException("a language is el or en", language);
	Poco::Data::Session session = _database.session();
	Poco::Nullable<std::string> stored;
	if (!language.empty()) stored = language;
	std::string who = name;
	session << "UPDATE users SET language = ? WHERE name = ?", useRef(stored), useRef(who), now;
	std::lock_guard<std::mutex> lock(_mutex);
	if (language.empty())
		_languages.erase(name);
	else
		_languages[name] = language;
}


void UserDirectory::reload()
{
	Poco::Data::Session session = _database.session();
	reload(session);
}


void UserDirectory::reload(Poco::Data::Session& session)
{
	std::vector<Poco::Tuple<std::string, std::string>> languageRows;
	session << "SELECT name, language FROM users WHERE language IS NOT NULL AND disabled_at IS NULL",
		into(languageRows), now;
	std::map<std::string, std::string> languages;
	for (const auto& row: languageRows)
		languages[row.get<0>()] = row.get<1>();
	std::vector<Poco::Tuple<std::string, std::string, std::string, Poco::Nullable<std::string>>> enabledRows;
	session << "SELECT name, role, token_sha256, password_hash FROM users WHERE disabled_at IS NULL", into(enabledRows),
		now;
	std::vector<Entry> enabled;
	for (const auto& row: enabledRows)
		enabled.push_back(Entry{row.get<2>(),
								User{row.get<0>(), row.get<1>() == "admin" ? erp::Role::ADMIN : erp::Role::ACCOUNTANT},
								row.get<3>().isNull() ? std::string() : row.get<3>().value()});
	std::lock_guard<std::mutex> lock(_mutex);
	_enabled = std::move(enabled);
	_languages = std::move(languages);
}


std::optional<UserDirectory::User> UserDirectory::authenticate(const std::string& authorization) const
{
	static const std::string BEARER = "Bearer ";
	if (authorization.size() <= BEARER.size() || Poco::icompare(authorization.substr(0, BEARER.size()), BEARER) != 0)
		return std::nullopt;
	const std::string tokenHash = hash(Poco::trim(authorization.substr(BEARER.size())));
	std::lock_guard<std::mutex> lock(_mutex);
	// Every enabled user is compared, in constant time: how long this takes
	// says nothing about which hash was close.
	std::optional<User> found;
	for (const Entry& entry: _enabled)
		if (equalInConstantTime(entry.tokenHash, tokenHash)) found = entry.user;
	return found;
}


std::optional<UserDirectory::User> UserDirectory::find(const std::string& name) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	for (const Entry& entry: _enabled)
		if (entry.user.name == name) return entry.user;
	return std::nullopt;
}


std::optional<UserDirectory::User> UserDirectory::checkPassword(const std::string& name,
																const std::string& password) const
{
	// A hash of a password nobody knows, checked when the user has none:
	// the answer takes as long either way.
	static const std::string decoy = PasswordHasher::hash("decoy password, never accepted");
	std::optional<User> user;
	std::string passwordHash;
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (const Entry& entry: _enabled)
			if (entry.user.name == name && !entry.passwordHash.empty())
			{
				user = entry.user;
				passwordHash = entry.passwordHash;
			}
	}
	Poco::Semaphore& checks = _checks;
	checks.wait();
	bool matches = false;
	try
	{
		matches = PasswordHasher::verify(user ? passwordHash : decoy, password);
	}
	catch (...)
	{
		checks.set();
		throw;
	}
	checks.set();
	if (!user || !matches) return std::nullopt;
	return user;
}


} // namespace host
