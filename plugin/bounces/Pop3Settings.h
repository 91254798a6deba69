//
// Pop3Settings.h
//


#ifndef Reminders_Pop3Settings_INCLUDED
#define Reminders_Pop3Settings_INCLUDED


#include <Poco/Util/AbstractConfiguration.h>
#include <string>


namespace reminders {


struct Pop3Settings
/// The POP3 mailbox the bounce address is delivered to, from the plugin's
/// configuration section:
///   bounces.pop3.host, bounces.pop3.port (995 for implicit TLS, 110 for STLS),
///   bounces.pop3.tls = implicit (default) | stls,
///   bounces.pop3.username, bounces.pop3.password (both required),
///   bounces.pop3.cafile (PEM; default: the system's CAs),
///   bounces.pop3.timeout_seconds (60).
/// The server's certificate and host name are always verified, as for
/// SMTP (TLS 1.2 or newer); the password never goes out in plain text.
{
	std::string host;
	int port = 995;
	std::string tls = "implicit";
	std::string username;
	std::string password; /// never logged or shown
	std::string cafile;
	int timeoutSeconds = 60;

	static bool configured(const Poco::Util::AbstractConfiguration& config);
	/// Whether any bounces.pop3 key is set.

	static Pop3Settings from(const Poco::Util::AbstractConfiguration& config);
	/// Throws Poco::InvalidArgumentException naming the key of a bad or
	/// missing value, or an unknown key under bounces.pop3.

	std::string describe() const;
	/// "POP3 USER@HOST:PORT" (never the password).
};


} // namespace reminders


#endif // Reminders_Pop3Settings_INCLUDED
