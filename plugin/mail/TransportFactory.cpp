//
// TransportFactory.cpp
//


#include "plugin/mail/TransportFactory.h"
#include "plugin/mail/SmtpTransport.h"
#include "plugin/mail/SpoolTransport.h"


namespace reminders {


TransportFactory::TransportFactory(const Poco::Util::AbstractConfiguration& config, const std::string& pluginDirectory):
	_spool(config.getString("spool.directory", pluginDirectory + "/spool"))
{
	// Any smtp key means SMTP was meant: SmtpSettings refuses a set without
	// its host rather than spooling in silence.
	Poco::Util::AbstractConfiguration::Keys keys;
	config.keys("smtp", keys);
	if (!keys.empty() || config.has("smtp.host")) _smtp = SmtpSettings::from(config);
}


std::unique_ptr<Transport> TransportFactory::create() const
{
	if (_smtp) return std::make_unique<SmtpTransport>(*_smtp);
	return std::make_unique<SpoolTransport>(_spool);
}


std::string TransportFactory::describe() const
{
	return _smtp ? _smtp->describe() : "spool " + _spool;
}


} // namespace reminders
