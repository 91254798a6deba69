//
// ClientTls.h
//


#ifndef Reminders_ClientTls_INCLUDED
#define Reminders_ClientTls_INCLUDED


namespace reminders {


class ClientTls
/// Poco's SSL set up once per process for the plugin's client connections
/// (SMTP, POP3): a certificate that fails verification is rejected, never
/// asked about on a console. Each connection brings its own Context (the
/// CA file, the oldest TLS version).
{
public:
	static void initialize();
	/// Idempotent and thread-safe.
};


} // namespace reminders


#endif // Reminders_ClientTls_INCLUDED
