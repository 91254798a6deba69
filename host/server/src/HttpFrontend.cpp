//
// HttpFrontend.cpp
//


#include "HttpFrontend.h"
#include "LingeringClose.h"
#include "ServerTls.h"
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/Semaphore.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <sys/socket.h>
#include <thread>


namespace host {


const std::streamsize HttpFrontend::MAX_BODY = 1 << 20;


class HttpFrontend::Guard
/// What the connections share: the count of connections per client
/// address, the read deadlines and their watchdog, and the slots for
/// requests in the Router.
{
public:
	using Clock = std::chrono::steady_clock;

	Guard(const Options& options):
		_options(options),
		_slots(options.threads),
		_watchdog([this] { watch(); })
	{}

	~Guard()
	{
		{
			std::lock_guard<std::mutex> lock(_mutex);
			_stopping = true;
		}
		_wake.notify_all();
		_watchdog.join();
	}

	const Options& options() const
	{
		return _options;
	}

	Clock::duration timeout() const
	{
		return std::chrono::seconds(_options.timeoutSeconds);
	}

	bool admit(const std::string& client)
	/// Counts a connection of the client; false (and not counted) over the cap.
	{
		std::lock_guard<std::mutex> lock(_mutex);
		int& count = _perClient[client];
		if (count >= _options.maxConnectionsPerClient)
		{
			if (count == 0) _perClient.erase(client);
			return false;
		}
		++count;
		return true;
	}

	void leave(const std::string& client)
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _perClient.find(client);
		if (it != _perClient.end() && --it->second <= 0) _perClient.erase(it);
	}

	void arm(const Poco::Net::StreamSocket& socket)
	/// The socket must deliver what is awaited within the timeout from now,
	/// or be shut down.
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_deadlines[socket.impl()] = Deadline{socket, Clock::now() + timeout(), false};
	}

	void disarm(const Poco::Net::StreamSocket& socket)
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _deadlines.find(socket.impl());
		if (it != _deadlines.end()) it->second.at = Clock::time_point::max();
	}

	bool expired(const Poco::Net::StreamSocket& socket) const
	/// Whether the watchdog shut the socket down.
	{
		std::lock_guard<std::mutex> lock(_mutex);
		auto it = _deadlines.find(socket.impl());
		return it != _deadlines.end() && it->second.expired;
	}

	void forget(const Poco::Net::StreamSocket& socket)
	{
		std::lock_guard<std::mutex> lock(_mutex);
		_deadlines.erase(socket.impl());
	}

	Poco::Semaphore& slots()
	{
		return _slots;
	}

private:
	struct Deadline
	{
		Poco::Net::StreamSocket socket;
		Clock::time_point at;
		bool expired = false;
	};

	void watch()
	/// Shuts down the sockets past their deadline, a few times a second.
	{
		std::unique_lock<std::mutex> lock(_mutex);
		while (!_stopping)
		{
			_wake.wait_for(lock, std::chrono::milliseconds(200));
			const Clock::time_point now = Clock::now();
			for (auto& [impl, deadline]: _deadlines)
			{
				if (deadline.expired || deadline.at > now) continue;
				deadline.expired = true;
				try
				{
					// Wakes the thread blocked in a read: it sees the end. The
					// descriptor itself, not Socket::shutdown(): over TLS that
					// would write a close_notify through the OpenSSL session
					// that the connection's thread is reading from.
					const poco_socket_t fd = deadline.socket.impl()->sockfd();
					if (fd != POCO_INVALID_SOCKET) ::shutdown(fd, SHUT_RDWR);
				}
				catch (Poco::Exception&)
				{
					// Already gone.
				}
			}
		}
	}

	const Options _options;
	Poco::Semaphore _slots;
	mutable std::mutex _mutex; /// guards what follows
	std::condition_variable _wake;
	bool _stopping = false;
	std::map<std::string, int> _perClient;
	std::map<const Poco::Net::SocketImpl*, Deadline> _deadlines;
	std::thread _watchdog;
};


