//
// Router.cpp
//


#include "Router.h"
#include "erp/ApiError.h"
#include <Poco/Exception.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>
#include <algorithm>
#include <mutex>


namespace host {


Router::Router(UserDirectory& users, Poco::Logger& logger):
	_users(users),
	_logger(logger)
{}


std::vector<std::string> Router::split(const std::string& path)
{
	// One leading and one trailing '/' are dropped; an empty segment inside
	// ("/api/customers//1", which is also what "%2F1" arrives as) is kept, so
	// that it matches no route instead of collapsing onto another one.
	std::vector<std::string> segments;
	const std::size_t first = !path.empty() && path.front() == '/' ? 1 : 0;
	std::size_t last = path.size();
	if (last > first && path.back() == '/') --last;
	if (last <= first) return segments;
	Poco::StringTokenizer tokens(path.substr(first, last - first), "/");
	for (const std::string& token: tokens)
		segments.push_back(token);
	return segments;
}


bool Router::match(const Route& route, const std::vector<std::string>& segments,
				   std::map<std::string, std::string>& params)
{
	if (route.segments.size() != segments.size()) return false;
	std::map<std::string, std::string> captured;
	for (std::size_t i = 0; i < segments.size(); ++i)
	{
		const std::string& expected = route.segments[i];
		if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}')
			captured[expected.substr(1, expected.size() - 2)] = segments[i];
		else if (expected != segments[i])
			return false;
	}
	params = std::move(captured);
	return true;
}


void Router::add(const std::string& owner, const std::string& method, const std::string& pattern, erp::Role minimum,
				 erp::HttpRoutes::Handler handler, bool queryDeclared)
{
	if (!handler) throw Poco::InvalidArgumentException("route without a handler", pattern);
	const std::size_t mark = pattern.find('?');
	const std::string path = pattern.substr(0, mark);
	std::optional<std::set<std::string>> query;
	if (mark != std::string::npos || queryDeclared)
	{
		query.emplace();
		if (mark != std::string::npos)
		{
			Poco::StringTokenizer names(pattern.substr(mark + 1), "&", Poco::StringTokenizer::TOK_TRIM);
			for (const std::string& name: names)
				if (name.empty() || !query->insert(name).second)
					throw Poco::InvalidArgumentException("a query parameter named twice or not at all", pattern);
		}
	}
	std::unique_lock<std::shared_mutex> lock(_mutex);
	for (const auto& route: _routes)
		if (route->method == method && route->pattern == path)
			throw Poco::ExistsException("route already registered", method + " " + path);
	_routes.push_back(std::make_shared<const Route>(
		Route{owner, method, path, split(path), minimum, std::move(handler), std::move(query)}));
}


std::optional<std::set<std::string>> Router::acceptedQuery(const std::string& method, const std::string& path) const
{
	const std::vector<std::string> segments = split(path);
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const auto& route: _routes)
	{
		std::map<std::string, std::string> params;
		if (route->method == method && match(*route, segments, params)) return route->query;
	}
	return std::nullopt;
}


int Router::removeAll(const std::string& owner)
{
	std::size_t removed = 0;
	{
		std::unique_lock<std::shared_mutex> lock(_mutex);
		const auto before = _routes.size();
		_routes.erase(std::remove_if(_routes.begin(), _routes.end(),
									 [&](const std::shared_ptr<const Route>& r) { return r->owner == owner; }),
					  _routes.end());
		removed = before - _routes.size();
	}
	// Every handler of the owner started before the routes went away was
	// counted under _mutex: wait for them to return.
	std::unique_lock<std::mutex> lock(_countMutex);
	_idle.wait(lock, [&] {
		auto it = _running.find(owner);
		return it == _running.end() || it->second == 0;
	});
	_running.erase(owner);
	return static_cast<int>(removed);
}


class Router::InFlight
/// Counts one running handler of an owner for as long as it lives. It
/// releases the route (and so the handler, whose code may live in a
/// plugin's library) before the count goes down: once removeAll() has
/// seen the count at 0, nothing of the owner's is left to destroy.
{
public:
	InFlight(const Router& router, std::shared_ptr<const Route>& route):
		_router(router),
		_route(route),
		_owner(route->owner)
	{
		std::lock_guard<std::mutex> lock(_router._countMutex);
		++_router._running[_owner];
	}

	~InFlight()
	{
		_route.reset();
		std::lock_guard<std::mutex> lock(_router._countMutex);
		--_router._running[_owner];
		_router._idle.notify_all();
	}

	InFlight(const InFlight&) = delete;
	InFlight& operator=(const InFlight&) = delete;

private:
	const Router& _router;
	std::shared_ptr<const Route>& _route;
	const std::string _owner;
};


