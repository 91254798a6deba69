//
// Pop3Mailbox.cpp
//


#include "plugin/bounces/Pop3Mailbox.h"
#include "plugin/mail/ClientTls.h"
#include <Poco/Exception.h>
#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/POP3ClientSession.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/String.h>
#include <mutex>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <ostream>
#include <sstream>


namespace reminders {


namespace {

bool positive(const std::string& response)
{
	return response.compare(0, 3, "+OK") == 0;
}

std::string trimmed(const std::string& text)
{
	return Poco::trim(text).substr(0, 200);
}

class BoundedText: public std::streambuf
/// Keeps the first `maximum` characters written to it, drops the rest.
{
public:
	explicit BoundedText(std::size_t maximum):
		_maximum(maximum)
	{}

	std::string text;

protected:
	int_type overflow(int_type c) override
	{
		if (c != traits_type::eof() && text.size() < _maximum) text.push_back(static_cast<char>(c));
		return traits_type::not_eof(c);
	}

private:
	std::size_t _maximum;
};

// A unique id as a mailbox id: no ':' (the reader cuts a Maildir's flags there).
std::string idOf(const std::string& uid)
{
	return Poco::replace(uid, ":", "%3A");
}

} // namespace


Pop3Mailbox::Pop3Mailbox(const Pop3Settings& settings):
	_settings(settings)
{
	ClientTls::initialize();
	_context =
		new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", _settings.cafile,
							   // STRICT: Poco skips the host-name check for local hosts unless strict.
							   Poco::Net::Context::VERIFY_STRICT, 9, _settings.cafile.empty(), "HIGH:!aNULL:!MD5");
	_context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
							   Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
	_context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
	// OpenSSL checks the name during the handshake too.
	X509_VERIFY_PARAM* param = SSL_CTX_get0_param(_context->sslContext());
	Poco::Net::IPAddress ip;
	if (Poco::Net::IPAddress::tryParse(_settings.host, ip))
		X509_VERIFY_PARAM_set1_ip_asc(param, _settings.host.c_str());
	else
		X509_VERIFY_PARAM_set1_host(param, _settings.host.c_str(), 0);
}


Pop3Mailbox::~Pop3Mailbox()
{
	abandon();
}


std::string Pop3Mailbox::describe() const
{
	return _settings.describe();
}


void Pop3Mailbox::abandon()
{
	_numbers.clear();
	if (!_session) return;
	try
	{
		_socket.close(); // so that the session's QUIT at its end cannot go out
	}
	catch (...)
	{}
	_session.reset();
}


void Pop3Mailbox::open()
{
	const std::string where = describe() + ": ";
	const Poco::Net::SocketAddress address(_settings.host, static_cast<Poco::UInt16>(_settings.port));
	const Poco::Timespan timeout(_settings.timeoutSeconds, 0);
	const std::string trust = " (the certificate must be for " + _settings.host + ", from a CA in " +
							  (_settings.cafile.empty() ? std::string("the system's CAs")
														: "reminders.bounces.pop3.cafile " + _settings.cafile) +
							  ")";
	Poco::Net::StreamSocket socket;
	try
	{
		if (_settings.tls == "implicit")
		{
			Poco::Net::SecureStreamSocket secure(_context);
			secure.setPeerHostName(_settings.host);
			secure.connect(address, timeout);
			secure.completeHandshake();
			socket = secure;
		}
		else
			socket.connect(address, timeout);
		socket.setReceiveTimeout(timeout);
		socket.setSendTimeout(timeout);
		std::string response;
		{
			Poco::Net::DialogSocket dialog(socket);
			dialog.receiveMessage(response);
			if (!positive(response))
				throw Poco::Net::POP3Exception(where + "the server is not available: " + trimmed(response));
			if (_settings.tls == "stls")
			{
				dialog.sendMessage("STLS");
				dialog.receiveMessage(response);
				if (!positive(response))
					throw Poco::Net::POP3Exception(where + "the server does not offer STLS (" + trimmed(response) +
												   "); not logging in in plain text");
			}
		}
		if (_settings.tls == "stls")
		{
			Poco::Net::SecureStreamSocket secure(
				Poco::Net::SecureStreamSocket::attach(socket, _settings.host, _context));
			secure.completeHandshake();
			socket = secure;
		}
	}
	catch (Poco::Net::SSLException& exc)
	{
		throw Poco::Net::SSLException(where + "the TLS connection was refused: " + exc.displayText() + trust);
	}
	catch (Poco::Net::POP3Exception&)
	{
		throw;
	}
	catch (Poco::Exception& exc)
	{
		throw Poco::Net::NetException(where + "cannot connect: " + exc.displayText());
	}
	_socket = socket;
	_session = std::make_unique<Poco::Net::POP3ClientSession>(socket);
	_session->setTimeout(timeout);
	std::string response;
	if (!_session->sendCommand("USER", _settings.username, response) ||
		!_session->sendCommand("PASS", _settings.password, response))
	{
		abandon();
		throw Poco::Net::POP3Exception(
			where +
			"the server refused the login (reminders.bounces.pop3.username and .password): " + trimmed(response));
	}
}


std::vector<std::string> Pop3Mailbox::pending(std::size_t limit)
{
	abandon(); // a session an error left open: it deletes nothing
	open();
	Poco::Net::POP3ClientSession::MessageInfoVec messages;
	_session->listMessages(messages);
	std::vector<std::string> ids;
	for (const auto& message: messages) // numbered in the order they arrived
	{
		if (ids.size() >= limit) break;
		std::string response;
		if (!_session->sendCommand("UIDL", std::to_string(message.id), response))
		{
			abandon();
			throw Poco::Net::POP3Exception(describe() +
										   ": the server does not give unique ids (UIDL), without which a message "
										   "read twice could not be told apart: " +
										   trimmed(response));
		}
		// "+OK <number> <unique id>"
		std::istringstream words(response);
		std::string ok, number, uid;
		words >> ok >> number >> uid;
		if (uid.empty())
		{
			abandon();
			throw Poco::Net::POP3Exception(describe() + ": a UIDL answer without an id: " + trimmed(response));
		}
		const std::string id = idOf(uid);
		_numbers[id] = message.id;
		ids.push_back(id);
	}
	return ids;
}


int Pop3Mailbox::number(const std::string& id) const
{
	const auto it = _numbers.find(id);
	if (it == _numbers.end() || !_session) throw Poco::NotFoundException("no such message in this session: " + id);
	return it->second;
}


std::string Pop3Mailbox::read(const std::string& id, std::size_t maximum)
{
	BoundedText buffer(maximum);
	std::ostream out(&buffer);
	_session->retrieveMessage(number(id), out);
	out.flush();
	return buffer.text;
}


void Pop3Mailbox::done(const std::string& id)
{
	_session->deleteMessage(number(id));
}


void Pop3Mailbox::finish()
{
	if (!_session) return;
	_numbers.clear();
	std::unique_ptr<Poco::Net::POP3ClientSession> session = std::move(_session);
	try
	{
		std::string response;
		// QUIT: the server deletes what was marked only when it answers +OK.
		if (!session->sendCommand("QUIT", response))
			throw Poco::Net::POP3Exception(describe() + ": QUIT was refused: " + trimmed(response));
		_socket.close();
	}
	catch (...)
	{
		try
		{
			_socket.close();
		}
		catch (...)
		{}
		throw;
	}
}


} // namespace reminders