namespace {


const std::streamsize WEB_MAX_BODY = 64 << 10;


class SlotHolder
/// A slot in the Router for as long as it lives.
{
public:
	explicit SlotHolder(Poco::Semaphore& slots):
		_slots(slots)
	{
		_slots.wait();
	}

	~SlotHolder()
	{
		_slots.set();
	}

	SlotHolder(const SlotHolder&) = delete;
	SlotHolder& operator=(const SlotHolder&) = delete;

private:
	Poco::Semaphore& _slots;
};


std::string rawPath(const std::string& target)
/// The request target's path as sent, still percent-encoded: the Router
/// decodes each segment once, so "%2F" stays inside its segment and
/// "%2531" is "%31", never "1". The absolute form ("http://host/path")
/// loses its scheme and authority.
{
	std::size_t begin = 0;
	const std::size_t scheme = target.find("://");
	if (!target.empty() && target.front() != '/' && scheme != std::string::npos)
	{
		begin = target.find('/', scheme + 3);
		if (begin == std::string::npos) return "/";
	}
	const std::size_t end = target.find_first_of("?#", begin);
	return target.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}


std::optional<erp::HttpResponse> refusalBeforeBody(Router& router, const Poco::Net::HTTPServerRequest& request,
												   bool web)
/// What the headers alone decide: the user (for the API), the framing, the size.
{
	if (!web && !router.authenticate(request.get("Authorization", "")))
		return erp::HttpResponse::error(401, "unauthorized", "a valid bearer token is required");
	// RFC 9112 3.2: a request target is visible ASCII; anything else is
	// sent percent-encoded. (Poco 1.11 silently drops a raw 0xFF byte from
	// the request line, so that byte alone cannot be seen here: see
	// docs/operations.md, Security.)
	for (const char c: request.getURI())
		if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7E)
			return erp::HttpResponse::error(400, "bad_request",
											"the request target must be visible ASCII: percent-encode other bytes");
	int lengths = 0;
	bool transferEncoding = false;
	for (const auto& [name, value]: request)
	{
		if (Poco::icompare(name, "Content-Length") == 0) ++lengths;
		if (Poco::icompare(name, "Transfer-Encoding") == 0) transferEncoding = true;
	}
	if (transferEncoding && !request.getChunkedTransferEncoding())
		return erp::HttpResponse::error(501, "not_implemented", "the only Transfer-Encoding understood is chunked");
	if (lengths > 1 || (lengths && transferEncoding))
		return erp::HttpResponse::error(400, "bad_request",
										"a request has one Content-Length, or Transfer-Encoding: chunked");
	if (request.hasContentLength() && request.getContentLength64() > HttpFrontend::MAX_BODY)
		return erp::HttpResponse::error(413, "too_large", "the body exceeds 1 MiB");
	if (web && request.hasContentLength() && request.getContentLength64() > WEB_MAX_BODY)
		return erp::HttpResponse::error(413, "too_large", "the body exceeds 64 KiB");
	return std::nullopt;
}


bool isWebPath(const std::string& uri)
/// Everything but /api and what lies under it.
{
	const std::string path = uri.substr(0, uri.find_first_of("?#"));
	return !(path == "/api" || path.compare(0, 5, "/api/") == 0);
}


WebResponse fromApi(const erp::HttpResponse& answer)
{
	WebResponse response;
	response.status = answer.status;
	response.contentType = answer.contentType + (answer.contentType == "application/json" ? "; charset=utf-8" : "");
	response.body = answer.body;
	return response;
}


class ApiRequestHandler: public Poco::Net::HTTPRequestHandler
{
public:
	struct Extras
	{
		WebEndpoint* web = nullptr; /// a request for the web interface
		OpsEndpoint* ops = nullptr; /// a request for health or metrics
		bool listener = false;      /// ... on the metrics listener
		MetricsSink* counter = nullptr;
	};