std::optional<UserDirectory::User> Router::authenticate(const std::string& authorization) const
{
	return _users.authenticate(authorization);
}


std::vector<std::string> Router::routes(const std::string& owner) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	std::vector<std::string> result;
	for (const auto& route: _routes)
		if (route->owner == owner) result.push_back(route->method + " " + route->pattern);
	return result;
}


std::string Router::patternFor(const std::string& path) const
{
	std::vector<std::string> segments;
	try
	{
		for (const std::string& raw: split(path))
		{
			std::string decoded;
			Poco::URI::decode(raw, decoded);
			segments.push_back(decoded);
		}
	}
	catch (Poco::Exception&)
	{
		return ""; // a malformed escape matches nothing
	}
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const auto& route: _routes)
	{
		std::map<std::string, std::string> params;
		if (match(*route, segments, params)) return route->pattern;
	}
	return "";
}


erp::HttpResponse Router::dispatch(const std::string& method, const std::string& path,
								   const std::map<std::string, std::string>& query, const std::string& body,
								   const std::string& authorization, const std::set<std::string>& repeated) const
{
	const std::optional<UserDirectory::User> user = _users.authenticate(authorization);
	if (!user) return erp::HttpResponse::error(401, "unauthorized", "a valid bearer token is required");
	return dispatchAs(method, path, query, body, *user, repeated);
}


erp::HttpResponse Router::dispatchAs(const std::string& method, const std::string& path,
									 const std::map<std::string, std::string>& query, const std::string& body,
									 const UserDirectory::User& user, const std::set<std::string>& repeated) const
{
	std::vector<std::string> segments;
	for (const std::string& raw: split(path))
	{
		std::string decoded;
		Poco::URI::decode(raw, decoded);
		segments.push_back(decoded);
	}

	std::shared_ptr<const Route> found;
	std::unique_ptr<InFlight> running;
	bool pathKnown = false;
	std::map<std::string, std::string> params;
	{
		std::shared_lock<std::shared_mutex> lock(_mutex);
		for (const auto& route: _routes)
		{
			std::map<std::string, std::string> candidate;
			if (!match(*route, segments, candidate)) continue;
			pathKnown = true;
			if (route->method == method)
			{
				found = route;
				params = std::move(candidate);
				break;
			}
		}
		// Counted before the lock goes: removeAll then waits for this request
		// (even one about to be refused: it holds the route until it returns).
		if (found) running = std::make_unique<InFlight>(*this, found);
	}
	if (!found)
		return pathKnown ? erp::HttpResponse::error(405, "method_not_allowed", method + " is not allowed on " + path)
						 : erp::HttpResponse::error(404, "not_found", "no such resource: " + path);
	if (static_cast<int>(user.role) < static_cast<int>(found->minimum))
		return erp::HttpResponse::error(403, "forbidden",
										"this needs the " + UserDirectory::roleName(found->minimum) + " role");

	// The parameters a route takes, each once; anything else is refused by
	// name with what the route takes, before the handler runs.
	if (found->query)
		for (const auto& [name, value]: query)
		{
			const bool taken = found->query->count(name) > 0;
			if (taken && !repeated.count(name)) continue;
			std::string takes;
			for (const std::string& known: *found->query)
				takes += (takes.empty() ? "" : ", ") + known;
			const std::string what = taken          ? "query parameter " + name + " given more than once"
									 : name.empty() ? "a query parameter without a name (=" + value + ")"
													: "unknown query parameter " + name;
			return erp::HttpResponse::error(
				400, "invalid_field",
				what + ": " + method + " " + found->pattern + " takes " +
					(takes.empty() ? std::string("none") : takes + (taken ? ", one value each" : "")),
				name);
		}

	erp::HttpRequest request;
	request.method = method;
	request.path = path;
	request.params = std::move(params);
	request.query = query;
	request.body = body;
	request.user = user.name;
	request.role = user.role;
	try
	{
		return found->handler(request);
	}
	catch (const erp::ApiError& error)
	{
		return erp::HttpResponse::error(error);
	}
	catch (Poco::Exception& exc)
	{
		_logger.error("%s %s failed: %s", method, path, exc.displayText());
	}
	catch (std::exception& exc)
	{
		_logger.error("%s %s failed: %s", method, path, std::string(exc.what()));
	}
	catch (...)
	{
		_logger.error("%s %s failed with an unknown exception", method, path);
	}
	return erp::HttpResponse::error(500, "internal_error", "the server failed; the error is in its log");
}


} // namespace host
