//
// Transport.h
//


#ifndef Reminders_Transport_INCLUDED
#define Reminders_Transport_INCLUDED


#include "plugin/mail/ComposedMessage.h"
#include <stdexcept>
#include <string>


namespace reminders {


struct Delivery
/// What became of one message. Expected outcomes are values; a transport
/// throws only when it is broken.
{
	enum class State
	{
		ACCEPTED, /// the recipient's server (or the relay) took it: 2xx
		SPOOLED,  /// written to the spool folder
		DEFERRED, /// refused for now (4xx, connection trouble): try again later
		REJECTED, /// refused for good (5xx)
		UNKNOWN   /// interrupted after the data was sent, before the answer
	};

	State state = State::UNKNOWN;
	int code = 0;     /// the SMTP reply code, 0 when there was none
	std::string text; /// the server's reply or what went wrong

	static std::string name(State state);
	/// "accepted", "spooled", "deferred", "rejected", "unknown".
};


class CredentialsRefused: public std::runtime_error
/// Thrown by Transport::send when the server refuses the configured
/// credentials (a 5xx answer to AUTH, typically 535). Not a message's
/// fate: nothing can go out through this transport until an administrator
/// changes the configuration, so the caller stops sending, marks what it
/// meant to send as failed with this text, and does not retry it.
{
public:
	CredentialsRefused(int code, const std::string& reply):
		std::runtime_error(PREFIX + (reply.compare(0, 3, std::to_string(code)) == 0 || !code
										 ? reply
										 : std::to_string(code) + " " + reply)),
		_code(code)
	{}

	int code() const
	/// The server's reply code.
	{
		return _code;
	}

	static bool describes(const std::string& replyText)
	/// Whether a recorded reply text is one of these (what() starts with
	/// PREFIX, the server's reply with its code after it).
	{
		return replyText.compare(0, PREFIX.size(), PREFIX) == 0;
	}

	static inline const std::string PREFIX = "authentication failed: ";

private:
	int _code;
};


class Transport
/// Delivers composed messages, reusing whatever it can between calls
/// (one SMTP connection per run). One thread at a time.
{
public:
	virtual ~Transport() = default;

	virtual Delivery send(const ComposedMessage& message) = 0;
	/// The message's outcome. Throws CredentialsRefused when the server
	/// refuses the credentials (nothing was sent); other exceptions mean
	/// the transport is broken (the caller defers and makes a new one).

	virtual void close()
	/// Ends the session (QUIT); the next send opens a new one.
	{}

	virtual std::string describe() const = 0;
	/// E.g. "spool /var/spool/erp" or "smtp mail.example.com:587 starttls".
};


} // namespace reminders


#endif // Reminders_Transport_INCLUDED
