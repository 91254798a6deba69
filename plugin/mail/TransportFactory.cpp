//
// TransportFactory.cpp
//


#include "plugin/mail/TransportFactory.h"
#include "plugin/mail/SpoolTransport.h"
#include <Poco/Exception.h>


namespace reminders {


TransportFactory::TransportFactory(const Poco::Util::AbstractConfiguration& config, const std::string& pluginDirectory):
	_config(config),
	_spool(config.getString("spool.directory", pluginDirectory + "/spool"))
{
	if (_config.has("smtp.host"))
		throw Poco::InvalidArgumentException("reminders.smtp.host is set, but SMTP delivery is not available in this "
											 "version; remove it to use the spool");
}


std::unique_ptr<Transport> TransportFactory::create() const
{
	return std::make_unique<SpoolTransport>(_spool);
}


std::string TransportFactory::describe() const
{
	return "spool " + _spool;
}


} // namespace reminders
