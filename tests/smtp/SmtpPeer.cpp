//
// SmtpPeer.cpp
//


#include "SmtpPeer.h"
#include "TestCertificates.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <cstdlib>
#include <mutex>
#include <unistd.h>


namespace tests {


namespace {

int freePort()
{
	Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
	return probe.address().port();
}

std::string newFolder()
{
	const std::string folder = Poco::TemporaryFile::tempName();
	Poco::File(folder).createDirectories();
	// smtp-sink drops its privileges to "nobody", which must write here.
	Poco::File(folder).setWriteable(true);
	if (std::system(("chmod 777 " + folder).c_str()) != 0) throw Poco::IOException("chmod 777 " + folder + " failed");
	return folder;
}

} // namespace


SmtpPeer::SmtpPeer(const std::string& command, std::vector<std::string> args, const std::string& folder, int port):
	_folder(folder),
	_port(port)
{
	// The peers' own output (TLS errors on purpose, warnings) goes to a log
	// beside their folder rather than into the test report.
	std::string line = "exec " + command;
	for (const std::string& arg: args)
		line += " '" + arg + "'";
	line += " >'" + folder + ".log' 2>&1";
	_process = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch("/bin/sh", {"-c", line}));
	waitUntilListening();
}


SmtpPeer::~SmtpPeer()
{
	try
	{
		Poco::Process::requestTermination(_process->id());
		_process->wait();
	}
	catch (...)
	{}
	// Best effort in a destructor; its status is of no use here (a named
	// variable: _FORTIFY_SOURCE marks system() warn_unused_result, which a
	// cast to void does not silence in GCC).
	[[maybe_unused]] const int status = std::system(("rm -rf '" + _folder + "' '" + _folder + ".log'").c_str());
}


std::unique_ptr<SmtpPeer> SmtpPeer::sink(const std::vector<std::string>& flags)
{
	const int port = freePort();
	const std::string folder = newFolder();
	std::vector<std::string> args;
	if (::geteuid() == 0) args = {"-u", "nobody"};
	args.insert(args.end(), flags.begin(), flags.end());
	args.insert(args.end(), {"-d", folder + "/%M.", "127.0.0.1:" + std::to_string(port), "100"});
	return std::unique_ptr<SmtpPeer>(new SmtpPeer("/usr/sbin/smtp-sink", args, folder, port));
}


std::unique_ptr<SmtpPeer> SmtpPeer::aiosmtpd(const std::vector<std::string>& flags)
{
	const int port = freePort();
	const std::string folder = newFolder();
	std::vector<std::string> args = {std::string(ERP_SOURCE_DIR) + "/tests/smtp/aiosmtpd_peer.py", std::to_string(port),
									 folder};
	args.insert(args.end(), flags.begin(), flags.end());
	return std::unique_ptr<SmtpPeer>(new SmtpPeer("/usr/bin/python3", args, folder, port));
}


void SmtpPeer::waitUntilListening() const
{
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
			Poco::Thread::sleep(100);
		}
	}
	throw Poco::TimeoutException("SMTP peer did not start listening", std::to_string(_port));
}


int SmtpPeer::port() const
{
	return _port;
}


int SmtpPeer::delivered() const
{
	// smtp-sink also dumps the envelope of a session that died after MAIL:
	// a delivered message is one whose content arrived.
	int files = 0;
	for (Poco::DirectoryIterator it(_folder), end; it != end; ++it)
	{
		if (!it->isFile() || it->isHidden()) continue;
		std::string content;
		Poco::FileInputStream in(it->path());
		Poco::StreamCopier::copyToString(in, content);
		files += content.find("Message-ID:") != std::string::npos;
	}
	return files;
}


std::string SmtpPeer::certificates()
{
	return TestCertificates::folder();
}


std::vector<std::string> SmtpPeer::messages() const
{
	std::vector<std::string> result;
	for (Poco::DirectoryIterator it(_folder), end; it != end; ++it)
	{
		if (!it->isFile() || it->isHidden()) continue;
		std::string content;
		Poco::FileInputStream in(it->path());
		Poco::StreamCopier::copyToString(in, content);
		if (content.find("Message-ID:") != std::string::npos) result.push_back(content);
	}
	return result;
}


} // namespace tests
