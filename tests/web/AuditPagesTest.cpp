//
// AuditPagesTest.cpp
//
// The audit log page over HTTP: administrators only (an accountant gets
// 403 and no menu entry), newest first, filters, the before= cursor,
// times in the business time zone, details as escaped indented JSON.
//


#include "WebClient.h"
#include <cppunit/extensions/HelperMacros.h>


using namespace Poco::Data::Keywords;
using tests::WebClient;
using tests::WebPage;


class AuditPagesTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(AuditPagesTest);
	CPPUNIT_TEST(testAdministratorsOnly);
	CPPUNIT_TEST(testNewestFirstWithDetails);
	CPPUNIT_TEST(testFilters);
	CPPUNIT_TEST(testPagedWithBefore);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_web = std::make_unique<WebClient>();
	}

	void tearDown() override
	{
		_web.reset();
	}

	void testAdministratorsOnly()
	{
		const std::string maria = _web->signIn("maria");
		WebPage page = _web->get("/audit", maria);
		CPPUNIT_ASSERT_EQUAL(403, page.status);
		CPPUNIT_ASSERT(page.has("This page is for administrators."));
		CPPUNIT_ASSERT_EQUAL(403, _web->get("/audit?plugin=reminders", maria).status);
		// No menu entries for what an accountant cannot open.
		page = _web->get("/", maria);
		CPPUNIT_ASSERT(page.has(R"(href="/invoices")"));
		CPPUNIT_ASSERT(!page.has(R"(href="/audit")"));
		CPPUNIT_ASSERT(!page.has(R"(href="/plugins")"));

		const std::string admin = _web->signIn("admin");
		page = _web->get("/", admin);
		CPPUNIT_ASSERT(page.has(R"(<a href="/audit">Audit log</a>)"));
		CPPUNIT_ASSERT(page.has(R"(<a href="/plugins">Plugins</a>)"));
		page = _web->get("/audit", admin);
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has(R"(<a href="/audit" aria-current="page">Audit log</a>)"));
		CPPUNIT_ASSERT_EQUAL(405, _web->post("/audit", "csrf=" + page.csrf(), admin).status);
	}

	void testNewestFirstWithDetails()
	{
		_web->host().createCustomer("Ελαιώνες <script>", "a@example.com");
		// 2026-07-01 09:30:15 UTC is 12:30:15 summer time in Athens.
		setAt("customer.create", "2026-07-01T09:30:15.000Z");
		const std::string admin = _web->signIn("admin");
		WebPage page = _web->get("/audit?entity=customer", admin, "el");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has(R"(<time datetime="2026-07-01T09:30:15.000Z">01/07/2026 12:30:15 EEST</time>)"));
		CPPUNIT_ASSERT(page.has("Europe/Athens"));
		CPPUNIT_ASSERT(page.has("<code>customer.create</code>"));
		// Indented JSON, escaped.
		CPPUNIT_ASSERT(page.has("\n  &quot;name&quot;: &quot;Ελαιώνες &lt;script&gt;&quot;,\n"));
		CPPUNIT_ASSERT(!page.has("<script>"));
		CPPUNIT_ASSERT(page.has(R"(<pre class="details">{)"));
		page = _web->get("/audit", admin, "en");
		CPPUNIT_ASSERT(page.has("1 Jul 2026 12:30:15 EEST"));
		// Newest first: the admin's sign-in comes before the customer.
		CPPUNIT_ASSERT(page.body.find("user.sign_in") < page.body.find("customer.create"));
	}

	void testFilters()
	{
		const auto customer = _web->host().createCustomer("A", "a@example.com");
		_web->host().createCustomer("B", "b@example.com");
		const std::string admin = _web->signIn("admin");
		WebPage page = _web->get("/audit?entity=customer&entity_id=" + std::to_string(customer), admin);
		CPPUNIT_ASSERT_EQUAL(1, page.count("<code>customer.create</code>"));
		CPPUNIT_ASSERT(page.has("value=\"" + std::to_string(customer) + "\""));
		page = _web->get("/audit?action=user.sign_in", admin);
		CPPUNIT_ASSERT_EQUAL(0, page.count("<code>customer.create</code>"));
		CPPUNIT_ASSERT_EQUAL(1, page.count("<code>user.sign_in</code>"));
		page = _web->get("/audit?plugin=reminders", admin);
		CPPUNIT_ASSERT_EQUAL(0, page.count("<code>customer.create</code>"));
		page = _web->get("/audit?action=nothing", admin);
		CPPUNIT_ASSERT(page.has(R"(class="empty")"));
	}

	void testPagedWithBefore()
	{
		for (int i = 0; i < 55; ++i)
			_web->host().createCustomer("C" + std::to_string(i), "");
		const std::string admin = _web->signIn("admin");
		WebPage page = _web->get("/audit?entity=customer", admin);
		CPPUNIT_ASSERT_EQUAL(50, page.count("<code>customer.create</code>"));
		// The 50th newest customer entry: ids 56 (sign-in) ... the cursor is the last one shown.
		const std::string marker = R"(href="/audit?before=)";
		const std::size_t at = page.body.find(marker);
		CPPUNIT_ASSERT(at != std::string::npos);
		const std::string link = page.body.substr(at + 6, page.body.find('"', at + 6) - at - 6);
		CPPUNIT_ASSERT(link.find("&amp;entity=customer") != std::string::npos);
		page = _web->get(Poco::replace(link, std::string("&amp;"), std::string("&")), admin);
		CPPUNIT_ASSERT_EQUAL(5, page.count("<code>customer.create</code>"));
		CPPUNIT_ASSERT(page.has(R"(<a href="/audit?entity=customer">)"));
		CPPUNIT_ASSERT(!page.has(marker));
	}

private:
	void setAt(const std::string& action, const std::string& at)
	{
		Poco::Data::Session session = _web->host().runtime().database().session();
		std::string a = action, t = at;
		session << "UPDATE audit_log SET at = ? WHERE action = ?", use(t), use(a), now;
	}

	std::unique_ptr<WebClient> _web;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(AuditPagesTest, "web");
