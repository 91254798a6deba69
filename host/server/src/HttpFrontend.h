//
// HttpFrontend.h
//


#ifndef Host_HttpFrontend_INCLUDED
#define Host_HttpFrontend_INCLUDED


#include "Router.h"
#include "ServerTls.h"
#include "ops/MetricsSink.h"
#include "ops/OpsEndpoint.h"
#include "web/WebEndpoint.h"
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>
#include <memory>
#include <string>


namespace host {


class HttpFrontend
/// The HTTP server in front of the Router: the only code that reads from
/// a client's socket before the Router has a user.
///
/// - The user is authenticated from the headers; an anonymous request is
///   refused (401) before any of its body is read.
/// - Bodies are read in bounded pieces and stop at 1 MiB (413), whether
///   announced by Content-Length or chunked. A POST with neither is an
///   empty body at once. A Transfer-Encoding other than "chunked" (501),
///   two Content-Length headers (400) and a body shorter than announced
///   (400) are refused.
/// - After any answer that leaves body bytes unread, and after any chunked
///   request (Poco's decoder cannot tell a malformed chunk from the end),
///   the connection is closed: what follows is never read as a request.
/// - Every read has a deadline: the request line and headers must arrive
///   within the timeout of the connection opening (or of the previous
///   answer), the body within the timeout of the headers. A watchdog
///   shuts down a socket past its deadline, so a slow client holds a
///   connection thread for at most about the timeout.
/// - Each connection has its own thread (at most maxConnections); the
///   Router is entered by at most `threads` requests at once, so that idle
///   connections never keep a valid request waiting. One client address
///   holds at most maxConnectionsPerClient connections; one more is
///   answered 503 and closed.
{
public:
	struct Options
	{
		std::string address = "127.0.0.1";
		int port = 8080;                   /// 0: any free port
		int threads = 16;                  /// requests handled at once (http.threads)
		int maxConnections = 128;          /// connections served at once (http.max_connections)
		int maxConnectionsPerClient = 16;  /// per client address (http.max_connections_per_client)
		int timeoutSeconds = 10;           /// read deadlines (http.timeout_seconds)
		std::string tlsCertificate;        /// PEM file (http.tls.certificate); empty: plain HTTP
		std::string tlsKey;                /// PEM file (http.tls.key)
		std::string tlsMinVersion = "1.2"; /// "1.2" or "1.3" (http.tls.min_version)

		bool secure() const
		/// HTTPS: a certificate or a key is configured (both are required).
		{
			return !tlsCertificate.empty() || !tlsKey.empty();
		}
	};

	static const std::streamsize MAX_BODY; /// 1 MiB

	static void checkOptions(const Options& options);
	/// The range checks of the constructor and the TLS files, without
	/// binding (erp-host --check-config). Throws as the constructor does.

	HttpFrontend(Router& router, const Options& options);
	/// Binds at once. Throws Poco::Net::NetException when the address
	/// cannot be bound, Poco::InvalidArgumentException for an option out of
	/// range or a TLS certificate or key that cannot serve (naming its
	/// configuration key).

	~HttpFrontend();

	void serveWeb(WebEndpoint& web);
	/// Hands every request outside /api/ to `web` (without a bearer token,
	/// a body of at most 64 KiB); call before start(). Without it, such a
	/// request is answered 401 as any request without a token.

	void serveOperations(OpsEndpoint& ops, bool only);
	/// Hands GET /api/health and /metrics to `ops` (no token needed before
	/// it decides); with `only`, every request (the metrics listener: its
	/// answers need no token, other paths are 404). Call before start().

	void countRequests(MetricsSink& sink);
	/// Counts every answered request by method, route pattern and status
	/// (the web interface as "(web)", unknown API paths as "(unmatched)").
	/// Call before start().

	void start();
	void stop();
	/// Stops accepting and waits for running requests.

	int port() const;

	class Guard;

private:
	std::unique_ptr<ServerTls> _tls;
	std::unique_ptr<Guard> _guard;
	std::unique_ptr<Poco::ThreadPool> _threads;
	Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
	std::unique_ptr<Poco::Net::TCPServer> _server;
	int _port = 0;
};


} // namespace host


#endif // Host_HttpFrontend_INCLUDED
