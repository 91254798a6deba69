//
// SettingsSection.cpp
//


#include "plugin/mail/SettingsSection.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <algorithm>
#include <fstream>
#include <sstream>


namespace reminders {


SettingsSection::SettingsSection(const Poco::Util::AbstractConfiguration& config, std::string name,
								 std::vector<std::string> keys):
	_config(config),
	_name(std::move(name)),
	_keys(std::move(keys))
{}


bool SettingsSection::configured() const
{
	Poco::Util::AbstractConfiguration::Keys keys;
	_config.keys(_name, keys);
	return !keys.empty();
}


void SettingsSection::refuseUnknownKeys() const
{
	Poco::Util::AbstractConfiguration::Keys keys;
	_config.keys(_name, keys);
	for (const std::string& key: keys)
	{
		if (std::find(_keys.begin(), _keys.end(), key) != _keys.end()) continue;
		std::string known;
		for (const std::string& setting: _keys)
			known += (known.empty() ? "" : ", ") + setting;
		refuse(key, "is not a setting (known: " + known + ")");
	}
}


void SettingsSection::require(const std::string& key) const
{
	if (!_config.has(path(key))) refuse(key, "is missing, but other reminders." + _name + " settings are set");
}


std::string SettingsSection::text(const std::string& key, const std::string& fallback) const
{
	return _config.getString(path(key), fallback);
}


std::string SettingsSection::word(const std::string& key, const std::string& fallback, const std::string& why) const
{
	const std::string value = text(key, fallback);
	if (value.empty() || value.find_first_of(" \t\r\n") != std::string::npos) refuse(key, why);
	return value;
}


std::string SettingsSection::choice(const std::string& key, const std::string& fallback,
									const std::vector<std::string>& options, const std::string& note) const
{
	const std::string value = text(key, fallback);
	if (std::find(options.begin(), options.end(), value) != options.end()) return value;
	std::string list;
	for (std::size_t i = 0; i < options.size(); ++i)
		list += (i == 0 ? "" : (i + 1 == options.size() ? " or " : ", ")) + options[i];
	refuse(key, "must be " + list + ", not \"" + value + "\"" + (note.empty() ? "" : " (" + note + ")"));
}


int SettingsSection::integer(const std::string& key, int fallback) const
{
	int number = fallback;
	parse(key, "a whole number", [&](const std::string& value) { return Poco::NumberParser::tryParse(value, number); });
	return number;
}


int SettingsSection::port(const std::string& key, int fallback) const
{
	const int number = integer(key, fallback);
	if (number <= 0 || number > 65535) refuse(key, "is not a port number (1 to 65535): " + std::to_string(number));
	return number;
}


int SettingsSection::positive(const std::string& key, int fallback) const
{
	const int number = integer(key, fallback);
	if (number <= 0) refuse(key, "must be positive");
	return number;
}


int SettingsSection::between(const std::string& key, int fallback, int low, int high) const
{
	const int number = integer(key, fallback);
	if (number < low || number > high)
		refuse(key, "must be between " + std::to_string(low) + " and " + std::to_string(high));
	return number;
}


double SettingsSection::decimal(const std::string& key, double fallback) const
{
	double number = fallback;
	parse(key, "a number", [&](const std::string& value) { return Poco::NumberParser::tryParseFloat(value, number); });
	return number;
}


std::string SettingsSection::caFile(const std::string& key) const
{
	const std::string file = text(key, "");
	if (file.empty()) return file;
	Poco::File entry(file);
	if (!entry.exists()) refuse(key, "does not exist: " + file);
	if (!entry.isFile()) refuse(key, "is not a file: " + file);
	std::ifstream in(file, std::ios::binary);
	std::ostringstream content;
	if (!in || !(content << in.rdbuf())) refuse(key, "cannot be read: " + file);
	if (content.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos)
		refuse(key, "holds no PEM certificate: " + file);
	return file;
}


void SettingsSection::refuse(const std::string& key, const std::string& why) const
{
	throw Poco::InvalidArgumentException("reminders." + _name + "." + key + " " + why);
}


void SettingsSection::parse(const std::string& key, const std::string& what,
							const std::function<bool(const std::string&)>& parser) const
{
	if (!_config.has(path(key))) return;
	const std::string value = _config.getString(path(key));
	if (!parser(value)) refuse(key, "is not " + what + ": \"" + value + "\"");
}


std::string SettingsSection::path(const std::string& key) const
{
	return _name + "." + key;
}


} // namespace reminders
