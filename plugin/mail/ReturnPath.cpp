//
// ReturnPath.cpp
//


#include "plugin/mail/ReturnPath.h"
#include "erp/EmailAddress.h"
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/String.h>


namespace reminders {


namespace {

const std::size_t CHECK_LENGTH = 10;
const std::size_t LOCAL_PART_MAXIMUM = 64; // RFC 5321 4.5.3.1.1

bool isTagCharacter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

} // namespace


ReturnPath::ReturnPath(const std::string& address, const std::string& key):
	_key(key)
{
	const std::string::size_type at = address.rfind('@');
	if (!erp::EmailAddress::isValid(address) || at == std::string::npos)
		throw Poco::InvalidArgumentException("reminders.bounces.address is not an email address: " + address);
	_local = Poco::toLower(address.substr(0, at));
	_domain = Poco::toLower(address.substr(at + 1));
	if (_local.find('+') != std::string::npos)
		throw Poco::InvalidArgumentException(
			"reminders.bounces.address must not hold '+' (the message's tag follows it): " + address);
	_address = _local + "@" + _domain;
	if (_key.size() < 16)
		throw Poco::InvalidArgumentException(
			"reminders.bounces.key must be at least 16 characters (e.g. the output of: openssl rand -hex 32)");
}


std::string ReturnPath::check(const std::string& tag) const
{
	Poco::HMACEngine<Poco::SHA1Engine> hmac(_key);
	hmac.update(tag);
	return Poco::DigestEngine::digestToHex(hmac.digest()).substr(0, CHECK_LENGTH);
}


std::string ReturnPath::forMessage(const std::string& messageId) const
{
	const std::string tag = Poco::toLower(messageId.substr(0, messageId.find('@')));
	bool clean = !tag.empty() && tag.front() != '.' && tag.back() != '.' && tag.find("..") == std::string::npos;
	for (char c: tag)
		clean = clean && isTagCharacter(c);
	const std::string local = _local + "+" + tag + "." + check(tag);
	if (!clean || local.size() > LOCAL_PART_MAXIMUM)
		throw Poco::InvalidArgumentException("no return path for the Message-ID " + messageId);
	return local + "@" + _domain;
}


std::optional<std::string> ReturnPath::tagOf(const std::string& recipient) const
{
	std::string address = Poco::toLower(Poco::trim(recipient));
	if (address.size() > 2 && address.front() == '<' && address.back() == '>')
		address = address.substr(1, address.size() - 2);
	const std::string::size_type at = address.rfind('@');
	if (at == std::string::npos || address.substr(at + 1) != _domain) return std::nullopt;
	const std::string local = address.substr(0, at);
	const std::string prefix = _local + "+";
	if (local.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
	const std::string tagged = local.substr(prefix.size());
	const std::string::size_type dot = tagged.rfind('.');
	if (dot == std::string::npos || dot == 0) return std::nullopt;
	const std::string tag = tagged.substr(0, dot);
	const std::string given = tagged.substr(dot + 1);
	const std::string expected = check(tag);
	// Compared in full whatever the first difference, not to tell a forger
	// how many digits were right.
	if (given.size() != expected.size()) return std::nullopt;
	unsigned char difference = 0;
	for (std::size_t i = 0; i < expected.size(); ++i)
		difference |= static_cast<unsigned char>(given[i] ^ expected[i]);
	if (difference != 0) return std::nullopt;
	return tag;
}


const std::string& ReturnPath::address() const
{
	return _address;
}


} // namespace reminders
