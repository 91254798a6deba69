//
// HttpFrontend.h
//


#ifndef Host_HttpFrontend_INCLUDED
#define Host_HttpFrontend_INCLUDED


#include "Router.h"
#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>
#include <memory>
#include <string>


namespace host {


class HttpFrontend
/// The HTTP server in front of the Router: reads a request (bodies up to
/// 1 MiB), hands it to the Router and writes the answer.
{
public:
	HttpFrontend(Router& router, const std::string& address, int port, int threads);
	/// Binds at once (port 0: any free port). Throws Poco::Net::NetException
	/// when the address cannot be bound.

	~HttpFrontend();

	void start();
	void stop();
	/// Stops accepting and waits for running requests.

	int port() const;

private:
	std::unique_ptr<Poco::ThreadPool> _threads;
	std::unique_ptr<Poco::Net::HTTPServer> _server;
	int _port = 0;
};


} // namespace host


#endif // Host_HttpFrontend_INCLUDED
