//
// SmtpTransport.cpp
//


#include "plugin/mail/SmtpTransport.h"
#include "plugin/mail/Base64Text.h"
#include "plugin/mail/ClientTls.h"
#include "plugin/mail/MimeBuilder.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/X509Certificate.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <mutex>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <set>
#include <sstream>


namespace reminders {


namespace {

std::string trimmed(std::string text)
{
	while (!text.empty() && (text.back() == '\r' || text.back() == '\n'))
		text.pop_back();
	return text;
}

} // namespace


struct PeerCheck
/// What OpenSSL found wrong with the server's certificate during the
/// last handshake, recorded by the transport's verify callback (OpenSSL
/// itself only says "certificate verify failed").
{
	int error = X509_V_OK;
	std::string names;    /// the server certificate's names
	std::string notAfter; /// the failing certificate's end of validity, YYYY-MM-DD
	std::string notBefore;
	bool handshaking = false; /// a TLS handshake was under way when it failed
};


class SmtpSession: public Poco::Net::SMTPClientSession
/// SMTPClientSession with what the transport needs beyond it: STARTTLS
/// that verifies the configured host name (Poco's secure session keeps
/// no host name when built on a socket), and the raw DATA phase that
/// returns the server's final reply.
{
public:
	explicit SmtpSession(const Poco::Net::StreamSocket& socket):
		Poco::Net::SMTPClientSession(socket)
	{}

	bool startTLS(const std::string& host, Poco::Net::Context::Ptr context)
	{
		std::string response;
		if (!isPositiveCompletion(sendCommand("STARTTLS", response))) return false;
		Poco::Net::SecureStreamSocket secure(Poco::Net::SecureStreamSocket::attach(socket(), host, context));
		secure.setNoDelay(true);
		socket() = secure;
		return true;
	}

	void authenticate(const std::string& method, const std::string& username, const std::string& password)
	/// AUTH LOGIN or PLAIN, without relying on the wording of the server's
	/// challenges (Poco's login insists on "Username:", which not every
	/// server sends). Throws Poco::Net::SMTPException with the reply.
	{
		std::string response;
		int code = 0;
		if (method == "plain")
			code = sendCommand("AUTH PLAIN", Base64Text::encode(std::string(1, '\0') + username + '\0' + password),
							   response);
		else
		{
			code = sendCommand("AUTH LOGIN", response);
			if (code == 334) code = sendCommand(Base64Text::encode(username), response);
			if (code == 334) code = sendCommand(Base64Text::encode(password), response);
		}
		// A 5xx answer is the server refusing these credentials: no message
		// can go out until the configuration changes. A 4xx is for now.
		if (code >= 500) throw CredentialsRefused(code, trimmed(response));
		if (code != 235) throw Poco::Net::SMTPException("authentication failed", trimmed(response), code);
	}

	void greet(const std::string& helo)
	/// EHLO (HELO when refused), noting whether the server offers
	/// PIPELINING (RFC 2920).
	{
		std::string response;
		login(helo, response);
		_pipelining = false;
		std::istringstream lines(response);
		std::string line;
		while (std::getline(lines, line))
			_pipelining = _pipelining || Poco::icompare(Poco::trim(line.size() > 4 ? line.substr(4) : ""),
														std::string("PIPELINING")) == 0;
	}

	bool pipelining() const
	{
		return _pipelining;
	}

	struct Envelope
	{
		int mail = 0, rcpt = 0, data = 0; /// 0: no reply (not sent, or the connection closed)
		std::string mailText, rcptText, dataText;
	};

	Envelope envelope(const std::string& sender, const std::string& recipient)
	/// MAIL, RCPT and DATA: in one write when the server offers
	/// PIPELINING, each reply still read and kept; else one at a time,
	/// stopping at the first refusal.
	{
		Envelope e;
		if (!_pipelining)
		{
			e.mail = sendCommand("MAIL FROM:", "<" + sender + ">", e.mailText);
			if (e.mail >= 200 && e.mail < 300) e.rcpt = sendCommand("RCPT TO:", "<" + recipient + ">", e.rcptText);
			if (e.rcpt >= 200 && e.rcpt < 300) e.data = sendCommand("DATA", e.dataText);
			return e;
		}
		socket().sendString("MAIL FROM:<" + sender + ">\r\nRCPT TO:<" + recipient + ">\r\nDATA\r\n");
		for (auto [code, text]:
			 {std::pair<int*, std::string*>{&e.mail, &e.mailText}, {&e.rcpt, &e.rcptText}, {&e.data, &e.dataText}})
		{
			try
			{
				*code = socket().receiveStatusMessage(*text);
			}
			catch (Poco::Exception&)
			{
				*code = 0; // closed (after a 421, say): no more replies
			}
			if (*code == 0) break;
		}
		// DATA accepted although MAIL or RCPT was not (RFC 2920 allows no
		// such server, some do it): an empty message ends it, never sent.
		if (e.data == 354 && !(e.mail >= 200 && e.mail < 300 && e.rcpt >= 200 && e.rcpt < 300))
		{
			std::string ignored;
			socket().sendString(".\r\n");
			socket().receiveStatusMessage(ignored);
		}
		return e;
	}

	int data(const std::string& message, std::string& response)
	/// The message (MimeBuilder::bytes), dot-stuffed and with its final "."
	/// in one buffer, written in one piece; the server's final reply.
	{
		std::string bytes;
		bytes.reserve(message.size() + 8);
		// RFC 5321 4.5.2: a line that starts with "." gets one more (the
		// builder writes none; a message from elsewhere may).
		if (!message.empty() && message[0] == '.') bytes += '.';
		for (std::size_t from = 0;;)
		{
			const std::size_t at = message.find("\r\n.", from);
			if (at == std::string::npos)
			{
				bytes.append(message, from, std::string::npos);
				break;
			}
			bytes.append(message, from, at + 3 - from);
			bytes += '.';
			from = at + 3;
		}
		if (bytes.size() < 2 || bytes.compare(bytes.size() - 2, 2, "\r\n") != 0) bytes += "\r\n";
		bytes += ".\r\n";
		std::size_t sent = 0;
		while (sent < bytes.size())
		{
			const int n = socket().sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
			if (n <= 0) throw Poco::Net::NetException("the connection closed while the message was written");
			sent += static_cast<std::size_t>(n);
		}
		return socket().receiveStatusMessage(response);
	}

private:
	bool _pipelining = false;
};


namespace {

class SmtpReply: public std::exception
// A refused command: its reply code and text.
{
public:
	SmtpReply(int code, std::string text):
		_code(code),
		_text(std::move(text))
	{}

	int code() const
	{
		return _code;
	}

	const std::string& text() const
	{
		return _text;
	}

	const char* what() const noexcept override
	{
		return _text.c_str();
	}

private:
	int _code;
	std::string _text;
};

Delivery::State stateOf(int code)
{
	if (code >= 200 && code < 300) return Delivery::State::ACCEPTED;
	if (code >= 500) return Delivery::State::REJECTED;
	return Delivery::State::DEFERRED;
}

int peerCheckIndex()
{
	static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
	return index;
}

std::string day(const ASN1_TIME* time)
{
	std::tm tm{};
	if (!time || ASN1_TIME_to_tm(time, &tm) != 1) return "";
	char text[16];
	std::strftime(text, sizeof(text), "%Y-%m-%d", &tm);
	return text;
}

int recordVerification(int ok, X509_STORE_CTX* store)
// OpenSSL's verdict stands; this only keeps its reason for the reply text.
{
	SSL* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
	PeerCheck* check =
		ssl ? static_cast<PeerCheck*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), peerCheckIndex())) : nullptr;
	if (!check) return ok;
	X509* certificate = X509_STORE_CTX_get_current_cert(store);
	if (certificate && X509_STORE_CTX_get_error_depth(store) == 0 && check->names.empty())
	{
		std::string commonName;
		std::set<std::string> names;
		Poco::Net::X509Certificate(certificate, true).extractNames(commonName, names);
		if (names.empty() && !commonName.empty()) names.insert(commonName);
		for (const std::string& name: names)
			check->names += (check->names.empty() ? "" : ", ") + name;
	}
	if (!ok && check->error == X509_V_OK)
	{
		check->error = X509_STORE_CTX_get_error(store);
		if (certificate)
		{
			check->notAfter = day(X509_get0_notAfter(certificate));
			check->notBefore = day(X509_get0_notBefore(certificate));
		}
	}
	return ok;
}