	ApiRequestHandler(Router& router, HttpFrontend::Guard& guard, std::optional<erp::HttpResponse> refusal,
					  const Extras& extras):
		_router(router),
		_guard(guard),
		_refusal(std::move(refusal)),
		_web(extras.web),
		_extras(extras)
	{}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		Poco::Net::StreamSocket& socket = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
		// The headers are in: no deadline while the request is handled.
		_guard.disarm(socket);
		WebResponse answer;
		bool keepAlive = false;
		bool bodyLeft = false;
		try
		{
			answer = answerFor(request, socket, keepAlive, bodyLeft);
		}
		catch (Poco::TimeoutException&)
		{
			answer = fromApi(erp::HttpResponse::error(408, "timeout", "the body did not arrive in time"));
		}
		catch (Poco::Net::NetException&)
		{
			answer =
				fromApi(erp::HttpResponse::error(400, "bad_request", "the connection failed while reading the body"));
		}
		catch (Poco::Exception& exc)
		{
			answer = fromApi(erp::HttpResponse::error(400, "bad_request", exc.message()));
		}
		if (_extras.counter) _extras.counter->countRequest(request.getMethod(), routeLabel(request), answer.status);
		// The status with its own reason phrase ("400 Bad Request", never "400 OK").
		response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
		if (!keepAlive) response.setKeepAlive(false);
		response.setContentType(answer.contentType);
		response.set("Cache-Control", "no-store");
		response.set("X-Content-Type-Options", "nosniff");
		for (const auto& [name, value]: answer.headers)
			if (Poco::icompare(name, "Set-Cookie") == 0)
				response.add(name, value);
			else
				response.set(name, value);
		response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
		try
		{
			response.send() << answer.body << std::flush;
		}
		catch (Poco::Exception&)
		{
			// The client went away (or the watchdog shut it out): nothing to tell.
			response.setKeepAlive(false);
		}
		// The next request's line and headers are due within the timeout.
		if (keepAlive) _guard.arm(socket);
		// A refused body the client may still be sending: read and dropped
		// (bounded) so that the close is not a reset that loses the answer.
		if (bodyLeft) LingeringClose::drain(socket);
	}

