//
// Pop3Settings.cpp
//


#include "plugin/bounces/Pop3Settings.h"
#include "plugin/mail/SettingsSection.h"


namespace reminders {


namespace {

SettingsSection section(const Poco::Util::AbstractConfiguration& config)
{
	return SettingsSection(config, "bounces.pop3",
						   {"host", "port", "tls", "username", "password", "cafile", "timeout_seconds"});
}

} // namespace


bool Pop3Settings::configured(const Poco::Util::AbstractConfiguration& config)
{
	return section(config).configured();
}


Pop3Settings Pop3Settings::from(const Poco::Util::AbstractConfiguration& config)
{
	const SettingsSection pop3 = section(config);
	pop3.refuseUnknownKeys();
	pop3.require("host");

	Pop3Settings s;
	s.host = pop3.word("host", "", "must be a host name or address");
	s.tls = pop3.choice("tls", "implicit", {"implicit", "stls"}, "the password never goes out in plain text");
	s.port = pop3.port("port", s.tls == "implicit" ? 995 : 110);
	s.username = pop3.text("username", "");
	s.password = pop3.text("password", "");
	if (s.username.empty()) pop3.refuse("username", "is missing");
	if (s.password.empty()) pop3.refuse("password", "is missing");
	if ((s.username + s.password).find_first_of("\r\n") != std::string::npos)
		pop3.refuse(s.username.find_first_of("\r\n") != std::string::npos ? "username" : "password",
					"must be one line");
	// Found out at start, not at the first read.
	s.cafile = pop3.caFile("cafile");
	s.timeoutSeconds = pop3.positive("timeout_seconds", 60);
	return s;
}


std::string Pop3Settings::describe() const
{
	return "POP3 " + username + "@" + host + ":" + std::to_string(port);
}


} // namespace reminders
