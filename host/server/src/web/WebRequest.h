//
// WebRequest.h
//


#ifndef Host_WebRequest_INCLUDED
#define Host_WebRequest_INCLUDED


#include <map>
#include <string>


namespace host {


struct WebRequest
/// A request for the web interface, as HttpFrontend read it: the body is
/// whole and bounded.
{
	std::string method;
	std::string uri;                            /// the request target as sent (path and query, still %-encoded)
	std::string path;                           /// as sent, without the query
	std::map<std::string, std::string> query;   /// decoded query parameters
	std::map<std::string, std::string> headers; /// lowercase names; repeated headers joined with ", "
	std::string body;
	std::string clientAddress;

	std::string header(const std::string& lowercaseName) const
	{
		auto it = headers.find(lowercaseName);
		return it == headers.end() ? std::string() : it->second;
	}

	std::string cookie(const std::string& name) const
	/// The value of the named cookie of the Cookie header, or empty.
	{
		const std::string all = header("cookie");
		std::size_t start = 0;
		while (start < all.size())
		{
			std::size_t end = all.find_first_of(";,", start);
			if (end == std::string::npos) end = all.size();
			std::string pair = all.substr(start, end - start);
			const std::size_t first = pair.find_first_not_of(' ');
			pair = first == std::string::npos ? std::string() : pair.substr(first);
			const std::size_t equals = pair.find('=');
			if (equals != std::string::npos && pair.compare(0, equals, name) == 0 && equals == name.size())
				return pair.substr(equals + 1);
			start = end + 1;
		}
		return std::string();
	}
};


} // namespace host


#endif // Host_WebRequest_INCLUDED
