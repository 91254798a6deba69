//
// LogSetup.cpp
//


#include "ops/LogSetup.h"
#include "ops/JsonLogFormatter.h"
#include "ops/ReopenableFileChannel.h"
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Instantiator.h>
#include <Poco/Logger.h>
#include <Poco/LoggingFactory.h>
#include <map>
#include <mutex>
#include <vector>


namespace host {


std::string LogSetup::formatProblem(const Poco::Util::AbstractConfiguration& config)
{
	const std::string format = config.getString("logging.format", "text");
	if (format == "text" || format == "json") return "";
	return "logging.format must be text or json, not " + format;
}


void LogSetup::prepare(Poco::Util::AbstractConfiguration& config)
{
	static std::once_flag once;
	std::call_once(once, [] {
		Poco::LoggingFactory::defaultFactory().registerChannelClass(
			"ReopenableFileChannel", new Poco::Instantiator<ReopenableFileChannel, Poco::Channel>);
		Poco::LoggingFactory::defaultFactory().registerFormatterClass(
			"JsonLogFormatter", new Poco::Instantiator<JsonLogFormatter, Poco::Formatter>);
	});
	// Channels declared under logging.channels, and a logger's own channel.
	Poco::Util::AbstractConfiguration::Keys names;
	config.keys("logging.channels", names);
	for (const std::string& name: names)
	{
		const std::string key = "logging.channels." + name + ".class";
		if (config.getString(key, "") == "FileChannel") config.setString(key, "ReopenableFileChannel");
	}
	config.keys("logging.loggers", names);
	for (const std::string& name: names)
	{
		const std::string key = "logging.loggers." + name + ".channel.class";
		if (config.getString(key, "") == "FileChannel") config.setString(key, "ReopenableFileChannel");
	}
}


void LogSetup::applyFormat(const Poco::Util::AbstractConfiguration& config)
{
	const std::string problem = formatProblem(config);
	if (!problem.empty()) throw Poco::InvalidArgumentException(problem);
	if (config.getString("logging.format", "text") != "json") return;
	Poco::AutoPtr<Poco::Formatter> json(new JsonLogFormatter);
	std::vector<std::string> names;
	Poco::Logger::names(names);
	names.push_back("");
	// A channel shared by several loggers gets one wrapper.
	std::map<Poco::Channel*, Poco::AutoPtr<Poco::Channel>> wrapped;
	for (const std::string& name: names)
	{
		Poco::Logger& logger = Poco::Logger::get(name);
		Poco::Channel::Ptr channel = logger.getChannel();
		if (!channel) continue;
		if (auto* formatting = dynamic_cast<Poco::FormattingChannel*>(channel.get()))
		{
			formatting->setFormatter(json);
			continue;
		}
		auto it = wrapped.find(channel.get());
		if (it == wrapped.end()) it = wrapped.emplace(channel.get(), new Poco::FormattingChannel(json, channel)).first;
		logger.setChannel(it->second);
	}
}


} // namespace host
