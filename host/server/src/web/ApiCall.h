//
// ApiCall.h
//


#ifndef Host_ApiCall_INCLUDED
#define Host_ApiCall_INCLUDED


#include "erp/Http.h"
#include "web/SignedIn.h"
#include <Poco/JSON/Object.h>
#include <string>


namespace host {


class ApiCall
/// A page's in-process call of an API resource: the request as the
/// signed-in user would send it with a token, so that the API decides
/// what is allowed and valid. Pure helpers; thread-safe.
{
public:
	static erp::HttpRequest request(const SignedIn& who, const std::string& method, const std::string& path);
	/// No body, query or path parameters yet: the caller adds them.

	static Poco::JSON::Object::Ptr object(const erp::HttpResponse& response);
	/// The answer's body as a JSON object. Throws Poco::Exception when it
	/// is not one (a broken resource, not a user's mistake).

	static std::string text(const Poco::JSON::Object::Ptr& object, const std::string& key);
	/// The member as text; empty when absent or null.
};


} // namespace host


#endif // Host_ApiCall_INCLUDED
