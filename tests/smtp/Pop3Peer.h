//
// Pop3Peer.h
//


#ifndef Tests_Pop3Peer_INCLUDED
#define Tests_Pop3Peer_INCLUDED


#include <Poco/Process.h>
#include <memory>
#include <string>
#include <vector>


namespace tests {


class Pop3Peer
/// A real POP3 server with TLS for a test (tests/smtp/pop3_peer.py),
/// started on a free 127.0.0.1 port and stopped with the object. Its
/// maildrop is a folder: one file per message, named by its unique id.
{
public:
	Pop3Peer(const std::string& tls, const std::string& certificate, const std::string& key, const std::string& user,
			 const std::string& password);
	/// tls: "implicit" or "stls"; certificate and key: PEM files.

	~Pop3Peer();

	int port() const;

	void put(const std::string& uid, const std::string& content);
	/// A message delivered into the maildrop.

	std::vector<std::string> uids() const;
	/// The messages in the maildrop, by unique id, sorted.

	void dropAtNextQuit();
	/// The next QUIT after a login closes the connection without deleting
	/// or answering.

	std::string log() const;
	/// One line per login ("+ NAME", "- NAME" refused), deletion
	/// ("deleted N") and dropped QUIT.

private:
	std::string _folder;
	int _port;
	std::unique_ptr<Poco::ProcessHandle> _process;
};


} // namespace tests


#endif // Tests_Pop3Peer_INCLUDED
