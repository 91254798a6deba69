//
// ServerTls.h
//


#ifndef Host_ServerTls_INCLUDED
#define Host_ServerTls_INCLUDED


#include <Poco/Net/Context.h>
#include <string>


namespace host {


class ServerTls
/// The TLS side of the HTTPS listener (http.tls.*): the certificate chain
/// and its private key read and checked once at start, TLS 1.2 at least
/// (1.3 when asked), forward-secret AEAD ciphers only for TLS 1.2, no
/// client certificates, no renegotiation.
///
/// Everything that would make the first client fail is refused here,
/// naming the configuration key: one of the two files missing or
/// unreadable, a key protected by a passphrase (the host has nobody to ask
/// for it), PEM that OpenSSL cannot load, a key that does not belong to
/// the certificate, an unknown minimum version.
{
public:
	ServerTls(const std::string& certificate, const std::string& key, const std::string& minVersion);
	/// Throws Poco::InvalidArgumentException with the key and the reason.

	~ServerTls();

	Poco::Net::Context::Ptr context() const;

private:
	Poco::Net::Context::Ptr _context;
};


} // namespace host


#endif // Host_ServerTls_INCLUDED
