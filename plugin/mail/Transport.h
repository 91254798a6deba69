//
// Transport.h
//


#ifndef Reminders_Transport_INCLUDED
#define Reminders_Transport_INCLUDED


#include "plugin/mail/ComposedMessage.h"
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


class Transport
/// Delivers composed messages, reusing whatever it can between calls
/// (one SMTP connection per run). One thread at a time.
{
public:
	virtual ~Transport() = default;

	virtual Delivery send(const ComposedMessage& message) = 0;

	virtual void close()
	/// Ends the session (QUIT); the next send opens a new one.
	{}

	virtual std::string describe() const = 0;
	/// E.g. "spool /var/spool/erp" or "smtp mail.example.com:587 starttls".
};


} // namespace reminders


#endif // Reminders_Transport_INCLUDED