Poco::Net::Context::Protocols minimumProtocol(const std::string& version)
{
	return version == "1.3" ? Poco::Net::Context::PROTO_TLSV1_3 : Poco::Net::Context::PROTO_TLSV1_2;
}

bool versionRefused(const std::string& text)
{
	// The words OpenSSL uses when the two sides share no version.
	for (const char* words:
		 {"unsupported protocol", "protocol version", "wrong version number", "no protocols available"})
		if (text.find(words) != std::string::npos) return true;
	return false;
}

} // namespace


SmtpTransport::SmtpTransport(const SmtpSettings& settings):
	_settings(settings),
	_peerCheck(std::make_unique<PeerCheck>())
{
	if (_settings.tls != "none")
	{
		ClientTls::initialize();
		_context =
			new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", _settings.cafile,
								   // STRICT: Poco skips the host-name check for local hosts unless strict.
								   Poco::Net::Context::VERIFY_STRICT, 9, _settings.cafile.empty(), "HIGH:!aNULL:!MD5");
		// TLS 1.2 at least (or what the settings ask, never lower): relays
		// that speak only SSL, TLS 1.0 or 1.1 get nothing.
		_context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
								   Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
		_context->requireMinimumProtocol(minimumProtocol(_settings.tlsMinVersion));
		// OpenSSL checks the name too (Poco checks it after the handshake),
		// so that a wrong name is reported as such; the callback keeps the
		// reason of a refused certificate.
		SSL_CTX* native = _context->sslContext();
		X509_VERIFY_PARAM* param = SSL_CTX_get0_param(native);
		Poco::Net::IPAddress ip;
		if (Poco::Net::IPAddress::tryParse(_settings.host, ip))
			X509_VERIFY_PARAM_set1_ip_asc(param, _settings.host.c_str());
		else
			X509_VERIFY_PARAM_set1_host(param, _settings.host.c_str(), 0);
		SSL_CTX_set_ex_data(native, peerCheckIndex(), _peerCheck.get());
		SSL_CTX_set_verify(native, SSL_CTX_get_verify_mode(native), recordVerification);
	}
}


