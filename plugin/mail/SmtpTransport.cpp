//
// SmtpTransport.cpp
//


#include "plugin/mail/SmtpTransport.h"
#include "plugin/mail/Base64Text.h"
#include "plugin/mail/MimeBuilder.h"
#include <Poco/Net/MailStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Thread.h>
#include <mutex>
#include <sstream>


namespace reminders {


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
		if (code != 235) throw Poco::Net::SMTPException("authentication failed", response, code);
	}

	int data(const Poco::Net::MailMessage& message, std::string& response)
	{
		Poco::Net::SocketOutputStream socketStream(socket());
		Poco::Net::MailOutputStream mailStream(socketStream);
		message.write(mailStream);
		mailStream.close();
		socketStream.flush();
		return socket().receiveStatusMessage(response);
	}
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

std::string trimmed(std::string text)
{
	while (!text.empty() && (text.back() == '\r' || text.back() == '\n'))
		text.pop_back();
	return text;
}

void initializeTls()
{
	// Never ask on a console about a bad certificate: reject it.
	static std::once_flag once;
	std::call_once(once, [] {
		Poco::Net::initializeSSL();
		Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject(new Poco::Net::RejectCertificateHandler(false));
		Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, nullptr);
	});
}

} // namespace


SmtpTransport::SmtpTransport(const SmtpSettings& settings):
	_settings(settings)
{
	if (_settings.tls != "none")
	{
		initializeTls();
		_context =
			new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", _settings.cafile,
								   // STRICT: Poco skips the host-name check for local hosts unless strict.
								   Poco::Net::Context::VERIFY_STRICT, 9, _settings.cafile.empty(), "HIGH:!aNULL:!MD5");
	}
}


SmtpTransport::~SmtpTransport()
{
	close();
}


std::string SmtpTransport::describe() const
{
	return _settings.describe();
}


void SmtpTransport::open()
{
	const Poco::Net::SocketAddress address(_settings.host, static_cast<Poco::UInt16>(_settings.port));
	const Poco::Timespan connectTimeout(_settings.connectTimeoutSeconds, 0);
	const Poco::Timespan timeout(_settings.timeoutSeconds, 0);
	Poco::Net::StreamSocket socket;
	if (_settings.tls == "implicit")
	{
		Poco::Net::SecureStreamSocket secure(_context);
		secure.setPeerHostName(_settings.host);
		secure.connect(address, connectTimeout);
		socket = secure;
	}
	else
		socket.connect(address, connectTimeout);
	socket.setNoDelay(true);
	socket.setReceiveTimeout(timeout);
	socket.setSendTimeout(timeout);
	auto session = std::make_unique<SmtpSession>(socket);
	session->setTimeout(timeout);
	session->login(_settings.helo);
	if (_settings.tls == "starttls")
	{
		if (!session->startTLS(_settings.host, _context))
			throw SmtpReply(0, "the server does not offer STARTTLS; not sending in plain text");
		session->login(_settings.helo); // EHLO again, now over TLS
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
	std::unique_ptr<Poco::Net::MailMessage> mail = MimeBuilder::build(message);

	// Up to here nothing is delivered: any failure means "try again later".
	try
	{
		if (!_session) open();
		std::string response;
		int code = _session->sendCommand("MAIL FROM:", "<" + message.fromAddress + ">", response);
		if (!(code >= 200 && code < 300)) throw SmtpReply(code, trimmed(response));
		code = _session->sendCommand("RCPT TO:", "<" + message.to + ">", response);
		if (!(code >= 200 && code < 300)) throw SmtpReply(code, trimmed(response));
		code = _session->sendCommand("DATA", response);
		if (!(code >= 300 && code < 400)) throw SmtpReply(code, trimmed(response));
	}
	catch (const SmtpReply& refused)
	{
		Delivery delivery{refused.code() ? stateOf(refused.code()) : Delivery::State::DEFERRED, refused.code(),
						  refused.text().empty() ? "the server closed the connection without a reply" : refused.text()};
		if (refused.code() == 421 || refused.code() == 0)
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
		return {Delivery::State::DEFERRED, 0, "connection failed: " + exc.displayText()};
	}

	// The message is on its way: a failure now leaves its fate unknown.
	try
	{
		std::string response;
		const int code = _session->data(*mail, response);
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
