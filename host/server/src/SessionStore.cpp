//
// SessionStore.cpp
//


#include "SessionStore.h"
#include "UserDirectory.h"
#include "erp/Instant.h"
#include <Poco/DateTimeParser.h>
#include <Poco/DigestEngine.h>
#include <Poco/Tuple.h>
#include <sodium.h>
#include <vector>


using namespace Poco::Data::Keywords;


namespace host {


namespace {

Poco::Timestamp parse(const std::string& text)
{
	int zone = 0;
	return Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FRAC_FORMAT, text, zone).timestamp();
}

} // namespace


SessionStore::SessionStore(erp::Database& database, const erp::Clock& clock, const SessionLifetime& lifetime):
	_database(database),
	_clock(clock),
	_lifetime(lifetime)
{}


bool SessionStore::wellFormed(const std::string& id)
{
	if (id.size() != 64) return false;
	for (char c: id)
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
	return true;
}


std::string SessionStore::csrfToken(const std::string& id)
{
	return UserDirectory::hash("csrf:" + id);
}


std::string SessionStore::open(const std::string& user)
{
	if (sodium_init() < 0) throw Poco::SystemException("libsodium cannot be initialized");
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof(bytes));
	const std::string id = Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(bytes, bytes + sizeof(bytes)));
	std::string idHash = UserDirectory::hash(id);
	std::string name = user;
	const Poco::Timestamp current = _clock.now();
	std::string at = erp::Instant::format(current);
	std::string expires = erp::Instant::format(_lifetime.end(current));
	// The idle bound, as text: a session unused since before it has ended.
	std::string idleSince = erp::Instant::format(
		current - static_cast<Poco::Timestamp::TimeDiff>(_lifetime.idleMinutes()) * 60 * Poco::Timestamp::resolution());
	Poco::Data::Session session = _database.session();
	session << "DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", useRef(at), useRef(idleSince), now;
	session
		<< "INSERT INTO sessions (id_sha256, user_name, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
		useRef(idHash), useRef(name), useRef(at), useRef(at), useRef(expires), now;
	return id;
}


std::optional<std::string> SessionStore::resume(const std::string& id)
{
	if (!wellFormed(id)) return std::nullopt;
	std::string idHash = UserDirectory::hash(id);
	Poco::Data::Session session = _database.session();
	std::vector<Poco::Tuple<std::string, std::string, std::string>> rows;
	session << "SELECT user_name, created_at, last_seen_at FROM sessions WHERE id_sha256 = ?", useRef(idHash),
		into(rows), now;
	if (rows.empty()) return std::nullopt;
	const Poco::Timestamp current = _clock.now();
	if (!_lifetime.alive(parse(rows.front().get<1>()), parse(rows.front().get<2>()), current))
	{
		session << "DELETE FROM sessions WHERE id_sha256 = ?", useRef(idHash), now;
		return std::nullopt;
	}
	std::string at = erp::Instant::format(current);
	session << "UPDATE sessions SET last_seen_at = ? WHERE id_sha256 = ?", useRef(at), useRef(idHash), now;
	return rows.front().get<0>();
}


void SessionStore::close(const std::string& id)
{
	if (!wellFormed(id)) return;
	std::string idHash = UserDirectory::hash(id);
	Poco::Data::Session session = _database.session();
	session << "DELETE FROM sessions WHERE id_sha256 = ?", useRef(idHash), now;
}


int SessionStore::closeAll(const std::string& user)
{
	std::string name = user;
	Poco::Data::Session session = _database.session();
	int count = 0;
	session << "SELECT COUNT(*) FROM sessions WHERE user_name = ?", useRef(name), into(count), now;
	session << "DELETE FROM sessions WHERE user_name = ?", useRef(name), now;
	return count;
}


const SessionLifetime& SessionStore::lifetime() const
{
	return _lifetime;
}


} // namespace host
