//
// Router.h
//


#ifndef Host_Router_INCLUDED
#define Host_Router_INCLUDED


#include "UserDirectory.h"
#include "erp/Http.h"
#include <Poco/Logger.h>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <vector>


namespace host {


class Router
/// Routes API requests to handlers (the host's and the plugins', each
/// tagged with its owner), after authentication and the role check.
///
/// Answers: 401 without a valid bearer token, 404 for an unknown path,
/// 405 for a known path with another method, 403 below the route's role,
/// the handler's answer, its ApiError as a 4xx JSON error, or 500 for
/// anything else (logged, never the exception's text to the client).
///
/// Thread-safe. removeAll(owner) waits for the owner's running handlers,
/// and only for those: a handler may remove another owner's routes (the
/// host's PUT /api/plugins/{id} unloads a plugin), never its own owner's.
{
public:
	Router(UserDirectory& users, Poco::Logger& logger);

	void add(const std::string& owner, const std::string& method, const std::string& pattern, erp::Role minimum,
			 erp::HttpRoutes::Handler handler, bool queryDeclared = true);
	/// Pattern: an absolute path with {name} segments, then optionally '?'
	/// and the query parameters the route takes, '&' between them
	/// ("/api/invoices?limit&offset&status"). A request with any other
	/// parameter gets 400 naming it, before the handler runs. Without the
	/// '?' part the route takes none, unless `queryDeclared` is false (a
	/// plugin built for ABI 1.4 or older, whose patterns could not say):
	/// then its handler sees every parameter, as before. Throws
	/// Poco::ExistsException for a duplicate method and path.

	std::optional<std::set<std::string>> acceptedQuery(const std::string& method, const std::string& path) const;
	/// The query parameters the route of `method` and `path` takes, or
	/// nullopt for no such route or one that takes any: what the web pages
	/// pass on of their own URL's parameters to a plugin's view route.

	int removeAll(const std::string& owner);
	/// Removes the owner's routes, then waits until none of its handlers
	/// runs. Returns how many routes were removed.

	std::optional<UserDirectory::User> authenticate(const std::string& authorization) const;
	/// The user of an Authorization header value, checked before anything
	/// else of a request is read.

	std::vector<std::string> routes(const std::string& owner) const;
	/// "METHOD pattern" of the owner's routes.

	std::string patternFor(const std::string& path) const;
	/// The pattern of the first route whose path matches (whatever its
	/// method), or "" when none does: the route label of the metrics.

	erp::HttpResponse dispatch(const std::string& method, const std::string& path,
							   const std::map<std::string, std::string>& query, const std::string& body,
							   const std::string& authorization, const std::set<std::string>& repeated = {}) const;
	/// `repeated`: the parameters the request's URL gave more than once
	/// (`query` holds the last value): a route that declares its parameters
	/// refuses them, since each takes one value.

	erp::HttpResponse dispatchAs(const std::string& method, const std::string& path,
								 const std::map<std::string, std::string>& query, const std::string& body,
								 const UserDirectory::User& user, const std::set<std::string>& repeated = {}) const;
	/// dispatch() for a user the caller authenticated (the web interface's
	/// session): the route's role check and everything after it as for the API.

private:
	struct Route
	{
		std::string owner;
		std::string method;
		std::string pattern; /// the path part
		std::vector<std::string> segments;
		erp::Role minimum;
		erp::HttpRoutes::Handler handler;
		std::optional<std::set<std::string>> query; /// the parameters it takes; nullopt: any
	};

	class InFlight;

	static std::vector<std::string> split(const std::string& path);
	static bool match(const Route& route, const std::vector<std::string>& segments,
					  std::map<std::string, std::string>& params);

	UserDirectory& _users;
	Poco::Logger& _logger;
	mutable std::shared_mutex _mutex; /// guards _routes
	std::vector<std::shared_ptr<const Route>> _routes;
	mutable std::mutex _countMutex; /// guards _running
	mutable std::condition_variable _idle;
	mutable std::map<std::string, int> _running; /// handlers running, per owner
};


} // namespace host


#endif // Host_Router_INCLUDED
