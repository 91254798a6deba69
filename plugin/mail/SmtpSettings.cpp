//
// SmtpSettings.cpp
//


#include "plugin/mail/SmtpSettings.h"
#include <Poco/Environment.h>
#include <Poco/Exception.h>


namespace reminders {


SmtpSettings SmtpSettings::from(const Poco::Util::AbstractConfiguration& config)
{
	SmtpSettings s;
	s.host = config.getString("smtp.host");
	s.tls = config.getString("smtp.tls", "starttls");
	if (s.tls != "starttls" && s.tls != "implicit" && s.tls != "none")
		throw Poco::InvalidArgumentException("reminders.smtp.tls must be starttls, implicit or none", s.tls);
	s.port = config.getInt("smtp.port", s.tls == "implicit" ? 465 : (s.tls == "starttls" ? 587 : 25));
	if (s.port <= 0 || s.port > 65535) throw Poco::InvalidArgumentException("reminders.smtp.port is not a port number");
	s.username = config.getString("smtp.username", "");
	s.password = config.getString("smtp.password", "");
	s.auth = config.getString("smtp.auth", "login");
	if (s.auth != "login" && s.auth != "plain")
		throw Poco::InvalidArgumentException("reminders.smtp.auth must be login or plain", s.auth);
	if (!s.username.empty() && s.password.empty())
		throw Poco::InvalidArgumentException("reminders.smtp.username is set without reminders.smtp.password");
	s.cafile = config.getString("smtp.cafile", "");
	s.helo = config.getString("smtp.helo", Poco::Environment::nodeName());
	s.connectTimeoutSeconds = config.getInt("smtp.connect_timeout_seconds", 10);
	s.timeoutSeconds = config.getInt("smtp.timeout_seconds", 60);
	s.ratePerSecond = config.getDouble("smtp.rate_per_second", 0);
	if (s.connectTimeoutSeconds <= 0 || s.timeoutSeconds <= 0 || s.ratePerSecond < 0)
		throw Poco::InvalidArgumentException("reminders.smtp timeouts must be positive and the rate not negative");
	return s;
}


std::string SmtpSettings::describe() const
{
	return "smtp " + host + ":" + std::to_string(port) + " " + tls +
		   (username.empty() ? std::string() : " auth " + auth + " as " + username);
}


} // namespace reminders
