//
// TransportFactory.cpp
//


#include "plugin/mail/TransportFactory.h"
#include "plugin/mail/ReturnPathTransport.h"
#include "plugin/mail/SmtpTransport.h"
#include "plugin/mail/SpoolTransport.h"
#include <Poco/NumberParser.h>


namespace reminders {


TransportFactory::TransportFactory(const Poco::Util::AbstractConfiguration& config, const std::string& pluginDirectory):
	_configured(new Poco::Util::MapConfiguration),
	_spool(config.getString("spool.directory", pluginDirectory + "/spool"))
{
	Poco::Util::AbstractConfiguration::Keys keys;
	config.keys("smtp", keys);
	for (const std::string& key: keys)
		_configured->setString("smtp." + key, config.getString("smtp." + key));
	// Any smtp key means SMTP was meant: SmtpSettings refuses a set without
	// its host rather than spooling in silence.
	smtp({});
	if (config.has("bounces.address") || config.has("bounces.key"))
		_returnPath.emplace(config.getString("bounces.address", ""), config.getString("bounces.key", ""));
}


Poco::AutoPtr<Poco::Util::MapConfiguration> TransportFactory::merged(const DeliverySettings& saved) const
{
	Poco::AutoPtr<Poco::Util::MapConfiguration> result(new Poco::Util::MapConfiguration);
	Poco::Util::AbstractConfiguration::Keys keys;
	_configured->keys("smtp", keys);
	for (const std::string& key: keys)
		result->setString("smtp." + key, _configured->getString("smtp." + key));
	const std::pair<const char*, const std::string*> texts[] = {{"smtp.host", &saved.smtpHost},
																{"smtp.tls", &saved.smtpTls},
																{"smtp.username", &saved.smtpUsername},
																{"smtp.password", &saved.smtpPassword},
																{"smtp.auth", &saved.smtpAuth}};
	for (const auto& [key, value]: texts)
		if (!value->empty()) result->setString(key, *value);
	if (saved.smtpPort != 0) result->setInt("smtp.port", saved.smtpPort);
	return result;
}


bool TransportFactory::hasSmtpKeys(const Poco::Util::AbstractConfiguration& config)
{
	Poco::Util::AbstractConfiguration::Keys keys;
	config.keys("smtp", keys);
	return !keys.empty();
}


bool TransportFactory::isSmtp(const DeliverySettings& saved) const
{
	// The saved choice, else the configuration's: saved SMTP values alone
	// never turn the spool into SMTP.
	if (!saved.mode.empty()) return saved.mode == "smtp";
	return hasSmtpKeys(*_configured);
}


std::optional<SmtpSettings> TransportFactory::smtp(const DeliverySettings& saved) const
{
	if (!isSmtp(saved)) return std::nullopt;
	return SmtpSettings::from(*merged(saved));
}


TransportFactory::Effective TransportFactory::effective(const DeliverySettings& saved) const
{
	const auto settings = merged(saved);
	Effective result;
	result.mode = isSmtp(saved) ? "smtp" : "spool";
	result.host = settings->getString("smtp.host", "");
	result.tls = settings->getString("smtp.tls", "starttls");
	result.port = SmtpSettings::defaultPort(result.tls);
	Poco::NumberParser::tryParse(settings->getString("smtp.port", ""), result.port);
	result.username = settings->getString("smtp.username", "");
	result.auth = settings->getString("smtp.auth", "login");
	result.passwordSet = !settings->getString("smtp.password", "").empty();
	result.spool = _spool;
	return result;
}


void TransportFactory::check(const DeliverySettings& saved) const
{
	// The SMTP values are checked whenever there are any, as the
	// configuration's are at start, so that a half-filled set is refused
	// now and not at the switch to SMTP. (The mode, smtp or spool, is
	// SettingsResource's to check, where it is read.)
	const auto settings = merged(saved);
	if (isSmtp(saved) || hasSmtpKeys(*settings)) SmtpSettings::from(*settings);
}


std::unique_ptr<Transport> TransportFactory::create(const DeliverySettings& saved) const
{
	std::unique_ptr<Transport> transport;
	if (std::optional<SmtpSettings> settings = smtp(saved))
		transport = std::make_unique<SmtpTransport>(*settings);
	else
		transport = std::make_unique<SpoolTransport>(_spool);
	if (_returnPath) transport = std::make_unique<ReturnPathTransport>(std::move(transport), *_returnPath);
	return transport;
}


std::string TransportFactory::describe(const DeliverySettings& saved) const
{
	const std::optional<SmtpSettings> settings = smtp(saved);
	return (settings ? settings->describe() : "spool " + _spool) +
		   (_returnPath ? ", bounces to " + _returnPath->address() : std::string());
}


int TransportFactory::connections(const DeliverySettings& saved) const
{
	const std::optional<SmtpSettings> settings = smtp(saved);
	return settings ? settings->connections : 1;
}


const std::optional<ReturnPath>& TransportFactory::returnPath() const
{
	return _returnPath;
}


} // namespace reminders
