//
// UserPagesTest.cpp
//
// The users page over HTTP: administrators only; a user added with a
// role and password signs in at once; the role, a new password (the old
// sessions end), an API token issued once and revoked, disable and enable,
// each audited with the administrator as the actor; refusals beside their
// field; users of the configuration file read-only; an administrator
// cannot disable or demote themselves.
//


#include "WebClient.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::TestHost;
using tests::WebClient;
using tests::WebPage;


class UserPagesTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(UserPagesTest);
	CPPUNIT_TEST(testAdministratorsOnly);
	CPPUNIT_TEST(testAddAndSignIn);
	CPPUNIT_TEST(testRefusalsBesideTheField);
	CPPUNIT_TEST(testManageAUser);
	CPPUNIT_TEST(testConfigurationUsersAndSelf);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_web = std::make_unique<WebClient>();
		_admin = _web->signIn("admin");
		_csrf = _web->get("/users", _admin).csrf();
	}

	void tearDown() override
	{
		_web.reset();
	}

	void testAdministratorsOnly()
	{
		const std::string maria = _web->signIn("maria");
		CPPUNIT_ASSERT_EQUAL(403, _web->get("/users", maria).status);
		const std::string csrf = _web->get("/", maria).csrf();
		CPPUNIT_ASSERT_EQUAL(
			403, _web->post("/users",
							"csrf=" + csrf + "&name=x&role=admin&password=" + WebClient::encode("long enough password"),
							maria)
					 .status);
		CPPUNIT_ASSERT(!_web->get("/", maria).has(R"(href="/users")"));
		CPPUNIT_ASSERT(_web->get("/", _admin).has(R"(href="/users")"));
		CPPUNIT_ASSERT_EQUAL(0, _web->host().auditCount("user.create", "x"));
	}

	void testAddAndSignIn()
	{
		WebPage added = add("eleni", "accountant", "Ελένη κωδικός 2026");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(added.body, 303, added.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/users?done=added"), added.header("location"));
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("user.create", "eleni"));
		WebPage signedIn = _web->post("/sign-in", "user=eleni&password=" + WebClient::encode("Ελένη κωδικός 2026"), "");
		CPPUNIT_ASSERT_EQUAL(303, signedIn.status);
		WebPage list = _web->get("/users", _admin, "en");
		CPPUNIT_ASSERT(list.has("<td data-label=\"User name\">eleni</td><td data-label=\"Role\">accountant</td>"));
		// No API token until one is issued.
		CPPUNIT_ASSERT_EQUAL(401, _web->host().call("GET", "/api/customers", "", "").status);
	}

	void testRefusalsBesideTheField()
	{
		WebPage page = add("Bad Name", "accountant", "long enough password");
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="new-name-error")"));
		CPPUNIT_ASSERT(page.has(R"(value="Bad Name")"));
		page = add("short", "accountant", "too short");
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="new-password-error")"));
		// The password is never written back into the page.
		CPPUNIT_ASSERT(!page.has("too short\""));
		page = add("maria", "accountant", "long enough password");
		CPPUNIT_ASSERT_EQUAL(409, page.status);
		CPPUNIT_ASSERT(page.has("there is already a user named maria"));
		CPPUNIT_ASSERT_EQUAL(0, _web->host().auditCount("user.create", "short"));
	}

	void testManageAUser()
	{
		CPPUNIT_ASSERT_EQUAL(303, add("nikos", "accountant", "Νίκος κωδικός 2026").status);
		const std::string nikos = signInAs("nikos", "Νίκος κωδικός 2026");
		CPPUNIT_ASSERT_EQUAL(403, _web->get("/audit", nikos).status);
		// The role: at once.
		CPPUNIT_ASSERT_EQUAL(303, change("nikos", "do=role&role=admin").status);
		CPPUNIT_ASSERT_EQUAL(200, _web->get("/audit", nikos).status);
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("user.role.change", "nikos"));
		// A token: shown once on the answer page, then working; revoked, refused.
		WebPage issued = change("nikos", "do=issue_token");
		CPPUNIT_ASSERT_EQUAL(200, issued.status);
		const std::string marker = "<p><code>";
		const std::size_t at = issued.body.find(marker);
		CPPUNIT_ASSERT_MESSAGE(issued.body, at != std::string::npos);
		const std::string token = issued.body.substr(at + marker.size(), 48);
		CPPUNIT_ASSERT_EQUAL(200, _web->host().call("GET", "/api/customers", "", token).status);
		CPPUNIT_ASSERT(!_web->get("/users", _admin).has(token));
		CPPUNIT_ASSERT_EQUAL(303, change("nikos", "do=revoke_token").status);
		CPPUNIT_ASSERT_EQUAL(401, _web->host().call("GET", "/api/customers", "", token).status);
		// A new password ends the sessions opened with the old one.
		CPPUNIT_ASSERT_EQUAL(303,
							 change("nikos", "do=password&password=" + WebClient::encode("νέος κωδικός 2027")).status);
		CPPUNIT_ASSERT_EQUAL(303, _web->get("/", nikos).status);
		const std::string again = signInAs("nikos", "νέος κωδικός 2027");
		// Disabled: the session ends, signing in is refused; enabled again, a password is needed.
		CPPUNIT_ASSERT_EQUAL(303, change("nikos", "do=disable").status);
		CPPUNIT_ASSERT_EQUAL(303, _web->get("/", again).status);
		CPPUNIT_ASSERT_EQUAL(
			401, _web->post("/sign-in", "user=nikos&password=" + WebClient::encode("νέος κωδικός 2027"), "").status);
		CPPUNIT_ASSERT_EQUAL(303, change("nikos", "do=enable").status);
		CPPUNIT_ASSERT_EQUAL(
			401, _web->post("/sign-in", "user=nikos&password=" + WebClient::encode("νέος κωδικός 2027"), "").status);
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("user.disable", "nikos"));
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("user.enable", "nikos"));
		// Without the CSRF token nothing changes.
		CPPUNIT_ASSERT_EQUAL(403, _web->post("/users/nikos", "do=disable", _admin).status);
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("user.disable", "nikos"));
		CPPUNIT_ASSERT_EQUAL(404, change("nobody", "do=disable").status);
		CPPUNIT_ASSERT_EQUAL(400, change("nikos", "do=explode").status);
	}

	void testConfigurationUsersAndSelf()
	{
		WebPage list = _web->get("/users", _admin, "en");
		CPPUNIT_ASSERT(list.has("From the configuration file"));
		CPPUNIT_ASSERT(!list.has(R"(action="/users/maria")"));
		WebPage refused = change("maria", "do=disable");
		CPPUNIT_ASSERT_EQUAL(409, refused.status);
		CPPUNIT_ASSERT(refused.has("comes from the configuration file"));
		CPPUNIT_ASSERT_EQUAL(200, _web->host().call("GET", "/api/customers", "", TestHost::ACCOUNTANT).status);
		// A web administrator cannot lock themselves out.
		CPPUNIT_ASSERT_EQUAL(303, add("root2", "admin", "second administrator").status);
		const std::string root2 = signInAs("root2", "second administrator");
		const std::string csrf = _web->get("/users", root2).csrf();
		CPPUNIT_ASSERT_EQUAL(422, _web->post("/users/root2", "csrf=" + csrf + "&do=disable", root2).status);
		CPPUNIT_ASSERT_EQUAL(422,
							 _web->post("/users/root2", "csrf=" + csrf + "&do=role&role=accountant", root2).status);
		CPPUNIT_ASSERT_EQUAL(200, _web->get("/users", root2).status);
	}

private:
	WebPage add(const std::string& name, const std::string& role, const std::string& password)
	{
		return _web->post("/users",
						  "csrf=" + _csrf + "&name=" + WebClient::encode(name) + "&role=" + role +
							  "&password=" + WebClient::encode(password),
						  _admin);
	}

	WebPage change(const std::string& name, const std::string& body)
	{
		return _web->post("/users/" + name, "csrf=" + _csrf + "&" + body, _admin);
	}

	std::string signInAs(const std::string& name, const std::string& password)
	{
		WebPage page = _web->post("/sign-in", "user=" + name + "&password=" + WebClient::encode(password), "");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 303, page.status);
		const std::string setCookie = page.header("set-cookie");
		return setCookie.substr(0, setCookie.find(';'));
	}

	std::unique_ptr<WebClient> _web;
	std::string _admin;
	std::string _csrf;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(UserPagesTest, "web");