SmtpTransport::~SmtpTransport()
{
	close();
}


bool SmtpTransport::pipelined() const
{
	return _pipelined;
}


std::string SmtpTransport::describe() const
{
	return _settings.describe();
}


std::string SmtpTransport::explain(const Poco::Exception& exc) const
{
	const std::string text = exc.displayText();
	const PeerCheck& check = *_peerCheck;
	switch (check.error)
	{
	case X509_V_OK:
		break;
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
		return "the server's certificate has an unknown issuer (" +
			   std::string(X509_verify_cert_error_string(check.error)) + "): its CA is not among the trusted ones (" +
			   (_settings.cafile.empty() ? "the system's CAs" : "reminders.smtp.cafile " + _settings.cafile) + ")";
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return "the server's certificate has expired (valid until " + check.notAfter + ")";
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return "the server's certificate is not valid yet (valid from " + check.notBefore + ")";
	case X509_V_ERR_HOSTNAME_MISMATCH:
	case X509_V_ERR_IP_ADDRESS_MISMATCH:
		return "the server's certificate is for a wrong host name: it is for " +
			   (check.names.empty() ? std::string("other names") : check.names) + ", not " + _settings.host;
	default:
		return "the server's certificate was refused: " + std::string(X509_verify_cert_error_string(check.error));
	}
	if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&exc))
		return "the server's certificate is for a wrong host name: " + text;
	if (!check.handshaking) return text;
	const std::string minimum = "TLS " + _settings.tlsMinVersion +
								" or newer (reminders.smtp.tls_min_version = " + _settings.tlsMinVersion + ")";
	if (versionRefused(text)) return "the server does not offer " + minimum + ": " + text;
	// Some servers just close the connection when no version fits.
	return "the TLS handshake failed (" + text + "); the server may not offer " + minimum;
}


