//
// TestCertificates.h
//


#ifndef Tests_TestCertificates_INCLUDED
#define Tests_TestCertificates_INCLUDED


#include <string>


namespace tests {


class TestCertificates
/// Certificates made with openssl once per test process, for the TLS
/// tests of the SMTP client and of the host's HTTPS listener.
{
public:
	static std::string folder();
	/// A folder with self-signed cert.pem/key.pem for localhost and
	/// 127.0.0.1, wrong-cert.pem/wrong-key.pem for another name, a CA
	/// ca.pem, and two certificates it signed for localhost and 127.0.0.1:
	/// leaf-cert.pem/leaf-key.pem, valid, and expired-cert.pem/
	/// expired-key.pem, valid only in January 2020.
};


} // namespace tests


#endif // Tests_TestCertificates_INCLUDED
