//
// TransportFactory.h
//


#ifndef Reminders_TransportFactory_INCLUDED
#define Reminders_TransportFactory_INCLUDED


#include "plugin/mail/SmtpSettings.h"
#include "plugin/mail/Transport.h"
#include <Poco/Util/AbstractConfiguration.h>
#include <memory>
#include <optional>


namespace reminders {


class TransportFactory
/// Chooses the transport from the plugin's configuration: SMTP when
/// smtp.host (or any smtp key) is set, else the spool folder
/// (spool.directory, by default <plugin folder>/spool). The SMTP settings
/// are checked here, at the plugin's start: a bad one stops the start.
{
public:
	TransportFactory(const Poco::Util::AbstractConfiguration& config, const std::string& pluginDirectory);
	/// Throws Poco::InvalidArgumentException for a configuration that cannot work.

	std::unique_ptr<Transport> create() const;

	std::string describe() const;

private:
	std::string _spool;
	std::optional<SmtpSettings> _smtp;
};


} // namespace reminders


#endif // Reminders_TransportFactory_INCLUDED
