//
// WebUiTest.cpp
//
// The web interface over HTTP, as a browser meets it: sign-in (wrong and
// right passwords, throttling with 429 and Retry-After on a clock moved by
// hand), the session cookie's flags, CSRF refusal of every state change
// without the session's token, sign-out, a disabled user's session
// refused, bearer tokens unchanged for the API, the customer pages with
// the API's field errors, security headers, languages and static files.
//


#include "web/WebUi.h"
#include "PasswordHasher.h"
#include "TestHost.h"
#include <Poco/File.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>
#include <cppunit/extensions/HelperMacros.h>
#include <map>
#include <memory>
#include <string>


using namespace Poco::Data::Keywords;
using tests::TestHost;


namespace {

const std::string MARIA_PASSWORD = "Μαρία σωστός κωδικός";
const std::string ADMIN_PASSWORD = "admin password 2026";

struct Page
{
	int status = 0;
	std::string body;
	std::map<std::string, std::string> headers; /// lowercase names; Set-Cookie's last value

	std::string header(const std::string& name) const
	{
		auto it = headers.find(name);
		return it == headers.end() ? std::string() : it->second;
	}

	bool has(const std::string& text) const
	{
		return body.find(text) != std::string::npos;
	}
};

std::string encode(const std::string& text)
{
	std::string out;
	Poco::URI::encode(text, "&=+?#/;@", out);
	return out;
}

} // namespace


class WebUiTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(WebUiTest);
	CPPUNIT_TEST(testSignInWrongThenRight);
	CPPUNIT_TEST(testCookieFlags);
	CPPUNIT_TEST(testSecureCookie);
	CPPUNIT_TEST(testCsrfRefused);
	CPPUNIT_TEST(testForeignOriginRefused);
	CPPUNIT_TEST(testBearerTokensUnchanged);
	CPPUNIT_TEST(testSignOut);
	CPPUNIT_TEST(testThrottled);
	CPPUNIT_TEST(testDisabledUserRefused);
	CPPUNIT_TEST(testUserWithoutPassword);
	CPPUNIT_TEST(testCustomerFormUsesApiValidation);
	CPPUNIT_TEST(testCustomerListPaged);
	CPPUNIT_TEST(testSecurityHeadersAndLanguage);
	CPPUNIT_TEST(testStaticFiles);
	CPPUNIT_TEST(testLanguageChosenPerUser);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_folder = std::make_unique<Poco::TemporaryFile>();
		Poco::File(_folder->path()).createDirectories();
		start(true);
	}

	void tearDown() override
	{
		_host.reset();
		_folder.reset();
	}

	void testSignInWrongThenRight()
	{
		Page page = get("/customers");
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/sign-in?next=/customers"), page.header("location"));

		page = post("/sign-in", "user=maria&password=wrong+password&next=%2Fcustomers");
		CPPUNIT_ASSERT_EQUAL(401, page.status);
		CPPUNIT_ASSERT(page.header("set-cookie").empty());
		CPPUNIT_ASSERT(page.has(R"(aria-invalid="true" aria-describedby="password-error")"));
		CPPUNIT_ASSERT(page.has(R"(id="password-error")"));
		CPPUNIT_ASSERT(page.has(R"(value="maria")"));

		page = post("/sign-in", "user=&password=x");
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="user-error")"));

		page = post("/sign-in", "user=maria&password=" + encode(MARIA_PASSWORD) + "&next=%2Fcustomers");
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/customers"), page.header("location"));
		const std::string cookie = cookieOf(page);
		CPPUNIT_ASSERT(!cookie.empty());
		page = get("/customers", cookie);
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has("maria"));

		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("user.sign_in", "maria"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("user.sign_in.fail", "maria"));

		// Back to the very page asked for, query and all.
		page = get("/customers?page=2&q=%CE%91%20b");
		CPPUNIT_ASSERT_EQUAL(std::string("/sign-in?next=/customers%3Fpage%3D2%26q%3D%25CE%2591%2520b"),
							 page.header("location"));
		page = get(page.header("location"));
		CPPUNIT_ASSERT(page.has(R"(name="next" value="/customers?page=2&amp;q=%CE%91%20b")"));
		page = post("/sign-in", "user=maria&password=" + encode(MARIA_PASSWORD) +
									"&next=%2Fcustomers%3Fpage%3D2%26q%3D%25CE%2591%2520b");
		CPPUNIT_ASSERT_EQUAL(std::string("/customers?page=2&q=%CE%91%20b"), page.header("location"));
	}

	void testCookieFlags()
	{
		Page page = post("/sign-in", "user=admin&password=" + encode(ADMIN_PASSWORD));
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/"), page.header("location"));
		const std::string setCookie = page.header("set-cookie");
		CPPUNIT_ASSERT_EQUAL(std::string("erp_session="), setCookie.substr(0, 12));
		CPPUNIT_ASSERT(setCookie.find("; HttpOnly") != std::string::npos);
		CPPUNIT_ASSERT(setCookie.find("; SameSite=Strict") != std::string::npos);
		CPPUNIT_ASSERT(setCookie.find("; Path=/") != std::string::npos);
		CPPUNIT_ASSERT(setCookie.find("Secure") == std::string::npos);
		// 256 bits as 64 hex digits.
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(64), setCookie.find(';') - 12);
		// An offsite "next" is not followed.
		page = post("/sign-in", "user=admin&password=" + encode(ADMIN_PASSWORD) + "&next=%2F%2Fevil.example%2F");
		CPPUNIT_ASSERT_EQUAL(std::string("/"), page.header("location"));
	}

	void testSecureCookie()
	{
		_host->runtime().web().setSecure(true);
		Page page = post("/sign-in", "user=admin&password=" + encode(ADMIN_PASSWORD));
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		const std::string setCookie = page.header("set-cookie");
		CPPUNIT_ASSERT_EQUAL(std::string("__Host-erp_session="), setCookie.substr(0, 19));
		CPPUNIT_ASSERT(setCookie.find("; Secure") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(200, get("/", cookieOf(page)).status);
	}

	void testCsrfRefused()
	{
		const std::string cookie = signIn("maria", MARIA_PASSWORD);
		const std::string csrf = csrfOf(get("/customers/new", cookie));
		CPPUNIT_ASSERT_EQUAL(std::string::size_type(64), csrf.size());

		CPPUNIT_ASSERT_EQUAL(403, post("/customers/new", "name=Without+token", cookie).status);
		CPPUNIT_ASSERT_EQUAL(403,
							 post("/customers/new", "name=Wrong+token&csrf=" + std::string(64, 'a'), cookie).status);
		// Another session's token is no token for this one.
		const std::string other = csrfOf(get("/customers/new", signIn("maria", MARIA_PASSWORD)));
		CPPUNIT_ASSERT_EQUAL(403, post("/customers/new", "name=Other+token&csrf=" + other, cookie).status);
		CPPUNIT_ASSERT_EQUAL(403, post("/sign-out", "", cookie).status);
		CPPUNIT_ASSERT_EQUAL(0, customers());

		CPPUNIT_ASSERT_EQUAL(303, post("/customers/new", "name=Form+token&csrf=" + csrf, cookie).status);
		CPPUNIT_ASSERT_EQUAL(303, post("/customers/new", "name=Header+token", cookie, {{"X-CSRF-Token", csrf}}).status);
		CPPUNIT_ASSERT_EQUAL(2, customers());
		// The session still works after the refusals.
		CPPUNIT_ASSERT_EQUAL(200, get("/customers", cookie).status);
	}

	void testForeignOriginRefused()
	{
		Page page =
			post("/sign-in", "user=admin&password=" + encode(ADMIN_PASSWORD), "", {{"Origin", "http://evil.example"}});
		CPPUNIT_ASSERT_EQUAL(403, page.status);
		CPPUNIT_ASSERT(page.header("set-cookie").empty());
		const std::string cookie = signIn("admin", ADMIN_PASSWORD);
		const std::string csrf = csrfOf(get("/customers/new", cookie));
		CPPUNIT_ASSERT_EQUAL(
			403, post("/customers/new", "name=X&csrf=" + csrf, cookie, {{"Origin", "http://evil.example"}}).status);
		CPPUNIT_ASSERT_EQUAL(303, post("/customers/new", "name=X&csrf=" + csrf, cookie,
									   {{"Origin", "http://127.0.0.1:" + std::to_string(port())}})
									  .status);
	}

	void testBearerTokensUnchanged()
	{
		// Scripts: a token and no CSRF token, as before.
		CPPUNIT_ASSERT_EQUAL(201, _host->call("POST", "/api/customers", R"({"name": "Script"})").status);
		// The session cookie opens no API door.
		const std::string cookie = signIn("admin", ADMIN_PASSWORD);
		Page page = request("GET", "/api/customers", "", cookie, {});
		CPPUNIT_ASSERT_EQUAL(401, page.status);
		CPPUNIT_ASSERT_EQUAL(401, _host->call("GET", "/api/customers", "", "").status);
	}

	void testSignOut()
	{
		const std::string cookie = signIn("maria", MARIA_PASSWORD);
		const std::string csrf = csrfOf(get("/", cookie));
		Page page = post("/sign-out", "csrf=" + csrf, cookie);
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/sign-in"), page.header("location"));
		CPPUNIT_ASSERT(page.header("set-cookie").find("Max-Age=0") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(0, sessions());
		page = get("/customers", cookie);
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/sign-in?next=/customers"), page.header("location"));
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("user.sign_out", "maria"));
	}

	void testThrottled()
	{
		host::HostClock& clock = _host->runtime().services().clock;
		clock.pin(Poco::Timestamp::fromEpochTime(1800000000));
		for (int i = 0; i < 3; ++i)
			CPPUNIT_ASSERT_EQUAL(401, post("/sign-in", "user=maria&password=guess" + std::to_string(i)).status);
		// Even the right password waits: nothing is learnt while refused.
		Page page = post("/sign-in", "user=maria&password=" + encode(MARIA_PASSWORD));
		CPPUNIT_ASSERT_EQUAL(429, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), page.header("retry-after"));
		CPPUNIT_ASSERT(page.header("set-cookie").empty());
		CPPUNIT_ASSERT_EQUAL(3, _host->auditCount("user.sign_in.fail", "maria"));
		// Another user is not slowed down by maria's failures.
		CPPUNIT_ASSERT_EQUAL(303, post("/sign-in", "user=admin&password=" + encode(ADMIN_PASSWORD)).status);

		clock.pin(clock.now() + 1000000);
		CPPUNIT_ASSERT_EQUAL(401, post("/sign-in", "user=maria&password=guess3").status);
		page = post("/sign-in", "user=maria&password=" + encode(MARIA_PASSWORD));
		CPPUNIT_ASSERT_EQUAL(429, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("2"), page.header("retry-after"));
		clock.pin(clock.now() + 2000000);
		CPPUNIT_ASSERT_EQUAL(303, post("/sign-in", "user=maria&password=" + encode(MARIA_PASSWORD)).status);
		clock.unpin();
	}

	void testDisabledUserRefused()
	{
		const std::string cookie = signIn("nina", MARIA_PASSWORD);
		CPPUNIT_ASSERT_EQUAL(200, get("/", cookie).status);
		CPPUNIT_ASSERT_EQUAL(1, sessions("nina"));
		start(false); // nina is no longer in the configuration
		Page page = get("/", cookie);
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(401, post("/sign-in", "user=nina&password=" + encode(MARIA_PASSWORD)).status);
		CPPUNIT_ASSERT_EQUAL(0, sessions("nina"));
		// Put back, she signs in again; the old session stays ended.
		start(true);
		CPPUNIT_ASSERT_EQUAL(303, get("/", cookie).status);
		CPPUNIT_ASSERT(!signIn("nina", MARIA_PASSWORD).empty());
	}

	void testUserWithoutPassword()
	{
		// bob has a token only: the API, never the web interface.
		CPPUNIT_ASSERT_EQUAL(401, post("/sign-in", "user=bob&password=bob-token-000000000000").status);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("GET", "/api/customers", "", "bob-token-000000000000").status);
	}

	void testCustomerFormUsesApiValidation()
	{
		const std::string cookie = signIn("maria", MARIA_PASSWORD);
		const std::string csrf = csrfOf(get("/customers/new", cookie));
		const std::string greek = "Ελαιώνες Κρήτης Α.Ε.";

		Page page = post("/customers/new", "name=" + encode(greek) + "&email=not-an-address&language=el&csrf=" + csrf,
						 cookie, {{"Accept-Language", "en"}});
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="email-error")"));
		CPPUNIT_ASSERT(page.has(R"(aria-describedby="email-hint email-error" aria-invalid="true")"));
		CPPUNIT_ASSERT(!page.has(R"(id="name-error")"));
		CPPUNIT_ASSERT(page.has("value=\"" + greek + "\""));
		CPPUNIT_ASSERT(page.has(R"(value="not-an-address")"));

		page = post("/customers/new", "name=&csrf=" + csrf, cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="name-error")"));
		page = post("/customers/new", "name=" + std::string(201, 'x') + "&csrf=" + csrf, cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="name-error")"));
		page = post("/customers/new", "name=X&language=de&csrf=" + csrf, cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="language-error")"));
		// All three wrong: all three marked at once.
		page = post("/customers/new", "name=&email=nobody%40&language=de&csrf=" + csrf, cookie,
					{{"Accept-Language", "en"}});
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="name-error")"));
		CPPUNIT_ASSERT(page.has(R"(aria-describedby="email-hint email-error" aria-invalid="true")"));
		CPPUNIT_ASSERT(page.has(R"(id="language-error")"));
		CPPUNIT_ASSERT(page.has("Please correct the fields marked below."));
		CPPUNIT_ASSERT_EQUAL(0, customers());

		page = post("/customers/new", "name=" + encode(greek) + "&email=info%40elaiones.gr&language=en&csrf=" + csrf,
					cookie);
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(1, customers());
		Poco::Data::Session session = _host->runtime().database().session();
		Poco::Int64 id = 0;
		std::string name, email, language;
		session << "SELECT id, name, email, language FROM customers", into(id), into(name), into(email), into(language),
			now;
		CPPUNIT_ASSERT_EQUAL(greek, name);
		CPPUNIT_ASSERT_EQUAL(std::string("info@elaiones.gr"), email);
		CPPUNIT_ASSERT_EQUAL(std::string("en"), language);
		// Audited as the signed-in user, as through the API.
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("customer.create", std::to_string(id)));

		const std::string path = "/customers/" + std::to_string(id);
		page = get(path, cookie);
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has("value=\"" + greek + "\""));
		CPPUNIT_ASSERT(page.has(R"(<option value="en" selected>)"));
		page = post(path, "name=" + encode(greek) + "&email=&language=el&csrf=" + csrf, cookie);
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		Reply reply = _host->call("GET", "/api/customers/" + std::to_string(id));
		CPPUNIT_ASSERT(reply.object()->isNull("email"));
		CPPUNIT_ASSERT_EQUAL(std::string("el"), reply.object()->getValue<std::string>("language"));
		page = post(path, "name=&csrf=" + csrf, cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="name-error")"));

		CPPUNIT_ASSERT_EQUAL(404, get("/customers/999", cookie).status);
		CPPUNIT_ASSERT_EQUAL(404, get("/customers/abc", cookie).status);
		CPPUNIT_ASSERT_EQUAL(404, post("/customers/999", "name=X&csrf=" + csrf, cookie).status);
	}

	void testCustomerListPaged()
	{
		for (int i = 1; i <= 25; ++i)
			_host->createCustomer("Πελάτης " + std::to_string(100 + i), "");
		_host->createCustomer("Άλλος <b>&", "");
		const std::string cookie = signIn("maria", MARIA_PASSWORD);
		Page page = get("/customers", cookie);
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT_EQUAL(20, count(page.body, "<tr><td"));
		CPPUNIT_ASSERT(page.has(R"(href="/customers?page=2" rel="next")"));
		CPPUNIT_ASSERT(!page.has(R"(rel="prev")"));
		page = get("/customers?page=2", cookie);
		CPPUNIT_ASSERT_EQUAL(6, count(page.body, "<tr><td"));
		CPPUNIT_ASSERT(page.has(R"(rel="prev")"));
		CPPUNIT_ASSERT(!page.has(R"(rel="next")"));
		// Escaped, never markup.
		CPPUNIT_ASSERT(page.has("Άλλος &lt;b&gt;&amp;"));
		CPPUNIT_ASSERT(!page.has("Άλλος <b>"));
		page = get("/customers?q=" + encode("Πελάτης 12"), cookie);
		CPPUNIT_ASSERT_EQUAL(6, count(page.body, "<tr><td"));
		page = get("/customers?q=nobody", cookie);
		CPPUNIT_ASSERT_EQUAL(0, count(page.body, "<tr><td"));
		CPPUNIT_ASSERT(page.has(R"(class="empty")"));
		CPPUNIT_ASSERT_EQUAL(200, get("/customers?page=-3", cookie).status);
	}

	void testSecurityHeadersAndLanguage()
	{
		Page page = get("/sign-in");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		const std::string csp = page.header("content-security-policy");
		CPPUNIT_ASSERT(csp.find("default-src 'self'") != std::string::npos);
		CPPUNIT_ASSERT(csp.find("script-src 'self';") != std::string::npos);
		CPPUNIT_ASSERT(csp.find("frame-ancestors 'none'") != std::string::npos);
		CPPUNIT_ASSERT(csp.find("unsafe-inline") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(std::string("nosniff"), page.header("x-content-type-options"));
		CPPUNIT_ASSERT_EQUAL(std::string("same-origin"), page.header("referrer-policy"));
		CPPUNIT_ASSERT_EQUAL(std::string("no-store"), page.header("cache-control"));
		CPPUNIT_ASSERT(page.has(R"(<html lang="el">)"));
		CPPUNIT_ASSERT(page.has("Κωδικός πρόσβασης"));
		CPPUNIT_ASSERT(!page.has("<script>"));
		page = get("/sign-in", "", {{"Accept-Language", "en-GB,en;q=0.9"}});
		CPPUNIT_ASSERT(page.has(R"(<html lang="en">)"));
		CPPUNIT_ASSERT(page.has(R"(<label for="password">Password</label>)"));
		// Signed in, an unknown page is a 404 page, in HTML.
		page = get("/nowhere", signIn("admin", ADMIN_PASSWORD), {{"Accept-Language", "en"}});
		CPPUNIT_ASSERT_EQUAL(404, page.status);
		CPPUNIT_ASSERT(page.has("This page does not exist."));
	}

	void testLanguageChosenPerUser()
	{
		// The browser's language until the user chooses; then the user's,
		// whatever the browser says, in every session, and only theirs.
		const std::string maria = signIn("maria", MARIA_PASSWORD);
		const std::map<std::string, std::string> english{{"Accept-Language", "en"}};
		Page page = get("/", maria, english);
		CPPUNIT_ASSERT(page.has(R"(<html lang="en">)"));
		CPPUNIT_ASSERT(page.has(R"(<button type="submit" class="secondary" lang="el">Ελληνικά</button>)"));
		CPPUNIT_ASSERT_EQUAL(403, post("/language", "language=el", maria, english).status);
		CPPUNIT_ASSERT_EQUAL(400, post("/language", "csrf=" + csrfOf(page) + "&language=de", maria, english).status);
		Page chosen = post("/language", "csrf=" + csrfOf(page) + "&language=el", maria,
						   {{"Accept-Language", "en"},
							{"Referer", "http://127.0.0.1:" + std::to_string(port()) + "/customers?page=2"}});
		CPPUNIT_ASSERT_EQUAL(303, chosen.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/customers?page=2"), chosen.header("location"));
		CPPUNIT_ASSERT(get("/", maria, english).has(R"(<html lang="el">)"));
		CPPUNIT_ASSERT(get("/", signIn("maria", MARIA_PASSWORD), english).has(R"(<html lang="el">)"));
		CPPUNIT_ASSERT(get("/", signIn("admin", ADMIN_PASSWORD), english).has(R"(<html lang="en">)"));
		// Kept across a restart (stored with the user).
		start(true);
		CPPUNIT_ASSERT(get("/", signIn("maria", MARIA_PASSWORD), english).has(R"(<html lang="el">)"));
		// A Referer of another site: home.
		const std::string again = signIn("maria", MARIA_PASSWORD);
		page = get("/", again, english);
		chosen = post("/language", "csrf=" + csrfOf(page) + "&language=en", again,
					  {{"Accept-Language", "en"}, {"Referer", "https://elsewhere.example/customers"}});
		CPPUNIT_ASSERT_EQUAL(std::string("/"), chosen.header("location"));
		CPPUNIT_ASSERT(get("/", again, {{"Accept-Language", "el"}}).has(R"(<html lang="en">)"));
	}

	void testStaticFiles()
	{
		Page page = get("/static/app.css");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("text/css; charset=utf-8"), page.header("content-type"));
		CPPUNIT_ASSERT(page.header("cache-control").find("max-age=31536000") != std::string::npos);
		CPPUNIT_ASSERT(page.has("Noto Sans"));
		// The page links it with its fingerprint.
		CPPUNIT_ASSERT(get("/sign-in").has("/static/app.css?v="));
		CPPUNIT_ASSERT_EQUAL(404, get("/static/../web/templates/layout.tpl").status);
		CPPUNIT_ASSERT_EQUAL(404, get("/static/%2e%2e%2fmessages%2fel.json").status);
		CPPUNIT_ASSERT_EQUAL(404, get("/static/nothing.js").status);
	}

private:
	void start(bool withNina)
	/// admin and maria with passwords, bob with a token only, nina (an
	/// accountant with a password) when asked.
	{
		static const std::string mariaHash = host::PasswordHasher::hash(MARIA_PASSWORD);
		static const std::string adminHash = host::PasswordHasher::hash(ADMIN_PASSWORD);
		_host.reset();
		std::map<std::string, std::string> extra{{"users.admin.password_hash", adminHash},
												 {"users.maria.password_hash", mariaHash},
												 {"users.bob.role", "accountant"},
												 {"users.bob.token", "bob-token-000000000000"}};
		if (withNina)
		{
			extra["users.nina.role"] = "accountant";
			extra["users.nina.token"] = "nina-token-00000000000";
			extra["users.nina.password_hash"] = mariaHash;
		}
		_host = std::make_unique<TestHost>(TestHost::remindersPluginsDirectory(), true, _folder->path(), extra);
	}

	int port()
	{
		return _host->runtime().httpPort();
	}

	Page request(const std::string& method, const std::string& path, const std::string& body, const std::string& cookie,
				 const std::map<std::string, std::string>& headers)
	{
		Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port()));
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
		Page page;
		page.status = response.getStatus();
		for (const auto& [name, value]: response)
			page.headers[Poco::toLower(name)] = value;
		Poco::StreamCopier::copyToString(in, page.body);
		return page;
	}

	Page get(const std::string& path, const std::string& cookie = "",
			 const std::map<std::string, std::string>& headers = {})
	{
		return request("GET", path, "", cookie, headers);
	}

	Page post(const std::string& path, const std::string& body, const std::string& cookie = "",
			  const std::map<std::string, std::string>& headers = {})
	{
		return request("POST", path, body, cookie, headers);
	}

	static std::string cookieOf(const Page& page)
	{
		const std::string setCookie = page.header("set-cookie");
		return setCookie.substr(0, setCookie.find(';'));
	}

	static std::string csrfOf(const Page& page)
	{
		const std::string marker = R"(name="csrf" value=")";
		const std::size_t at = page.body.find(marker);
		CPPUNIT_ASSERT_MESSAGE(page.body, at != std::string::npos);
		return page.body.substr(at + marker.size(), 64);
	}

	std::string signIn(const std::string& user, const std::string& password)
	{
		Page page = post("/sign-in", "user=" + user + "&password=" + encode(password));
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 303, page.status);
		return cookieOf(page);
	}

	static int count(const std::string& text, const std::string& what)
	{
		int found = 0;
		for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
			++found;
		return found;
	}

	int scalar(const std::string& sql)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		int value = 0;
		session << sql, into(value), now;
		return value;
	}

	int customers()
	{
		return scalar("SELECT COUNT(*) FROM customers");
	}

	int sessions(const std::string& user = "")
	{
		return user.empty() ? scalar("SELECT COUNT(*) FROM sessions")
							: scalar("SELECT COUNT(*) FROM sessions WHERE user_name = '" + user + "'");
	}

	using Reply = tests::Reply;

	std::unique_ptr<Poco::TemporaryFile> _folder;
	std::unique_ptr<TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(WebUiTest, "web");
