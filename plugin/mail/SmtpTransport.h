//
// SmtpTransport.h
//


#ifndef Reminders_SmtpTransport_INCLUDED
#define Reminders_SmtpTransport_INCLUDED


#include "plugin/mail/SmtpSettings.h"
#include "plugin/mail/Transport.h"
#include <Poco/Net/Context.h>
#include <Poco/Timestamp.h>
#include <memory>


namespace reminders {


class SmtpSession;
struct PeerCheck;


class SmtpTransport: public Transport
/// Delivers over SMTP with Poco::Net::SMTPClientSession on one reused
/// connection: the socket is connected here with TCP_NODELAY (Poco's
/// DATA writes would otherwise stall on Nagle and delayed ACKs), TLS is
/// STARTTLS or implicit through NetSSL with the certificate and the host
/// name verified, then AUTH. Each message is its own MAIL/RCPT/DATA
/// transaction, so the server's final reply (with its queue id) is kept.
///
/// TLS is 1.2 at least (smtp.tls_min_version may raise it to 1.3). A
/// refused certificate is reported with its reason: unknown issuer,
/// expired (or not yet valid), or made for another host name.
///
/// A 5xx answer to AUTH throws CredentialsRefused (see Transport).
///
/// Outcomes: 2xx accepted; 4xx deferred; 5xx rejected; a connection that
/// fails before the end of DATA deferred (nothing was delivered); a
/// connection lost while waiting for the final reply unknown (it may
/// have been delivered). After a refused transaction the session is
/// reset (RSET); after a drop it is reopened on the next send.
{
public:
	explicit SmtpTransport(const SmtpSettings& settings);
	~SmtpTransport() override;

	Delivery send(const ComposedMessage& message) override;
	void close() override;
	std::string describe() const override;

	bool pipelined() const;
	/// Whether the last message's MAIL, RCPT and DATA went in one write
	/// (the server offered PIPELINING).

private:
	void open();
	void pace();
	std::string explain(const Poco::Exception& exc) const;
	/// Why a connection failed, in words: the certificate's problem when
	/// there was one, a TLS version the server lacks, else the exception.

	SmtpSettings _settings;
	std::unique_ptr<PeerCheck> _peerCheck; /// shared with OpenSSL's verify callback
	Poco::Net::Context::Ptr _context;
	std::unique_ptr<SmtpSession> _session;
	Poco::Timestamp _lastSend;
	bool _sentOnce = false;
	bool _pipelined = false;
};


} // namespace reminders


#endif // Reminders_SmtpTransport_INCLUDED
