//
// Pop3Settings.cpp
//


#include "plugin/bounces/Pop3Settings.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <fstream>
#include <set>
#include <sstream>


namespace reminders {


namespace {

const char* const KEYS[] = {"host", "port", "tls", "username", "password", "cafile", "timeout_seconds"};

[[noreturn]] void refuse(const std::string& key, const std::string& why)
{
	throw Poco::InvalidArgumentException("reminders.bounces.pop3." + key + " " + why);
}

int integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, int fallback)
{
	if (!config.has("bounces.pop3." + key)) return fallback;
	const std::string text = config.getString("bounces.pop3." + key);
	int value = 0;
	if (!Poco::NumberParser::tryParse(text, value)) refuse(key, "is not a whole number: \"" + text + "\"");
	return value;
}

void checkCaFile(const std::string& path)
{
	// Found out at start, not at the first read.
	Poco::File file(path);
	if (!file.exists()) refuse("cafile", "does not exist: " + path);
	if (!file.isFile()) refuse("cafile", "is not a file: " + path);
	std::ifstream in(path, std::ios::binary);
	std::ostringstream content;
	if (!in || !(content << in.rdbuf())) refuse("cafile", "cannot be read: " + path);
	if (content.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos)
		refuse("cafile", "holds no PEM certificate: " + path);
}

} // namespace


bool Pop3Settings::configured(const Poco::Util::AbstractConfiguration& config)
{
	Poco::Util::AbstractConfiguration::Keys keys;
	config.keys("bounces.pop3", keys);
	return !keys.empty();
}


Pop3Settings Pop3Settings::from(const Poco::Util::AbstractConfiguration& config)
{
	// A mistyped key would silently fall back to a default.
	Poco::Util::AbstractConfiguration::Keys keys;
	config.keys("bounces.pop3", keys);
	const std::set<std::string> known(std::begin(KEYS), std::end(KEYS));
	for (const std::string& key: keys)
		if (!known.count(key))
			refuse(key, "is not a setting (known: host, port, tls, username, password, cafile, timeout_seconds)");
	if (!config.has("bounces.pop3.host"))
		refuse("host", "is missing, but other reminders.bounces.pop3 settings are set");

	Pop3Settings s;
	s.host = config.getString("bounces.pop3.host");
	if (s.host.empty() || s.host.find_first_of(" \t\r\n") != std::string::npos)
		refuse("host", "must be a host name or address");
	s.tls = config.getString("bounces.pop3.tls", "implicit");
	if (s.tls != "implicit" && s.tls != "stls")
		refuse("tls", "must be implicit or stls, not \"" + s.tls + "\" (the password never goes out in plain text)");
	s.port = integer(config, "port", s.tls == "implicit" ? 995 : 110);
	if (s.port <= 0 || s.port > 65535) refuse("port", "is not a port number (1 to 65535): " + std::to_string(s.port));
	s.username = config.getString("bounces.pop3.username", "");
	s.password = config.getString("bounces.pop3.password", "");
	if (s.username.empty()) refuse("username", "is missing");
	if (s.password.empty()) refuse("password", "is missing");
	if ((s.username + s.password).find_first_of("\r\n") != std::string::npos)
		refuse(s.username.find_first_of("\r\n") != std::string::npos ? "username" : "password", "must be one line");
	s.cafile = config.getString("bounces.pop3.cafile", "");
	if (!s.cafile.empty()) checkCaFile(s.cafile);
	s.timeoutSeconds = integer(config, "timeout_seconds", 60);
	if (s.timeoutSeconds <= 0) refuse("timeout_seconds", "must be positive");
	return s;
}


std::string Pop3Settings::describe() const
{
	return "POP3 " + username + "@" + host + ":" + std::to_string(port);
}


} // namespace reminders
