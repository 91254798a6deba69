//
// SmtpSettings.h
//


#ifndef Reminders_SmtpSettings_INCLUDED
#define Reminders_SmtpSettings_INCLUDED


#include <Poco/Util/AbstractConfiguration.h>
#include <string>


namespace reminders {


struct SmtpSettings
/// The SMTP relay, from the plugin's configuration section:
///   smtp.host, smtp.port (25, or 465 for implicit TLS, 587 for STARTTLS),
///   smtp.tls = starttls (default) | implicit | none,
///   smtp.tls_min_version = 1.2 (default) | 1.3 (never lower),
///   smtp.username, smtp.password, smtp.auth = login (default) | plain,
///   smtp.cafile (PEM; default: the system's CAs; must exist and hold a
///     certificate),
///   smtp.helo (default: this machine's name),
///   smtp.connect_timeout_seconds (10), smtp.timeout_seconds (60),
///   smtp.rate_per_second (0: no limit; per connection),
///   smtp.connections (4: the weekly run's senders, each over its own
///     connection; 1 sends in the planned order over one).
/// Certificates and the host name are always verified when TLS is on;
/// with TLS configured nothing is ever sent in plain text.
{
	std::string host;
	int port = 25;
	std::string tls = "starttls";
	std::string tlsMinVersion = "1.2"; /// "1.2" or "1.3"
	std::string username;
	std::string password; /// never logged or shown
	std::string auth = "login";
	std::string cafile;
	std::string helo;
	int connectTimeoutSeconds = 10;
	int timeoutSeconds = 60;
	double ratePerSecond = 0;
	int connections = 4;

	static SmtpSettings from(const Poco::Util::AbstractConfiguration& config);
	/// Throws Poco::InvalidArgumentException naming the key of a bad value,
	/// an unknown key under smtp, or smtp keys without smtp.host.

	static int defaultPort(const std::string& tls);
	/// 465 for implicit TLS, 587 for STARTTLS, 25 without TLS.

	std::string describe() const;
	/// "smtp mail.example.com:587 starttls (TLS 1.2+) auth login as USER"
	/// (never the password).
};


} // namespace reminders


#endif // Reminders_SmtpSettings_INCLUDED
