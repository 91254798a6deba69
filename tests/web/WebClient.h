//
// WebClient.h
//
// A browser's side of the web interface for the page tests: a TestHost
// with two users who have passwords (admin, maria the accountant), plain
// HTTP requests with a session cookie, and the page's CSRF token.
//


#ifndef Tests_WebClient_INCLUDED
#define Tests_WebClient_INCLUDED


#include "PasswordHasher.h"
#include "TestHost.h"
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <memory>
#include <string>


namespace tests {


struct WebPage
{
	int status = 0;
	std::string body;
	std::map<std::string, std::string> headers; /// lowercase names; a repeated header's last value

	std::string header(const std::string& name) const
	{
		auto it = headers.find(name);
		return it == headers.end() ? std::string() : it->second;
	}

	bool has(const std::string& text) const
	{
		return body.find(text) != std::string::npos;
	}

	int count(const std::string& text) const
	{
		int found = 0;
		for (std::size_t at = body.find(text); at != std::string::npos; at = body.find(text, at + 1))
			++found;
		return found;
	}

	std::string csrf() const
	/// The page's CSRF token (fails the test when the page has none).
	{
		const std::string marker = R"(name="csrf" value=")";
		const std::size_t at = body.find(marker);
		CPPUNIT_ASSERT_MESSAGE(body, at != std::string::npos);
		return body.substr(at + marker.size(), 64);
	}
};


class WebClient
/// Owns its TestHost (by default with the real reminders plugin).
{
public:
	static const std::string ADMIN_PASSWORD;
	static const std::string MARIA_PASSWORD;

	explicit WebClient(const std::string& pluginsDirectory = TestHost::remindersPluginsDirectory())
	{
		static const std::string adminHash = host::PasswordHasher::hash(ADMIN_PASSWORD);
		static const std::string mariaHash = host::PasswordHasher::hash(MARIA_PASSWORD);
		_host =
			std::make_unique<TestHost>(pluginsDirectory, true, "",
									   std::map<std::string, std::string>{{"users.admin.password_hash", adminHash},
																		  {"users.maria.password_hash", mariaHash}});
	}

	TestHost& host()
	{
		return *_host;
	}

	WebPage request(const std::string& method, const std::string& path, const std::string& body,
					const std::string& cookie, const std::map<std::string, std::string>& headers = {})
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(_host->runtime().httpPort()));
		Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
		if (!cookie.empty()) request.set("Cookie", cookie);
		for (const auto& [name, value]: headers)
			request.set(name, value);
		if (method == "POST")
		{
			request.setContentType("application/x-www-form-urlencoded");
			request.setContentLength(static_cast<std::streamsize>(body.size()));
		}
		session.sendRequest(request) << body;
		Poco::Net::HTTPResponse response;
		std::istream& in = session.receiveResponse(response);
		WebPage page;
		page.status = response.getStatus();
		for (const auto& [name, value]: response)
			page.headers[Poco::toLower(name)] = value;
		Poco::StreamCopier::copyToString(in, page.body);
		return page;
	}

	WebPage get(const std::string& path, const std::string& cookie, const std::string& language = "en")
	{
		return request("GET", path, "", cookie, {{"Accept-Language", language}});
	}

	WebPage post(const std::string& path, const std::string& body, const std::string& cookie,
				 const std::string& language = "en")
	{
		return request("POST", path, body, cookie, {{"Accept-Language", language}});
	}

	std::string signIn(const std::string& user)
	/// The session cookie ("erp_session=...") of a new session of admin or maria.
	{
		const std::string password = user == "admin" ? ADMIN_PASSWORD : MARIA_PASSWORD;
		WebPage page = post("/sign-in", "user=" + user + "&password=" + encode(password), "");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 303, page.status);
		const std::string setCookie = page.header("set-cookie");
		return setCookie.substr(0, setCookie.find(';'));
	}

	static std::string encode(const std::string& text)
	{
		std::string out;
		Poco::URI::encode(text, "&=+?#/;@", out);
		return out;
	}

private:
	std::unique_ptr<TestHost> _host;
};


inline const std::string WebClient::ADMIN_PASSWORD = "admin password 2026";
inline const std::string WebClient::MARIA_PASSWORD = "Μαρία σωστός κωδικός";


} // namespace tests


#endif // Tests_WebClient_INCLUDED
