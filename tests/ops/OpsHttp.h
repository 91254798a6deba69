//
// OpsHttp.h
//


#ifndef Tests_OpsHttp_INCLUDED
#define Tests_OpsHttp_INCLUDED


#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <string>


namespace tests {


struct OpsReply
{
	int status = 0;
	std::string contentType;
	std::string body;
};


inline OpsReply opsGet(int port, const std::string& path, const std::string& token = "",
					   const std::string& method = Poco::Net::HTTPRequest::HTTP_GET)
/// A plain request to the host on loopback, its answer as text.
{
	Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
	Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!token.empty()) request.set("Authorization", "Bearer " + token);
	session.sendRequest(request);
	Poco::Net::HTTPResponse response;
	std::istream& in = session.receiveResponse(response);
	OpsReply reply;
	reply.status = response.getStatus();
	reply.contentType = response.getContentType();
	Poco::StreamCopier::copyToString(in, reply.body);
	return reply;
}


} // namespace tests


#endif // Tests_OpsHttp_INCLUDED