void SmtpTransport::open()
{
	*_peerCheck = PeerCheck();
	const Poco::Net::SocketAddress address(_settings.host, static_cast<Poco::UInt16>(_settings.port));
	const Poco::Timespan connectTimeout(_settings.connectTimeoutSeconds, 0);
	const Poco::Timespan timeout(_settings.timeoutSeconds, 0);
	Poco::Net::StreamSocket socket;
	if (_settings.tls == "implicit")
	{
		Poco::Net::SecureStreamSocket secure(_context);
		secure.setPeerHostName(_settings.host);
		_peerCheck->handshaking = true;
		secure.connect(address, connectTimeout);
		_peerCheck->handshaking = false;
		socket = secure;
	}
	else
		socket.connect(address, connectTimeout);
	socket.setNoDelay(true);
	socket.setReceiveTimeout(timeout);
	socket.setSendTimeout(timeout);
	auto session = std::make_unique<SmtpSession>(socket);
	session->setTimeout(timeout);
	session->greet(_settings.helo);
	if (_settings.tls == "starttls")
	{
		_peerCheck->handshaking = true;
		if (!session->startTLS(_settings.host, _context))
			throw SmtpReply(0, "the server does not offer STARTTLS; not sending in plain text");
		_peerCheck->handshaking = false;
		session->greet(_settings.helo); // EHLO again, now over TLS
	}
	if (!_settings.username.empty()) session->authenticate(_settings.auth, _settings.username, _settings.password);
	_session = std::move(session);
}


void SmtpTransport::close()
{
	if (!_session) return;
	try
	{
		_session->close(); // QUIT
	}
	catch (...)
	{
		// The connection is gone already.
	}
	_session.reset();
}


void SmtpTransport::pace()
{
	if (_settings.ratePerSecond <= 0 || !_sentOnce) return;
	const Poco::Timestamp::TimeDiff interval = static_cast<Poco::Timestamp::TimeDiff>(1e6 / _settings.ratePerSecond);
	const Poco::Timestamp::TimeDiff elapsed = _lastSend.elapsed();
	if (elapsed < interval) Poco::Thread::sleep(static_cast<long>((interval - elapsed) / 1000));
}


Delivery SmtpTransport::send(const ComposedMessage& message)
{
	pace();
	_sentOnce = true;
	_lastSend.update();
	const std::string mail = MimeBuilder::bytes(message);

	// Up to here nothing is delivered: any failure means "try again later".
	try
	{
		if (!_session) open();
		const std::string& sender = message.envelopeSender.empty() ? message.fromAddress : message.envelopeSender;
		_pipelined = _session->pipelining();
		const SmtpSession::Envelope envelope = _session->envelope(sender, message.to);
		if (!(envelope.mail >= 200 && envelope.mail < 300)) throw SmtpReply(envelope.mail, trimmed(envelope.mailText));
		if (!(envelope.rcpt >= 200 && envelope.rcpt < 300)) throw SmtpReply(envelope.rcpt, trimmed(envelope.rcptText));
		if (!(envelope.data >= 300 && envelope.data < 400)) throw SmtpReply(envelope.data, trimmed(envelope.dataText));
	}
	catch (const SmtpReply& refused)
	{
		// A "503 bad sequence" first in a pipelined group means the server
		// lost the group's order, not a verdict on the message: try again
		// later, on a new session.
		const bool outOfStep = _pipelined && refused.code() == 503;
		Delivery delivery{refused.code() && !outOfStep ? stateOf(refused.code()) : Delivery::State::DEFERRED,
						  refused.code(),
						  refused.text().empty() ? "the server closed the connection without a reply" : refused.text()};
		if (refused.code() == 421 || refused.code() == 0 || outOfStep)
			close();
		else
		{
			try
			{
				std::string ignored;
				_session->sendCommand("RSET", ignored);
			}
			catch (...)
			{
				_session.reset();
			}
		}
		return delivery;
	}
	catch (Poco::Exception& exc)
	{
		_session.reset();
		return {Delivery::State::DEFERRED, 0, "connection failed: " + explain(exc)};
	}

	// The message is on its way: a failure now leaves its fate unknown.
	try
	{
		std::string response;
		const int code = _session->data(mail, response);
		if (code == 0)
		{
			// The connection closed without an answer: it may have arrived.
			_session.reset();
			return {Delivery::State::UNKNOWN, 0, "the connection closed after the message was sent, before the reply"};
		}
		if (code == 421) close();
		return {stateOf(code), code, trimmed(response)};
	}
	catch (Poco::Exception& exc)
	{
		_session.reset();
		return {Delivery::State::UNKNOWN, 0, "connection lost after the message was sent: " + exc.displayText()};
	}
}


} // namespace reminders
