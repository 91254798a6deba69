//
// ServerTls.cpp
//


#include "ServerTls.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <openssl/ssl.h>


namespace host {


namespace {


const std::string CERTIFICATE_KEY = "http.tls.certificate";
const std::string KEY_KEY = "http.tls.key";


std::string readable(const std::string& path, const std::string& key)
/// The file's text, or an error naming the key.
{
	if (path.empty())
		throw Poco::InvalidArgumentException(key + " must be set too: HTTPS needs a certificate and its private key");
	Poco::File file(path);
	if (!file.exists()) throw Poco::InvalidArgumentException(key + ": " + path + " does not exist");
	if (!file.isFile() || !file.canRead()) throw Poco::InvalidArgumentException(key + ": " + path + " cannot be read");
	std::string text;
	Poco::FileInputStream in(path);
	Poco::StreamCopier::copyToString(in, text);
	return text;
}


} // namespace


ServerTls::ServerTls(const std::string& certificate, const std::string& key, const std::string& minVersion)
{
	if (minVersion != "1.2" && minVersion != "1.3")
		throw Poco::InvalidArgumentException("http.tls.min_version must be 1.2 or 1.3, not \"" + minVersion + "\"");
	const std::string certificateText = readable(certificate, CERTIFICATE_KEY);
	const std::string keyText = readable(key, KEY_KEY);
	if (certificateText.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
		throw Poco::InvalidArgumentException(CERTIFICATE_KEY + ": " + certificate + " holds no PEM certificate");
	if (keyText.find("ENCRYPTED") != std::string::npos)
		throw Poco::InvalidArgumentException(KEY_KEY + ": " + key +
											 " is protected by a passphrase; give the host an unencrypted key "
											 "readable only by its user");
	if (keyText.find("PRIVATE KEY-----") == std::string::npos)
		throw Poco::InvalidArgumentException(KEY_KEY + ": " + key + " holds no PEM private key");

	Poco::Net::initializeSSL();
	try
	{
		// TLS 1.2 suites: ECDHE key exchange with AES-GCM or ChaCha20 only
		// (TLS 1.3 has only such suites).
		Poco::Net::Context::Params params;
		params.privateKeyFile = key;
		params.certificateFile = certificate;
		params.verificationMode = Poco::Net::Context::VERIFY_NONE;
		params.loadDefaultCAs = false;
		params.cipherList = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL";
		_context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
	}
	catch (Poco::Exception& e)
	{
		Poco::Net::uninitializeSSL();
		throw Poco::InvalidArgumentException(CERTIFICATE_KEY + " / " + KEY_KEY + ": " + e.displayText());
	}
	_context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
							   Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
	_context->requireMinimumProtocol(minVersion == "1.3" ? Poco::Net::Context::PROTO_TLSV1_3
														 : Poco::Net::Context::PROTO_TLSV1_2);
	SSL_CTX* native = _context->sslContext();
	SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
	if (SSL_CTX_check_private_key(native) != 1)
	{
		_context = nullptr;
		Poco::Net::uninitializeSSL();
		throw Poco::InvalidArgumentException(KEY_KEY + ": " + key + " does not belong to the certificate in " +
											 CERTIFICATE_KEY + " (" + certificate + ")");
	}
}


ServerTls::~ServerTls()
{
	_context = nullptr;
	Poco::Net::uninitializeSSL();
}


Poco::Net::Context::Ptr ServerTls::context() const
{
	return _context;
}


} // namespace host
