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
#include <Poco/StreamCopier.h>
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
		try
		{
			answer = answerFor(request);
		}
		catch (Poco::Exception& exc)
		{
			answer = erp::HttpResponse::error(400, "bad_request", exc.message());
		}
		response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer.status));
		response.setContentType(answer.contentType +
								(answer.contentType == "application/json" ? "; charset=utf-8" : ""));
		response.set("Cache-Control", "no-store");
		response.set("X-Content-Type-Options", "nosniff");
		response.setContentLength(static_cast<std::streamsize>(answer.body.size()));
		response.send() << answer.body;
	}

private:
	erp::HttpResponse answerFor(Poco::Net::HTTPServerRequest& request)
	{
		if (request.hasContentLength() && request.getContentLength() > MAX_BODY)
			return erp::HttpResponse::error(413, "too_large", "the body exceeds 1 MiB");
		std::string body;
		Poco::StreamCopier::copyToString(request.stream(), body);
		if (static_cast<std::streamsize>(body.size()) > MAX_BODY)
			return erp::HttpResponse::error(413, "too_large", "the body exceeds 1 MiB");
		const Poco::URI uri(request.getURI());
		std::map<std::string, std::string> query;
		for (const auto& [key, value]: uri.getQueryParameters())
			query[key] = value;
		return _router.dispatch(request.getMethod(), uri.getPath(), query, body, request.get("Authorization", ""));
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
