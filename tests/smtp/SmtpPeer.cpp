//
// SmtpPeer.cpp
//


#include "SmtpPeer.h"
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
	std::system(("chmod 777 " + folder).c_str());
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
	std::system(("rm -rf '" + _folder + "' '" + _folder + ".log'").c_str());
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
	static std::string folder;
	static std::once_flag once;
	std::call_once(once, [] {
		folder = newFolder();
		{
			// A minimal CA for `openssl ca`, the one tool here that signs with
			// validity dates in the past.
			Poco::FileOutputStream config(folder + "/ca.cnf");
			config << "[ca]\ndefault_ca = test\n[test]\ndir = .\ndatabase = index.txt\nserial = serial\n"
					  "new_certs_dir = .\ndefault_md = sha256\npolicy = any\ncopy_extensions = copy\n"
					  "unique_subject = no\n[any]\ncommonName = supplied\n";
		}
		const std::string quiet = " >/dev/null 2>&1";
		const std::string localhost = " -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1";
		const std::string make =
			"cd " + folder + " && openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 30" +
			localhost + quiet +
			" && openssl req -x509 -newkey rsa:2048 -nodes -keyout wrong-key.pem -out wrong-cert.pem -days 30 "
			"-subj /CN=wrong.example -addext subjectAltName=DNS:wrong.example" +
			quiet + " && touch index.txt && echo 01 > serial" +
			" && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 30 "
			"-subj '/CN=Reminders Test CA'" +
			quiet + " && openssl req -newkey rsa:2048 -nodes -keyout leaf-key.pem -out leaf.csr" + localhost + quiet +
			" && openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca-key.pem -in leaf.csr -out leaf-cert.pem "
			"-days 30 -notext" +
			quiet + " && openssl req -newkey rsa:2048 -nodes -keyout expired-key.pem -out expired.csr" + localhost +
			quiet +
			" && openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca-key.pem -in expired.csr "
			"-out expired-cert.pem -startdate 20200101000000Z -enddate 20200201000000Z -notext" +
			quiet;
		if (std::system(make.c_str()) != 0)
			throw Poco::RuntimeException("openssl could not make the test certificates");
	});
	return folder;
}


} // namespace tests
