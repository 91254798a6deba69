//
// TransportFactory.h
//


#ifndef Reminders_TransportFactory_INCLUDED
#define Reminders_TransportFactory_INCLUDED


#include "plugin/core/DeliverySettings.h"
#include "plugin/mail/ReturnPath.h"
#include "plugin/mail/SmtpSettings.h"
#include "plugin/mail/Transport.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <memory>
#include <optional>


namespace reminders {


class TransportFactory
/// Chooses the transport: what an administrator saved on the Email tab
/// (DeliverySettings) over the plugin's configuration, key by key. SMTP
/// when the saved mode says so or, with no saved mode, when the
/// configuration has any smtp key; else the spool folder (spool.directory, by default <plugin
/// folder>/spool). The spool folder is the configuration's alone: a folder
/// on the server is not chosen from a browser. With bounces.address (and
/// bounces.key) every message gets its own envelope sender (ReturnPath).
{
public:
	struct Effective
	/// The delivery in force, as the Email tab shows it (unchecked).
	{
		std::string mode; /// smtp or spool
		std::string host;
		int port = 0;
		std::string tls;
		std::string username;
		std::string auth;
		bool passwordSet = false;
		std::string spool;
	};

	TransportFactory(const Poco::Util::AbstractConfiguration& config, const std::string& pluginDirectory);
	/// Reads and checks the configuration's smtp keys, at the plugin's
	/// start: a bad one stops the start (Poco::InvalidArgumentException).

	Effective effective(const DeliverySettings& saved) const;

	void check(const DeliverySettings& saved) const;
	/// Throws Poco::InvalidArgumentException naming the key
	/// (reminders.smtp.<key>) of a saved set that cannot work.

	std::unique_ptr<Transport> create(const DeliverySettings& saved = {}) const;

	std::string describe(const DeliverySettings& saved = {}) const;
	/// E.g. "smtp mail.example.com:587 starttls" (no password).

	int connections(const DeliverySettings& saved = {}) const;
	/// How many senders the weekly run uses: smtp.connections for SMTP, 1
	/// for the spool.

	const std::optional<ReturnPath>& returnPath() const;
	/// The per-message return path, when bounces.address is configured.

private:
	Poco::AutoPtr<Poco::Util::MapConfiguration> merged(const DeliverySettings& saved) const;
	/// The configuration's smtp keys with the saved ones over them.
	static bool hasSmtpKeys(const Poco::Util::AbstractConfiguration& config);
	bool isSmtp(const DeliverySettings& saved) const;
	std::optional<SmtpSettings> smtp(const DeliverySettings& saved) const;

	Poco::AutoPtr<Poco::Util::MapConfiguration> _configured;
	std::string _spool;
	std::optional<ReturnPath> _returnPath; /// bounces.address and bounces.key: one envelope sender per message
};


} // namespace reminders


#endif // Reminders_TransportFactory_INCLUDED
