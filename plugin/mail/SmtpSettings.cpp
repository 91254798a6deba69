//
// SmtpSettings.cpp
//


#include "plugin/mail/SmtpSettings.h"
#include "plugin/mail/SettingsSection.h"
#include <Poco/Environment.h>


namespace reminders {


SmtpSettings SmtpSettings::from(const Poco::Util::AbstractConfiguration& config)
{
	const SettingsSection smtp(config, "smtp",
							   {"host", "port", "tls", "tls_min_version", "username", "password", "auth", "cafile",
								"helo", "connect_timeout_seconds", "timeout_seconds", "rate_per_second",
								"connections"});
	// A mistyped key would silently fall back to a default (or, without
	// the host, to the spool): every key under smtp must be a known one.
	smtp.refuseUnknownKeys();
	smtp.require("host");

	SmtpSettings s;
	s.host = smtp.word("host", "", "must be a host name or address");
	s.tls = smtp.choice("tls", "starttls", {"starttls", "implicit", "none"});
	s.tlsMinVersion =
		smtp.choice("tls_min_version", "1.2", {"1.2", "1.3"}, "TLS 1.0 and 1.1 are broken and never allowed");
	s.port = smtp.port("port", defaultPort(s.tls));
	s.username = smtp.text("username", "");
	s.password = smtp.text("password", "");
	s.auth = smtp.choice("auth", "login", {"login", "plain"});
	if (!s.username.empty() && s.password.empty())
		smtp.refuse("password", "is missing: reminders.smtp.username is set");
	if (s.username.empty() && !s.password.empty())
		smtp.refuse("username", "is missing: reminders.smtp.password is set");
	// Found out now, not at the first send of a weekly run.
	s.cafile = smtp.caFile("cafile");
	s.helo = smtp.word("helo", Poco::Environment::nodeName(), "must be one name without spaces");
	s.connectTimeoutSeconds = smtp.positive("connect_timeout_seconds", 10);
	s.timeoutSeconds = smtp.positive("timeout_seconds", 60);
	s.ratePerSecond = smtp.decimal("rate_per_second", 0);
	if (!(s.ratePerSecond >= 0)) smtp.refuse("rate_per_second", "must not be negative");
	s.connections = smtp.between("connections", 4, 1, 32);
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