private:
	WebResponse answerFor(Poco::Net::HTTPServerRequest& request, Poco::Net::StreamSocket& socket, bool& keepAlive,
						  bool& bodyLeft)
	{
		// Anonymous requests, bad framing and announced sizes over the limit
		// are refused before any of the body is read; the connection closes.
		if (_refusal)
		{
			// (A malformed Content-Length counts as a body.)
			bodyLeft = request.getChunkedTransferEncoding() ||
					   (request.hasContentLength() && request.get("Content-Length") != "0");
			return fromApi(*_refusal);
		}
		const bool small = _web || _extras.ops;
		const std::streamsize limit = small ? WEB_MAX_BODY : MAX_BODY;

		std::string body;
		const bool chunked = request.getChunkedTransferEncoding();
		if (chunked || request.hasContentLength())
		{
			// The body is due within the timeout from the headers.
			_guard.arm(socket);
			// Read at most one piece past the limit (a chunked body announces no length).
			std::istream& in = request.stream();
			char buffer[8192];
			while (in && static_cast<std::streamsize>(body.size()) <= limit)
			{
				in.read(buffer, sizeof(buffer));
				body.append(buffer, static_cast<std::size_t>(in.gcount()));
			}
			_guard.disarm(socket);
			if (_guard.expired(socket))
				return fromApi(erp::HttpResponse::error(408, "timeout", "the body did not arrive in time"));
			bodyLeft = static_cast<std::streamsize>(body.size()) > limit;
			if (bodyLeft)
				return fromApi(erp::HttpResponse::error(413, "too_large",
														small ? "the body exceeds 64 KiB" : "the body exceeds 1 MiB"));
			if (!chunked && static_cast<std::streamsize>(body.size()) != request.getContentLength64())
				return fromApi(
					erp::HttpResponse::error(400, "bad_request", "the body is shorter than its Content-Length"));
		}
		// Without Content-Length or chunked, a request has no body (RFC 9112
		// 6.3): nothing is read and the connection stays in step.
		keepAlive = !chunked;

		const Poco::URI uri(request.getURI());
		std::map<std::string, std::string> query;
		std::set<std::string> repeated;
		for (const auto& [key, value]: uri.getQueryParameters())
			if (!key.empty() || !value.empty()) // "&&" and a leading '&' carry nothing
				if (!query.insert_or_assign(key, value).second) repeated.insert(key); // the last value, marked
		SlotHolder slot(_guard.slots());
		if (_extras.ops)
			return fromApi(_extras.ops->answer(request.getMethod(), uri.getPath(), request.get("Authorization", ""),
											   _extras.listener));
		if (_web) return answerForWeb(request, uri, std::move(query), std::move(body));
		return fromApi(_router.dispatch(request.getMethod(), rawPath(request.getURI()), query, body,
										request.get("Authorization", ""), repeated));
	}

	WebResponse answerForWeb(Poco::Net::HTTPServerRequest& request, const Poco::URI& uri,
							 std::map<std::string, std::string> query, std::string body)
	{
		WebRequest web;
		web.method = request.getMethod();
		web.uri = request.getURI();
		web.path = uri.getPath();
		web.query = std::move(query);
		web.body = std::move(body);
		web.clientAddress = request.clientAddress().host().toString();
		for (const auto& [name, value]: request)
		{
			std::string& joined = web.headers[Poco::toLower(name)];
			joined += (joined.empty() ? "" : (Poco::icompare(name, "Cookie") == 0 ? "; " : ", ")) + value;
		}
		try
		{
			return _web->handle(web);
		}
		catch (std::exception& exc)
		{
			Poco::Logger::get("erp.http").error("%s %s failed: %s", web.method, web.path, std::string(exc.what()));
			WebResponse failed;
			failed.status = 500;
			failed.contentType = "text/plain; charset=utf-8";
			failed.body = "the server failed; the error is in its log\n";
			return failed;
		}
	}

	std::string routeLabel(const Poco::Net::HTTPServerRequest& request) const
	{
		const std::string path = rawPath(request.getURI());
		if (_extras.ops) return OpsEndpoint::handles(path) ? path : "(unmatched)";
		if (_web) return "(web)";
		const std::string pattern = _router.patternFor(path);
		return pattern.empty() ? "(unmatched)" : pattern;
	}

	static const std::streamsize MAX_BODY;

	Router& _router;
	HttpFrontend::Guard& _guard;
	std::optional<erp::HttpResponse> _refusal;
	WebEndpoint* _web; /// null: an API request
	Extras _extras;
};


const std::streamsize ApiRequestHandler::MAX_BODY = HttpFrontend::MAX_BODY;


