//
// SmtpPeer.h
//


#ifndef Tests_SmtpPeer_INCLUDED
#define Tests_SmtpPeer_INCLUDED


#include <Poco/Process.h>
#include <memory>
#include <string>
#include <vector>


namespace tests {


class SmtpPeer
/// A real SMTP server for a test, started on a free 127.0.0.1 port and
/// stopped with the object: Postfix's smtp-sink (with its fault flags) or
/// the aiosmtpd peer (STARTTLS, implicit TLS, AUTH, per-recipient
/// replies). Each peer writes the messages it accepts into its folder.
{
public:
	static std::unique_ptr<SmtpPeer> sink(const std::vector<std::string>& flags);
	/// smtp-sink with extra flags, e.g. {"-f", "RCPT"}.

	static std::unique_ptr<SmtpPeer> aiosmtpd(const std::vector<std::string>& flags);
	/// The aiosmtpd peer with flags, e.g. {"--starttls", cert, key}.

	~SmtpPeer();

	int port() const;
	int delivered() const;
	/// Messages whose content reached the peer (files in its folder that
	/// hold a message, not just an envelope).

	std::vector<std::string> messages() const;
	/// What delivered() counts, as the peer wrote it (smtp-sink puts the
	/// envelope first: "X-Mail-Args: <sender>").

	static std::string certificates();
	/// TestCertificates::folder(): see there.

private:
	SmtpPeer(const std::string& command, std::vector<std::string> args, const std::string& folder, int port);
	void waitUntilListening() const;

	std::string _folder;
	int _port;
	std::unique_ptr<Poco::ProcessHandle> _process;
};


} // namespace tests


#endif // Tests_SmtpPeer_INCLUDED
