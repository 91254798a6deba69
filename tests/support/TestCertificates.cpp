//
// TestCertificates.cpp
//


#include "TestCertificates.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/TemporaryFile.h>
#include <cstdlib>
#include <mutex>


namespace tests {


std::string TestCertificates::folder()
{
	static std::string folder;
	static std::once_flag once;
	std::call_once(once, [] {
		folder = Poco::TemporaryFile::tempName();
		Poco::File(folder).createDirectories();
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
