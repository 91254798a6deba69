//
// WebResponse.h
//


#ifndef Host_WebResponse_INCLUDED
#define Host_WebResponse_INCLUDED


#include <string>
#include <utility>
#include <vector>


namespace host {


struct WebResponse
/// An answer of the web interface (or of the API, which has no headers of
/// its own): HttpFrontend sends the headers as given, after its own
/// (Cache-Control: no-store, X-Content-Type-Options: nosniff), which a
/// header of the same name here replaces.
{
	int status = 200;
	std::string contentType = "text/html; charset=utf-8";
	std::string body;
	std::vector<std::pair<std::string, std::string>> headers;

	static WebResponse redirect(const std::string& location)
	/// 303 See Other: after a form, the browser GETs the location.
	{
		WebResponse response;
		response.status = 303;
		response.contentType = "text/plain; charset=utf-8";
		response.headers.emplace_back("Location", location);
		return response;
	}
};


} // namespace host


#endif // Host_WebResponse_INCLUDED
