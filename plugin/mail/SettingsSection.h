//
// SettingsSection.h
//


#ifndef Reminders_SettingsSection_INCLUDED
#define Reminders_SettingsSection_INCLUDED


#include <Poco/Util/AbstractConfiguration.h>
#include <functional>
#include <string>
#include <vector>


namespace reminders {


class SettingsSection
/// One section of the plugin's configuration, read strictly: the mail
/// clients' settings (smtp for SmtpSettings, bounces.pop3 for
/// Pop3Settings). Every refusal is a Poco::InvalidArgumentException whose
/// message names the key in full and says why, e.g.
///   reminders.smtp.port is not a whole number: "x"
{
public:
	SettingsSection(const Poco::Util::AbstractConfiguration& config, std::string name, std::vector<std::string> keys);
	/// `config`: the plugin's configuration section; `name`: the section
	/// within it ("smtp", "bounces.pop3"); `keys`: its settings, in the
	/// order a refused unknown key lists them.

	bool configured() const;
	/// Whether any key under the section is set.

	void refuseUnknownKeys() const;
	/// A mistyped key would silently fall back to a default: refuses any
	/// key that is not a setting ("is not a setting (known: host, port)").

	void require(const std::string& key) const;
	/// "is missing, but other reminders.NAME settings are set".

	std::string text(const std::string& key, const std::string& fallback) const;
	/// The value as it is, `fallback` when the key is not set.

	std::string word(const std::string& key, const std::string& fallback, const std::string& why) const;
	/// The value, refused with `why` when it is empty or holds a space,
	/// a tab or a line break.

	std::string choice(const std::string& key, const std::string& fallback, const std::vector<std::string>& options,
					   const std::string& note = "") const;
	/// The value when it is one of `options`; otherwise refused with
	/// "must be a, b or c, not \"VALUE\"", followed by " (NOTE)" if a note
	/// is given.

	int integer(const std::string& key, int fallback) const;
	/// "is not a whole number: \"VALUE\"".

	int port(const std::string& key, int fallback) const;
	/// An integer from 1 to 65535: "is not a port number (1 to 65535): N".

	int positive(const std::string& key, int fallback) const;
	/// An integer of at least 1: "must be positive".

	int between(const std::string& key, int fallback, int low, int high) const;
	/// An integer from `low` to `high`: "must be between LOW and HIGH".

	double decimal(const std::string& key, double fallback) const;
	/// "is not a number: \"VALUE\"".

	std::string caFile(const std::string& key) const;
	/// A PEM file of CA certificates, checked now rather than at the first
	/// connection: empty when the key is not set (or empty); otherwise the
	/// path, refused when it "does not exist", "is not a file", "cannot be
	/// read" (an empty file included) or "holds no PEM certificate".

	[[noreturn]] void refuse(const std::string& key, const std::string& why) const;
	/// Throws "reminders.NAME.KEY WHY".

private:
	void parse(const std::string& key, const std::string& what,
			   const std::function<bool(const std::string&)>& parser) const;
	/// When the key is set, hands its value to `parser`, refusing it with
	/// "is not WHAT: \"VALUE\"" when that says no.

	std::string path(const std::string& key) const;
	/// "NAME.KEY".

	const Poco::Util::AbstractConfiguration& _config;
	std::string _name;
	std::vector<std::string> _keys;
};


} // namespace reminders


#endif // Reminders_SettingsSection_INCLUDED
