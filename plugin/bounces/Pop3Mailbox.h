//
// Pop3Mailbox.h
//


#ifndef Reminders_Pop3Mailbox_INCLUDED
#define Reminders_Pop3Mailbox_INCLUDED


#include "plugin/bounces/BounceMailbox.h"
#include "plugin/bounces/Pop3Settings.h"
#include <Poco/Net/Context.h>
#include <Poco/Net/StreamSocket.h>
#include <map>
#include <memory>


namespace Poco {
namespace Net {
class POP3ClientSession;
}
} // namespace Poco


namespace reminders {


class Pop3Mailbox: public BounceMailbox
/// A POP3 mailbox that the bounce address is delivered to
/// (reminders.bounces.pop3.*), over TLS (implicit, or STLS), the server's
/// certificate and name verified as for SMTP. A read is one session:
/// pending() logs in and lists the messages by their unique ids (UIDL),
/// which stay the same from one session to the next, so that a message
/// read again after a failed session is known by the store; done() marks
/// one deleted (DELE), and finish() ends the session (QUIT), when the
/// server deletes what was marked. A session that ends any other way (a
/// dropped connection, an error) deletes nothing.
/// Not thread-safe: one read at a time (BouncesResource).
{
public:
	explicit Pop3Mailbox(const Pop3Settings& settings);
	~Pop3Mailbox() override;

	std::vector<std::string> pending(std::size_t limit) override;
	/// Throws Poco::Net::NetException (or a subclass) saying what failed:
	/// the connection, the TLS handshake or the certificate, STLS, the
	/// login, or a server without UIDL.
	std::string read(const std::string& id, std::size_t maximum) override;
	void done(const std::string& id) override;
	void finish() override;
	std::string describe() const override;

private:
	void open();
	void abandon();
	/// Drops the connection without QUIT: nothing marked is deleted.
	int number(const std::string& id) const;

	Pop3Settings _settings;
	Poco::Net::Context::Ptr _context;
	Poco::Net::StreamSocket _socket;
	std::unique_ptr<Poco::Net::POP3ClientSession> _session;
	std::map<std::string, int> _numbers; /// unique id -> message number in this session
};


} // namespace reminders


#endif // Reminders_Pop3Mailbox_INCLUDED