class ApiRequestHandlerFactory: public Poco::Net::HTTPRequestHandlerFactory
{
public:
	ApiRequestHandlerFactory(Router& router, HttpFrontend::Guard& guard):
		_router(router),
		_guard(guard)
	{}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override
	{
		// The answer speaks HTTP/1.1 whatever the request line said (Poco
		// would echo the client's version token, or another word when the
		// request line has none). A request line that does not end with
		// HTTP/1.0 or HTTP/1.1 is malformed (HTTP/2 has no such lines): 400.
		const std::string version = request.getVersion();
		request.response().setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
		std::optional<erp::HttpResponse> refusal;
		ApiRequestHandler::Extras extras;
		extras.counter = _counter;
		if (_ops && (_opsOnly || OpsEndpoint::handles(rawPath(request.getURI()))))
		{
			extras.ops = _ops;
			extras.listener = _opsOnly;
		}
		else if (_web && isWebPath(request.getURI()))
			extras.web = _web;
		try
		{
			if (version != Poco::Net::HTTPMessage::HTTP_1_1 && version != Poco::Net::HTTPMessage::HTTP_1_0)
				refusal =
					erp::HttpResponse::error(400, "bad_request", "the request line must end with HTTP/1.1 or HTTP/1.0");
			else
				// Health and metrics decide about the token themselves; like the
				// web interface they take no body over 64 KiB.
				refusal = refusalBeforeBody(_router, request, extras.web != nullptr || extras.ops != nullptr);
		}
		catch (Poco::Exception& exc)
		{
			refusal = erp::HttpResponse::error(400, "bad_request", exc.message());
		}
		// Not 200: Poco then sends no "100 Continue" to a client that would
		// send a body nobody reads.
		if (refusal) request.response().setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(refusal->status));
		return new ApiRequestHandler(_router, _guard, std::move(refusal), extras);
	}

	void serveWeb(WebEndpoint& web)
	{
		_web = &web;
	}

	void serveOperations(OpsEndpoint& ops, bool only)
	{
		_ops = &ops;
		_opsOnly = only;
	}

	void countRequests(MetricsSink& counter)
	{
		_counter = &counter;
	}

	void stopConnections()
	/// As Poco's HTTPServer::stopAll(false) does.
	{
		serverStopped(this, false);
	}

private:
	Router& _router;
	HttpFrontend::Guard& _guard;
	WebEndpoint* _web = nullptr; /// set before the server starts, as are the next three
	OpsEndpoint* _ops = nullptr;
	bool _opsOnly = false;
	MetricsSink* _counter = nullptr;
};


class GuardedConnection: public Poco::Net::HTTPServerConnection
/// Poco's HTTP connection, counted for its client and with a deadline for
/// its first request.
{
public:
	GuardedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
					  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, HttpFrontend::Guard& guard,
					  const std::string& client):
		HTTPServerConnection(socket, params, handlers),
		_guard(guard),
		_client(client)
	{}

	~GuardedConnection() override
	{
		_guard.leave(_client);
	}

	void run() override
	{
		struct Forget
		{
			HttpFrontend::Guard& guard;
			Poco::Net::StreamSocket socket;
			~Forget()
			{
				guard.forget(socket);
			}
		} forget{_guard, socket()};
		socket().setSendTimeout(Poco::Timespan(_guard.options().timeoutSeconds, 0));
		_guard.arm(socket());
		HTTPServerConnection::run();
	}

private:
	HttpFrontend::Guard& _guard;
	const std::string _client;
};


class RefusedConnection: public Poco::Net::TCPServerConnection
/// A connection over its client's cap: 503 and closed.
{
public:
	explicit RefusedConnection(const Poco::Net::StreamSocket& socket):
		TCPServerConnection(socket)
	{}

	void run() override
	{
		static const std::string body =
			R"({"error": {"code": "too_many_connections", "message": "too many connections from your address"}})";
		const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; "
								   "charset=utf-8\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: " +
								   std::to_string(body.size()) + "\r\n\r\n" + body;
		try
		{
			socket().setSendTimeout(Poco::Timespan(1, 0));
			socket().sendBytes(answer.data(), static_cast<int>(answer.size()));
			socket().shutdownSend();
		}
		catch (Poco::Exception&)
		{
			// Gone already.
		}
	}
};


class ConnectionFactory: public Poco::Net::TCPServerConnectionFactory
{
public:
	ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
					  HttpFrontend::Guard& guard):
		_params(params),
		_handlers(handlers),
		_guard(guard)
	{}

	Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
	{
		std::string client;
		try
		{
			client = socket.peerAddress().host().toString();
		}
		catch (Poco::Exception&)
		{
			return new RefusedConnection(socket); // reset before it was served
		}
		if (!_guard.admit(client)) return new RefusedConnection(socket);
		try
		{
			return new GuardedConnection(socket, _params, _handlers, _guard, client);
		}
		catch (...)
		{
			_guard.leave(client);
			throw;
		}
	}

