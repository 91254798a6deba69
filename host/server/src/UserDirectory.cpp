//
// UserDirectory.cpp
//


#include "UserDirectory.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>
#include <Poco/Tuple.h>
#include <vector>


using namespace Poco::Data::Keywords;


namespace host {


UserDirectory::UserDirectory(erp::Database& database):
	_database(database)
{}


std::string UserDirectory::hash(const std::string& token)
{
	Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
	engine.update(token);
	return Poco::DigestEngine::digestToHex(engine.digest());
}


std::string UserDirectory::roleName(erp::Role role)
{
	return role == erp::Role::ADMIN ? "admin" : "accountant";
}


void UserDirectory::bootstrap(const Poco::Util::AbstractConfiguration& config)
{
	Poco::Util::AbstractConfiguration::Keys names;
	config.keys("users", names);
	Poco::Data::Session session = _database.session();
	erp::Transaction tx(session, _database.dialect());
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
		std::string tokenHash = hash(token);
		std::string at = erp::Instant::now();
		int exists = 0;
		session << "SELECT COUNT(*) FROM users WHERE name = ?", useRef(name), into(exists), now;
		if (exists)
			session << "UPDATE users SET role = ?, token_sha256 = ?, updated_at = ? WHERE name = ?", use(role),
				use(tokenHash), use(at), useRef(name), now;
		else
			session << "INSERT INTO users (name, role, token_sha256, updated_at) VALUES (?, ?, ?, ?)", useRef(name),
				use(role), use(tokenHash), use(at), now;
	}
	tx.commit();

	std::vector<Poco::Tuple<std::string, std::string, std::string>> rows;
	session << "SELECT name, role, token_sha256 FROM users", into(rows), now;
	std::lock_guard<std::mutex> lock(_mutex);
	_byTokenHash.clear();
	for (const auto& row: rows)
		_byTokenHash[row.get<2>()] =
			User{row.get<0>(), row.get<1>() == "admin" ? erp::Role::ADMIN : erp::Role::ACCOUNTANT};
}


std::optional<UserDirectory::User> UserDirectory::authenticate(const std::string& authorization) const
{
	static const std::string BEARER = "Bearer ";
	if (authorization.size() <= BEARER.size() || Poco::icompare(authorization.substr(0, BEARER.size()), BEARER) != 0)
		return std::nullopt;
	const std::string tokenHash = hash(Poco::trim(authorization.substr(BEARER.size())));
	std::lock_guard<std::mutex> lock(_mutex);
	auto it = _byTokenHash.find(tokenHash);
	if (it == _byTokenHash.end()) return std::nullopt;
	return it->second;
}


} // namespace host
