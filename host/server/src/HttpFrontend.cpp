//
// HttpFrontend.cpp
//


#include "HttpFrontend.h"
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>


namespace host {


namespace {

const std::streamsize MAX_BODY = 1 << 20;

class ApiRequestHandler: public Poco::Net::HTTPRequestHandler
{
public:
	explicit ApiRequestHandler(Router& router):
		_router(router)
	{}

	void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override
	{
		erp::HttpResponse answer;
		bool bodyRead = false;
		try
		{
			answer = answerFor(request, bodyRead);
		}
		catch (Poco::Exception& exc)
		{
			answer = erp::HttpResponse::error(400, "bad_request", exc.message());
		}
		// The status with its own reason phrase ("400 Bad Request", never "400 OK").
		response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
		// A body left unread would be taken for the next request: close instead.
		if (!bodyRead) response.setKeepAlive(false);
		response.setContentType(answer.contentType +
								(answer.contentType == "application/json" ? "; charset=utf-8" : ""));
		response.set("Cache-Control", "no-store");
		response.set("X-Content-Type-Options", "nosniff");
		response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
		response.send() << answer.body;
	}

private:
	erp::HttpResponse answerFor(Poco::Net::HTTPServerRequest& request, bool& bodyRead)
	{
		const std::string authorization = request.get("Authorization", "");
		// Anonymous requests are refused before any of the body is read.
		if (!_router.authenticate(authorization))
			return erp::HttpResponse::error(401, "unauthorized", "a valid bearer token is required");
		if (request.hasContentLength() && request.getContentLength() > MAX_BODY)
			return erp::HttpResponse::error(413, "too_large", "the body exceeds 1 MiB");
		// Read at most one byte past the limit (a chunked body announces no length).
		std::string body;
		std::istream& in = request.stream();
		char buffer[8192];
		while (in && static_cast<std::streamsize>(body.size()) <= MAX_BODY)
		{
			in.read(buffer, sizeof(buffer));
			body.append(buffer, static_cast<std::size_t>(in.gcount()));
		}
		if (static_cast<std::streamsize>(body.size()) > MAX_BODY)
			return erp::HttpResponse::error(413, "too_large", "the body exceeds 1 MiB");
		bodyRead = true;
		const Poco::URI uri(request.getURI());
		std::map<std::string, std::string> query;
		for (const auto& [key, value]: uri.getQueryParameters())
			query[key] = value;
		return _router.dispatch(request.getMethod(), uri.getPath(), query, body, authorization);
	}

	Router& _router;
};

class ApiRequestHandlerFactory: public Poco::Net::HTTPRequestHandlerFactory
{
public:
	explicit ApiRequestHandlerFactory(Router& router):
		_router(router)
	{}

	Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override
	{
		return new ApiRequestHandler(_router);
	}

private:
	Router& _router;
};

} // namespace


HttpFrontend::HttpFrontend(Router& router, const std::string& address, int port, int threads)
{
	Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(address, static_cast<Poco::UInt16>(port)));
	_port = socket.address().port();
	Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
	params->setMaxThreads(threads);
	params->setMaxQueued(256);
	params->setKeepAlive(true);
	_threads = std::make_unique<Poco::ThreadPool>(2, threads);
	_server = std::make_unique<Poco::Net::HTTPServer>(new ApiRequestHandlerFactory(router), *_threads, socket, params);
}


HttpFrontend::~HttpFrontend()
{
	stop();
}


void HttpFrontend::start()
{
	_server->start();
}


void HttpFrontend::stop()
{
	if (_server)
	{
		_server->stopAll(false);
		_server.reset();
		// Requests still running use the Router: wait for them.
		_threads->joinAll();
	}
}


int HttpFrontend::port() const
{
	return _port;
}


} // namespace host