private:
	Poco::Net::HTTPServerParams::Ptr _params;
	Poco::Net::HTTPRequestHandlerFactory::Ptr _handlers;
	HttpFrontend::Guard& _guard;
};


void check(int value, int minimum, int maximum, const std::string& key)
{
	if (value < minimum || value > maximum)
		throw Poco::InvalidArgumentException(key + " must be between " + std::to_string(minimum) + " and " +
											 std::to_string(maximum) + ", not " + std::to_string(value));
}


} // namespace


void HttpFrontend::checkOptions(const Options& options)
{
	check(options.threads, 1, 1024, "http.threads");
	check(options.maxConnections, 2, 4096, "http.max_connections");
	check(options.maxConnectionsPerClient, 1, 4096, "http.max_connections_per_client");
	check(options.timeoutSeconds, 1, 3600, "http.timeout_seconds");
	check(options.port, 0, 65535, "http.port");
	if (options.secure()) ServerTls(options.tlsCertificate, options.tlsKey, options.tlsMinVersion);
}


HttpFrontend::HttpFrontend(Router& router, const Options& options)
{
	check(options.threads, 1, 1024, "http.threads");
	check(options.maxConnections, 2, 4096, "http.max_connections");
	check(options.maxConnectionsPerClient, 1, 4096, "http.max_connections_per_client");
	check(options.timeoutSeconds, 1, 3600, "http.timeout_seconds");
	const Poco::Net::SocketAddress address(options.address, static_cast<Poco::UInt16>(options.port));
	Poco::Net::ServerSocket socket;
	if (options.secure())
	{
		// Each connection's TLS handshake happens at its first read, on its
		// own thread and under its read deadline, never in the acceptor.
		_tls = std::make_unique<ServerTls>(options.tlsCertificate, options.tlsKey, options.tlsMinVersion);
		socket = Poco::Net::SecureServerSocket(address, 64, _tls->context());
	}
	else
		socket = Poco::Net::ServerSocket(address);
	_port = socket.address().port();
	_guard = std::make_unique<Guard>(options);
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(options.maxConnections);
	params->setMaxQueued(256);
	params->setKeepAlive(true);
	// Poco's own limits, per read; the watchdog bounds the whole request.
	params->setTimeout(Poco::Timespan(options.timeoutSeconds, 0));
	params->setKeepAliveTimeout(Poco::Timespan(options.timeoutSeconds, 0));
	_threads = std::make_unique<Poco::ThreadPool>(2, options.maxConnections);
	_handlers = new ApiRequestHandlerFactory(router, *_guard);
	_server = std::make_unique<Poco::Net::TCPServer>(new ConnectionFactory(params, _handlers, *_guard), *_threads,
													 socket, params);
}


HttpFrontend::~HttpFrontend()
{
	stop();
}


void HttpFrontend::serveWeb(WebEndpoint& web)
{
	static_cast<ApiRequestHandlerFactory&>(*_handlers).serveWeb(web);
}


void HttpFrontend::serveOperations(OpsEndpoint& ops, bool only)
{
	static_cast<ApiRequestHandlerFactory&>(*_handlers).serveOperations(ops, only);
}


void HttpFrontend::countRequests(MetricsSink& sink)
{
	static_cast<ApiRequestHandlerFactory&>(*_handlers).countRequests(sink);
}


void HttpFrontend::start()
{
	_server->start();
}


void HttpFrontend::stop()
{
	if (_server)
	{
		_server->stop();
		// As Poco's HTTPServer::stopAll(false): each connection finishes its
		// request, then closes.
		static_cast<ApiRequestHandlerFactory&>(*_handlers).stopConnections();
		_server.reset();
		// Requests still running use the Router: wait for them.
		_threads->joinAll();
		_guard.reset();
	}
}


int HttpFrontend::port() const
{
	return _port;
}


} // namespace host
