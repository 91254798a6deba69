//
// SmtpSettings.cpp
//


#include "plugin/mail/SmtpSettings.h"
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <fstream>
#include <set>
#include <sstream>


namespace reminders {


namespace {

const char* const KEYS[] = {
	"host",       "port",   "tls",  "tls_min_version",         "username",        "password",
	"auth",       "cafile", "helo", "connect_timeout_seconds", "timeout_seconds", "rate_per_second",
	"connections"};

[[noreturn]] void refuse(const std::string& key, const std::string& why)
{
	throw Poco::InvalidArgumentException("reminders.smtp." + key + " " + why);
}

int integer(const Poco::Util::AbstractConfiguration& config, const std::string& key, int fallback)
{
	if (!config.has("smtp." + key)) return fallback;
	const std::string text = config.getString("smtp." + key);
	int value = 0;
	if (!Poco::NumberParser::tryParse(text, value)) refuse(key, "is not a whole number: \"" + text + "\"");
	return value;
}

double decimal(const Poco::Util::AbstractConfiguration& config, const std::string& key, double fallback)
{
	if (!config.has("smtp." + key)) return fallback;
	const std::string text = config.getString("smtp." + key);
	double value = 0;
	if (!Poco::NumberParser::tryParseFloat(text, value)) refuse(key, "is not a number: \"" + text + "\"");
	return value;
}

void checkCaFile(const std::string& path)
{
	// Found out now, not at the first send of a weekly run.
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


SmtpSettings SmtpSettings::from(const Poco::Util::AbstractConfiguration& config)
{
	// A mistyped key would silently fall back to a default (or, without
	// the host, to the spool): every key under smtp must be a known one.
	Poco::Util::AbstractConfiguration::Keys keys;
	config.keys("smtp", keys);
	const std::set<std::string> known(std::begin(KEYS), std::end(KEYS));
	for (const std::string& key: keys)
		if (!known.count(key))
			refuse(key, "is not a setting (known: host, port, tls, tls_min_version, username, password, auth, cafile, "
						"helo, connect_timeout_seconds, timeout_seconds, rate_per_second, connections)");
	if (!config.has("smtp.host")) refuse("host", "is missing, but other reminders.smtp settings are set");

	SmtpSettings s;
	s.host = config.getString("smtp.host");
	if (s.host.empty() || s.host.find_first_of(" \t\r\n") != std::string::npos)
		refuse("host", "must be a host name or address");
	s.tls = config.getString("smtp.tls", "starttls");
	if (s.tls != "starttls" && s.tls != "implicit" && s.tls != "none")
		refuse("tls", "must be starttls, implicit or none, not \"" + s.tls + "\"");
	s.tlsMinVersion = config.getString("smtp.tls_min_version", "1.2");
	if (s.tlsMinVersion != "1.2" && s.tlsMinVersion != "1.3")
		refuse("tls_min_version",
			   "must be 1.2 or 1.3, not \"" + s.tlsMinVersion + "\" (TLS 1.0 and 1.1 are broken and never allowed)");
	s.port = integer(config, "port", defaultPort(s.tls));
	if (s.port <= 0 || s.port > 65535) refuse("port", "is not a port number (1 to 65535): " + std::to_string(s.port));
	s.username = config.getString("smtp.username", "");
	s.password = config.getString("smtp.password", "");
	s.auth = config.getString("smtp.auth", "login");
	if (s.auth != "login" && s.auth != "plain") refuse("auth", "must be login or plain, not \"" + s.auth + "\"");
	if (!s.username.empty() && s.password.empty()) refuse("password", "is missing: reminders.smtp.username is set");
	if (s.username.empty() && !s.password.empty()) refuse("username", "is missing: reminders.smtp.password is set");
	s.cafile = config.getString("smtp.cafile", "");
	if (!s.cafile.empty()) checkCaFile(s.cafile);
	s.helo = config.getString("smtp.helo", Poco::Environment::nodeName());
	if (s.helo.empty() || s.helo.find_first_of(" \t\r\n") != std::string::npos)
		refuse("helo", "must be one name without spaces");
	s.connectTimeoutSeconds = integer(config, "connect_timeout_seconds", 10);
	if (s.connectTimeoutSeconds <= 0) refuse("connect_timeout_seconds", "must be positive");
	s.timeoutSeconds = integer(config, "timeout_seconds", 60);
	if (s.timeoutSeconds <= 0) refuse("timeout_seconds", "must be positive");
	s.ratePerSecond = decimal(config, "rate_per_second", 0);
	if (!(s.ratePerSecond >= 0)) refuse("rate_per_second", "must not be negative");
	s.connections = integer(config, "connections", 4);
	if (s.connections < 1 || s.connections > 32) refuse("connections", "must be between 1 and 32");
	return s;
}


int SmtpSettings::defaultPort(const std::string& tls)
{
	return tls == "implicit" ? 465 : (tls == "starttls" ? 587 : 25);
}


std::string SmtpSettings::describe() const
{
	return "smtp " + host + ":" + std::to_string(port) + " " + tls +
		   (tls == "none" ? std::string() : " (TLS " + tlsMinVersion + "+)") +
		   (username.empty() ? std::string() : " auth " + auth + " as " + username);
}


} // namespace reminders
