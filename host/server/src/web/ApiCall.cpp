//
// ApiCall.cpp
//


#include "web/ApiCall.h"
#include <Poco/JSON/Parser.h>


namespace host {


erp::HttpRequest ApiCall::request(const SignedIn& who, const std::string& method, const std::string& path)
{
	erp::HttpRequest request;
	request.method = method;
	request.path = path;
	request.user = who.user.name;
	request.role = who.user.role;
	return request;
}


Poco::JSON::Object::Ptr ApiCall::object(const erp::HttpResponse& response)
{
	return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
}


std::string ApiCall::text(const Poco::JSON::Object::Ptr& object, const std::string& key)
{
	if (object.isNull() || !object->has(key) || object->isNull(key)) return std::string();
	return object->get(key).convert<std::string>();
}


} // namespace host
