//
// WebEndpoint.h
//


#ifndef Host_WebEndpoint_INCLUDED
#define Host_WebEndpoint_INCLUDED


#include "web/WebRequest.h"
#include "web/WebResponse.h"


namespace host {


class WebEndpoint
/// What HttpFrontend hands every request outside /api/ to: the web
/// interface, which authenticates by its own session cookie.
{
public:
	virtual ~WebEndpoint() = default;

	virtual WebResponse handle(const WebRequest& request) = 0;
	/// Called on the HTTP server's threads, concurrently; must not throw
	/// for a client's mistake (an exception is answered 500 and logged).
};


} // namespace host


#endif // Host_WebEndpoint_INCLUDED
