//
// Http.h
//
// HTTP routes a plugin mounts on the host's API.
//


#ifndef Erp_Http_INCLUDED
#define Erp_Http_INCLUDED


#include "erp/Abi.h"
#include "erp/InvalidFields.h"
#include "erp/Utf8.h"
#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <functional>
#include <map>
#include <sstream>
#include <string>


namespace erp {


enum class Role
/// Roles in increasing power: an administrator may do all an accountant may.
{
	ACCOUNTANT = 1,
	ADMIN = 2
};


struct HttpRequest
{
	std::string method;                        /// GET, POST, PUT, PATCH, DELETE
	std::string path;                          /// the full path, e.g. /api/plugins/reminders/invoices/7
	std::map<std::string, std::string> params; /// captured {name} segments of the route pattern
	std::map<std::string, std::string> query;  /// decoded query parameters
	std::string body;                          /// the request body (JSON for the API)
	std::string user;                          /// authenticated user name (never empty in a handler)
	Role role = Role::ACCOUNTANT;
};


struct HttpResponse
{
	int status = 200;
	std::string contentType = "application/json";
	std::string body;

	static HttpResponse json(int status, const Poco::Dynamic::Var& value)
	{
		HttpResponse response;
		response.status = status;
		std::ostringstream out;
		Poco::JSON::Stringifier::stringify(value, out);
		response.body = out.str();
		return response;
	}

	static HttpResponse error(int status, const std::string& code, const std::string& message,
							  const std::string& field = "")
	/// The API's error shape: {"error": {"code", "message", "field"}}.
	/// Always valid UTF-8: bytes of the request echoed in the message or
	/// field that are not UTF-8 are shown as \xHH.
	{
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("error", errorObject(code, message, field));
		return json(status, body);
	}

	static HttpResponse error(const ApiError& refused)
	/// An ApiError's answer. An InvalidFields is its first error's, with
	/// every field it refused under "errors": [{"code", "message", "field"}].
	{
		Poco::JSON::Object::Ptr error = errorObject(refused.code(), refused.what(), refused.field());
		if (const auto* several = dynamic_cast<const InvalidFields*>(&refused))
		{
			Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
			for (const ApiError& each: several->errors())
				errors->add(errorObject(each.code(), each.what(), each.field()));
			error->set("errors", errors);
		}
		Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
		body->set("error", error);
		return json(refused.status(), body);
	}

private:
	static Poco::JSON::Object::Ptr errorObject(const std::string& code, const std::string& message,
											   const std::string& field)
	{
		Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
		error->set("code", code);
		error->set("message", Utf8::escapeInvalid(message));
		if (!field.empty()) error->set("field", Utf8::escapeInvalid(field));
		return error;
	}
};


class ERP_API HttpRoutes
/// Mounts a plugin's handlers under /api/plugins/<plugin id>/.
///
/// The host authenticates every request (Authorization: Bearer TOKEN) and
/// checks the route's minimum role before calling the handler: anonymous
/// requests get 401, too weak a role 403. A handler may throw ApiError for
/// a 4xx answer; any other exception becomes a 500 and is logged.
/// Handlers run on the HTTP server's threads, concurrently.
{
public:
	using Handler = std::function<HttpResponse(const HttpRequest&)>;

	virtual ~HttpRoutes() = default;

	virtual void route(const std::string& method, const std::string& pattern, Role minimum, Handler handler) = 0;
	/// Adds a route. `pattern` is relative to the plugin's prefix, with
	/// {name} segments captured into HttpRequest::params, e.g.
	/// "invoices/{id}/history". Since ABI 1.5 it ends with the query
	/// parameters the route takes, if any, after '?' and between '&', e.g.
	/// "preview?after&limit&date": the host answers 400 naming any other
	/// parameter before the handler runs, and a route without the '?' part
	/// takes none. (A plugin whose manifest asks for ABI 1.4 or older
	/// cannot say: its handlers see every parameter, as before.) Throws
	/// Poco::ExistsException for a duplicate.

	virtual void removeAll() = 0;
	/// Removes every route of this plugin, waiting for running handlers.
};


} // namespace erp


#endif // Erp_Http_INCLUDED
