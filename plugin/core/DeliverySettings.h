//
// DeliverySettings.h
//


#ifndef Reminders_DeliverySettings_INCLUDED
#define Reminders_DeliverySettings_INCLUDED


#include <string>


namespace reminders {


struct DeliverySettings
/// How the reminders leave, as an administrator saved it on the Email tab.
/// An empty value (0 for the port) means "as the host's configuration
/// says": reminders.smtp.* there, or the spool folder when it names no SMTP
/// server. What is saved here wins over the configuration, key by key.
{
	std::string mode;         /// "smtp", "spool", or empty: SMTP when any smtp key is set, else the spool
	std::string smtpHost;     /// smtp.host
	int smtpPort = 0;         /// smtp.port; 0: the configuration's, or the TLS mode's default port
	std::string smtpTls;      /// smtp.tls: starttls, implicit or none
	std::string smtpUsername; /// smtp.username
	std::string smtpPassword; /// smtp.password: never logged, never answered, never in the audit log
	std::string smtpAuth;     /// smtp.auth: login or plain

	bool operator==(const DeliverySettings& other) const
	{
		return mode == other.mode && smtpHost == other.smtpHost && smtpPort == other.smtpPort &&
			   smtpTls == other.smtpTls && smtpUsername == other.smtpUsername && smtpPassword == other.smtpPassword &&
			   smtpAuth == other.smtpAuth;
	}
	bool operator!=(const DeliverySettings& other) const
	{
		return !(*this == other);
	}
};


} // namespace reminders


#endif // Reminders_DeliverySettings_INCLUDED
