//
// Pop3Peer.cpp
//


#include "Pop3Peer.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <algorithm>
#include <cstdlib>


namespace tests {


Pop3Peer::Pop3Peer(const std::string& tls, const std::string& certificate, const std::string& key,
				   const std::string& user, const std::string& password):
	_folder(Poco::TemporaryFile::tempName())
{
	Poco::File(_folder).createDirectories();
	{
		Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
		_port = probe.address().port();
	}
	const std::string line = "exec /usr/bin/python3 '" + std::string(ERP_SOURCE_DIR) + "/tests/smtp/pop3_peer.py' " +
							 std::to_string(_port) + " '" + _folder + "' --" + tls + " '" + certificate + "' '" + key +
							 "' --user '" + user + "' '" + password + "' >'" + _folder + ".out' 2>&1";
	_process = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", {"-c", line}));
	for (int i = 0; i < 100; ++i)
	{
		try
		{
			Poco::Net::StreamSocket socket;
			socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(_port)),
						   Poco::Timespan(1, 0));
			socket.close();
			return;
		}
		catch (Poco::Exception&)
		{
			Poco::Thread::sleep(100); // waiting for the process to listen, not timing the test
		}
	}
	throw Poco::TimeoutException("POP3 peer did not start listening", std::to_string(_port));
}


Pop3Peer::~Pop3Peer()
{
	try
	{
		Poco::Process::requestTermination(_process->id());
		_process->wait();
	}
	catch (...)
	{}
	// Best effort in a destructor (see SmtpPeer's).
	[[maybe_unused]] const int status = std::system(("rm -rf '" + _folder + "' '" + _folder + ".out'").c_str());
}


int Pop3Peer::port() const
{
	return _port;
}


void Pop3Peer::put(const std::string& uid, const std::string& content)
{
	// Written beside, then renamed: the server never lists half a message.
	{
		Poco::FileOutputStream out(_folder + "/." + uid);
		out << content;
	}
	Poco::File(_folder + "/." + uid).renameTo(_folder + "/" + uid);
}


std::vector<std::string> Pop3Peer::uids() const
{
	std::vector<std::string> names;
	for (Poco::DirectoryIterator it(_folder), end; it != end; ++it)
		if (!it.name().empty() && it.name()[0] != '.') names.push_back(it.name());
	std::sort(names.begin(), names.end());
	return names;
}


void Pop3Peer::dropAtNextQuit()
{
	Poco::FileOutputStream(_folder + "/.drop-at-quit") << "1";
}


std::string Pop3Peer::log() const
{
	if (!Poco::File(_folder + "/.log").exists()) return "";
	Poco::FileInputStream in(_folder + "/.log");
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	return text;
}


} // namespace tests
