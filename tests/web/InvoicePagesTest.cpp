//
// InvoicePagesTest.cpp
//
// The invoice pages over HTTP: the list (paged, filtered by status,
// customer name and overdue, amounts in the page's language, the empty
// actions column), the new-invoice form (the API's field errors beside
// the field, the typed values kept, the customer choice narrowed by a
// search), an invoice's page with its payments and the payment form, ids
// that are not digits, and CSRF refusals.
//


#include "WebClient.h"
#include <cppunit/extensions/HelperMacros.h>


using namespace Poco::Data::Keywords;
using tests::WebClient;
using tests::WebPage;


class InvoicePagesTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(InvoicePagesTest);
	CPPUNIT_TEST(testListColumnsAndMoney);
	CPPUNIT_TEST(testListFilters);
	CPPUNIT_TEST(testListPaged);
	CPPUNIT_TEST(testFormErrorBesideTheField);
	CPPUNIT_TEST(testFormCreates);
	CPPUNIT_TEST(testCustomerSearch);
	CPPUNIT_TEST(testDetailAndPayment);
	CPPUNIT_TEST(testIdsThatAreNotDigits);
	CPPUNIT_TEST(testCsrfRefused);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_web = std::make_unique<WebClient>();
		_alpha = _web->host().createCustomer("Alpha <b>&", "alpha@example.com");
		_beta = _web->host().createCustomer("Ελαιώνες Βήτα", "beta@example.com");
	}

	void tearDown() override
	{
		_web.reset();
	}

	void testListColumnsAndMoney()
	{
		_web->host().createInvoice(_alpha, "A-1", "1234.5");
		const std::string cookie = _web->signIn("maria");
		WebPage page = _web->get("/invoices", cookie, "el");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has(R"(<a href="/invoices/1">A-1</a>)"));
		CPPUNIT_ASSERT(page.has("Alpha &lt;b&gt;&amp;"));
		CPPUNIT_ASSERT(!page.has("Alpha <b>"));
		CPPUNIT_ASSERT(page.has(">1.234,50 €<"));
		CPPUNIT_ASSERT(page.has(">01/10/2026<"));
		CPPUNIT_ASSERT(page.has(">31/10/2026<"));
		CPPUNIT_ASSERT(page.has("Εκδόθηκε"));
		// The empty actions column, for what plugins will declare.
		CPPUNIT_ASSERT(page.has(R"(<th scope="col">Ενέργειες</th>)"));
		CPPUNIT_ASSERT(page.has(R"(<td data-label="Ενέργειες" class="actions-cell"></td>)"));
		CPPUNIT_ASSERT(page.has(R"(<a href="/invoices" aria-current="page">Τιμολόγια</a>)"));

		page = _web->get("/invoices", cookie, "en");
		CPPUNIT_ASSERT(page.has(">€1,234.50<"));
		CPPUNIT_ASSERT(page.has(">1 Oct 2026<"));
		CPPUNIT_ASSERT(page.has(R"(<th scope="col">Actions</th>)"));
	}

	void testListFilters()
	{
		_web->host().createInvoice(_alpha, "F-1", "10");                                // due 2026-10-31
		_web->host().createInvoice(_alpha, "F-2", "10", R"("due_date": "2026-12-31")"); // not yet due
		const auto paid = _web->host().createInvoice(_beta, "F-3", "10");
		const auto part = _web->host().createInvoice(_beta, "F-4", "10");
		_web->host().call("POST", "/api/invoices/" + std::to_string(paid) + "/payments", R"({"amount": "10"})");
		_web->host().call("POST", "/api/invoices/" + std::to_string(part) + "/payments", R"({"amount": "4"})");
		// 2026-11-15 in Athens.
		_web->host().runtime().services().clock.pin(Poco::Timestamp::fromEpochTime(1794729600));
		const std::string cookie = _web->signIn("maria");

		CPPUNIT_ASSERT_EQUAL(std::string("F-4 F-3 F-2 F-1"), numbers(_web->get("/invoices", cookie)));
		CPPUNIT_ASSERT_EQUAL(std::string("F-3"), numbers(_web->get("/invoices?status=paid", cookie)));
		CPPUNIT_ASSERT_EQUAL(std::string("F-4 F-1"), numbers(_web->get("/invoices?overdue=1", cookie)));
		CPPUNIT_ASSERT_EQUAL(std::string("F-4 F-3"),
							 numbers(_web->get("/invoices?customer=" + WebClient::encode("ιώνες"), cookie)));
		CPPUNIT_ASSERT_EQUAL(
			std::string("F-4"),
			numbers(_web->get("/invoices?customer=" + WebClient::encode("Βήτα") + "&overdue=1", cookie)));
		CPPUNIT_ASSERT_EQUAL(std::string("F-2 F-1"),
							 numbers(_web->get("/invoices?customer_id=" + std::to_string(_alpha), cookie)));
		// The form shows the filters as chosen; an overdue invoice is marked.
		WebPage page = _web->get("/invoices?status=partially_paid&overdue=1", cookie);
		CPPUNIT_ASSERT(page.has(R"(<option value="partially_paid" selected>)"));
		CPPUNIT_ASSERT(page.has(R"(value="1" checked>)"));
		CPPUNIT_ASSERT(page.has(R"(status-overdue)"));
		// Unknown values are ignored, not an error page.
		page = _web->get("/invoices?status=lost&customer_id=x&page=-2", cookie);
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("F-4 F-3 F-2 F-1"), numbers(page));
		page = _web->get("/invoices?customer=nobody", cookie);
		CPPUNIT_ASSERT(page.has(R"(class="empty")"));
		_web->host().runtime().services().clock.unpin();
	}

	void testListPaged()
	{
		for (int i = 1; i <= 23; ++i)
			_web->host().createInvoice(_alpha, "P-" + std::to_string(100 + i), "1");
		const std::string cookie = _web->signIn("maria");
		WebPage page = _web->get("/invoices?status=issued", cookie);
		CPPUNIT_ASSERT_EQUAL(20, page.count(R"(<tr id="row-)"));
		// Newest first: what was just issued is on the first page.
		CPPUNIT_ASSERT(page.has(">P-123<"));
		CPPUNIT_ASSERT(page.body.find(">P-123<") < page.body.find(">P-104<"));
		CPPUNIT_ASSERT(!page.has(">P-103<"));
		CPPUNIT_ASSERT(page.has(R"(href="/invoices?page=2&amp;status=issued" rel="next")"));
		page = _web->get("/invoices?page=2&status=issued", cookie);
		CPPUNIT_ASSERT_EQUAL(3, page.count(R"(<tr id="row-)"));
		CPPUNIT_ASSERT(page.has(">P-101<"));
		CPPUNIT_ASSERT(page.has(R"(rel="prev")"));
		CPPUNIT_ASSERT(!page.has(R"(rel="next")"));
	}

	void testFormErrorBesideTheField()
	{
		const std::string cookie = _web->signIn("maria");
		WebPage blank = _web->get("/invoices/new", cookie);
		CPPUNIT_ASSERT_EQUAL(200, blank.status);
		const std::string today = _web->host().runtime().services().clock.today();
		CPPUNIT_ASSERT(blank.has("value=\"" + today + "\""));
		CPPUNIT_ASSERT(blank.has(R"(id="currency" name="currency")"));
		CPPUNIT_ASSERT(blank.has(R"(value="EUR")"));
		CPPUNIT_ASSERT(blank.has(R"(value="no" checked)"));
		const std::string csrf = blank.csrf();
		// The form as a browser sends it, with some fields changed.
		auto form = [&](std::map<std::string, std::string> changed) {
			std::map<std::string, std::string> fields{{"csrf", csrf},
													  {"number", "E-1"},
													  {"customer_id", std::to_string(_alpha)},
													  {"issue_date", "2026-10-01"},
													  {"currency", "EUR"},
													  {"total", "10"},
													  {"paid", "no"}};
			for (const auto& [name, value]: changed)
				fields[name] = value;
			std::string body;
			for (const auto& [name, value]: fields)
				if (value != "-") body += (body.empty() ? "" : "&") + name + "=" + WebClient::encode(value);
			return body;
		};

		WebPage page = _web->post("/invoices/new", form({{"total", "abc"}}), cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(<p id="total-error" class="field-error">)"));
		CPPUNIT_ASSERT(page.has(R"(aria-describedby="total-hint total-error" aria-invalid="true")"));
		CPPUNIT_ASSERT(!page.has(R"(id="number-error")"));
		// What was typed stays, the customer stays chosen.
		CPPUNIT_ASSERT(page.has(R"(value="E-1")"));
		CPPUNIT_ASSERT(page.has(R"(value="abc")"));
		CPPUNIT_ASSERT(page.has("<option value=\"" + std::to_string(_alpha) + "\" selected>"));

		page = _web->post("/invoices/new", form({{"due_date", "2026-09-01"}}), cookie, "el");
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(<p id="due-date-error" class="field-error">Συμπληρώστε ημερομηνία λήξης)"));

		page = _web->post("/invoices/new", form({{"customer_id", "-"}}), cookie);
		CPPUNIT_ASSERT(page.has(R"(id="customer-id-error")"));
		CPPUNIT_ASSERT(page.has(R"(aria-describedby="customer-id-hint customer-id-error" aria-invalid="true")"));
		page = _web->post("/invoices/new", form({{"currency", "ZZZ"}}), cookie);
		CPPUNIT_ASSERT(page.has(R"(id="currency-error")"));
		page = _web->post("/invoices/new", form({{"issue_date", "2031-01-01"}, {"paid", "yes"}}), cookie);
		CPPUNIT_ASSERT(page.has(R"(id="issue-date-error")"));
		CPPUNIT_ASSERT_EQUAL(0, invoices());

		// Several fields wrong: each is marked beside itself, the summary
		// speaks of fields, and what was typed stays.
		page = _web->post("/invoices/new",
						  form({{"number", "-"}, {"due_date", "2026-09-01"}, {"currency", "ZZZ"}, {"total", "abc"}}),
						  cookie, "el");
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		for (const char* id: {"number", "due-date", "currency", "total"})
		{
			CPPUNIT_ASSERT_MESSAGE(id, page.has("<p id=\"" + std::string(id) + "-error\" class=\"field-error\">"));
			CPPUNIT_ASSERT_MESSAGE(id, page.has("aria-describedby=\"" + std::string(id) + "-hint " + id +
												"-error\" aria-invalid=\"true\""));
		}
		CPPUNIT_ASSERT(page.has(R"(<p id="currency-error" class="field-error">Συμπληρώστε κωδικό νομίσματος)"));
		CPPUNIT_ASSERT(!page.has(R"(id="issue-date-error")"));
		CPPUNIT_ASSERT(page.has("Διορθώστε τα πεδία που επισημαίνονται παρακάτω."));
		CPPUNIT_ASSERT(!page.has("Διορθώστε το πεδίο που επισημαίνεται παρακάτω."));
		CPPUNIT_ASSERT(page.has(R"(value="abc")"));
		CPPUNIT_ASSERT_EQUAL(0, invoices());

		_web->host().createInvoice(_alpha, "E-1", "5");
		page = _web->post("/invoices/new", form({}), cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(<p id="number-error" class="field-error">An invoice with this number exists.)"));
		CPPUNIT_ASSERT_EQUAL(1, invoices());
	}

	void testFormCreates()
	{
		const std::string cookie = _web->signIn("maria");
		const std::string csrf = _web->get("/invoices/new", cookie).csrf();
		// A decimal comma is read as the point; paid at issue.
		WebPage page = _web->post("/invoices/new",
								  "csrf=" + csrf + "&number=N-7&customer_id=" + std::to_string(_beta) +
									  "&issue_date=2026-10-01&due_date=2026-10-31&currency=eur&total=1234%2C5&paid=yes",
								  cookie);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/invoices?saved=1"), page.header("location"));
		auto invoice = _web->host().call("GET", "/api/invoices/1").object();
		CPPUNIT_ASSERT_EQUAL(std::string("N-7"), invoice->getValue<std::string>("number"));
		CPPUNIT_ASSERT_EQUAL(std::string("1234.50"), invoice->getValue<std::string>("total"));
		CPPUNIT_ASSERT_EQUAL(std::string("EUR"), invoice->getValue<std::string>("currency"));
		CPPUNIT_ASSERT_EQUAL(std::string("paid"), invoice->getValue<std::string>("status"));
		// Audited as the signed-in user, as through the API.
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), invoice->getValue<std::string>("created_by"));
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("invoice.create", "1"));
		page = _web->get("/invoices?saved=1", cookie);
		CPPUNIT_ASSERT(page.has(R"(<p class="notice" role="status">The invoice has been saved.</p>)"));
	}

	void testCustomerSearch()
	{
		for (int i = 0; i < 60; ++i)
			_web->host().createCustomer("Πελάτης " + std::to_string(100 + i), "");
		const std::string cookie = _web->signIn("maria");
		WebPage page = _web->get("/invoices/new", cookie);
		// At most 50 to choose from; the search narrows them.
		CPPUNIT_ASSERT_EQUAL(50, page.count("<option value=\"") - 1);
		page = _web->get("/invoices/new?customer_q=" + WebClient::encode("Πελάτης 15"), cookie);
		CPPUNIT_ASSERT_EQUAL(10, page.count("<option value=\"") - 1);
		CPPUNIT_ASSERT(page.has(R"(hx-get="/invoices/new")"));
		CPPUNIT_ASSERT(page.has(R"(hx-select="#customer-id")"));
		// The customer chosen before the search stays a choice, chosen.
		page = _web->get("/invoices/new?customer_q=" + WebClient::encode("Πελάτης 15") +
							 "&customer_id=" + std::to_string(_beta),
						 cookie);
		CPPUNIT_ASSERT_EQUAL(11, page.count("<option value=\"") - 1);
		CPPUNIT_ASSERT(page.has("<option value=\"" + std::to_string(_beta) + "\" selected>Ελαιώνες Βήτα</option>"));
		page = _web->get("/invoices/new?customer_q=nobody", cookie);
		CPPUNIT_ASSERT(page.has("No customer matches the search"));
	}

	void testDetailAndPayment()
	{
		const auto id = _web->host().createInvoice(_beta, "D-1", "100");
		const std::string path = "/invoices/" + std::to_string(id);
		const std::string cookie = _web->signIn("maria");
		WebPage page = _web->get(path, cookie, "el");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT(page.has("<h1>Τιμολόγιο D-1</h1>"));
		CPPUNIT_ASSERT(page.has("Ελαιώνες Βήτα"));
		CPPUNIT_ASSERT(page.has("100,00 €"));
		CPPUNIT_ASSERT(page.has(R"(class="empty")"));
		const std::string csrf = page.csrf();
		CPPUNIT_ASSERT(page.has("action=\"" + path + "/payments\""));

		page = _web->post(path + "/payments", "csrf=" + csrf + "&amount=150&paid_on=2026-11-01", cookie, "en");
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(
			page.has(R"(<p id="amount-error" class="field-error">The amount is more than what is outstanding.)"));
		CPPUNIT_ASSERT(page.has(R"(aria-describedby="amount-hint amount-error" aria-invalid="true")"));
		CPPUNIT_ASSERT(page.has(R"(value="150")"));
		page = _web->post(path + "/payments", "csrf=" + csrf + "&amount=10&paid_on=2026-09-01", cookie);
		CPPUNIT_ASSERT(page.has(R"(id="paid-on-error")"));
		CPPUNIT_ASSERT(page.has("Please correct the field marked below."));
		// Both wrong: both marked.
		page = _web->post(path + "/payments", "csrf=" + csrf + "&amount=150&paid_on=2026-09-01", cookie);
		CPPUNIT_ASSERT_EQUAL(422, page.status);
		CPPUNIT_ASSERT(page.has(R"(id="amount-error")"));
		CPPUNIT_ASSERT(page.has(R"(id="paid-on-error")"));
		CPPUNIT_ASSERT(page.has("Please correct the fields marked below."));

		page = _web->post(path + "/payments",
						  "csrf=" + csrf + "&amount=40%2C5&paid_on=2026-11-01&reference=%CE%A4%CE%A1-1", cookie);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 303, page.status);
		CPPUNIT_ASSERT_EQUAL(path + "?paid=1", page.header("location"));
		page = _web->get(path + "?paid=1", cookie);
		CPPUNIT_ASSERT(page.has("The payment has been recorded."));
		CPPUNIT_ASSERT(page.has("€40.50"));
		CPPUNIT_ASSERT(page.has("ΤΡ-1"));
		CPPUNIT_ASSERT(page.has("€59.50"));
		CPPUNIT_ASSERT(page.has("Partially paid"));
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("invoice.payment", std::to_string(id)));

		// Paid in full: no payment form any more.
		CPPUNIT_ASSERT_EQUAL(303, _web->post(path + "/payments", "csrf=" + csrf + "&amount=59.50", cookie).status);
		page = _web->get(path, cookie);
		CPPUNIT_ASSERT(page.has("status-paid"));
		CPPUNIT_ASSERT(!page.has("/payments\""));
	}

	void testIdsThatAreNotDigits()
	{
		const std::string cookie = _web->signIn("maria");
		const std::string csrf = _web->get("/invoices/new", cookie).csrf();
		for (const char* path: {"/invoices/999", "/invoices/abc", "/invoices/1%2F2", "/invoices/%31", "/invoices/01",
								"/invoices/-1", "/invoices/1/x", "/invoices/", "/invoices/1/payments/2"})
			CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 404, _web->get(path, cookie).status);
		CPPUNIT_ASSERT_EQUAL(404, _web->post("/invoices/999/payments", "csrf=" + csrf + "&amount=1", cookie).status);
		CPPUNIT_ASSERT_EQUAL(404, _web->post("/invoices/x/payments", "csrf=" + csrf + "&amount=1", cookie).status);
		CPPUNIT_ASSERT_EQUAL(405, _web->get("/invoices/1/payments", cookie).status);
	}

	void testCsrfRefused()
	{
		const auto id = _web->host().createInvoice(_alpha, "C-1", "100");
		const std::string cookie = _web->signIn("maria");
		const std::string form =
			"number=C-2&customer_id=" + std::to_string(_alpha) + "&issue_date=2026-10-01&currency=EUR&total=10";
		CPPUNIT_ASSERT_EQUAL(403, _web->post("/invoices/new", form, cookie).status);
		CPPUNIT_ASSERT_EQUAL(403, _web->post("/invoices/new", form + "&csrf=" + std::string(64, 'a'), cookie).status);
		CPPUNIT_ASSERT_EQUAL(403,
							 _web->post("/invoices/" + std::to_string(id) + "/payments", "amount=10", cookie).status);
		CPPUNIT_ASSERT_EQUAL(1, invoices());
		CPPUNIT_ASSERT_EQUAL(0, _web->host().auditCount("invoice.payment"));
		// Signed out: to the sign-in page, nothing changed.
		WebPage page = _web->get("/invoices", "");
		CPPUNIT_ASSERT_EQUAL(303, page.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/sign-in?next=/invoices"), page.header("location"));
	}

private:
	// The invoice numbers the list shows, in order.
	static std::string numbers(const WebPage& page)
	{
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 200, page.status);
		std::string listed;
		const std::string marker = R"("><td data-label="Number"><a href="/invoices/)";
		for (std::size_t at = page.body.find(marker); at != std::string::npos; at = page.body.find(marker, at + 1))
		{
			const std::size_t start = page.body.find('>', at + marker.size()) + 1;
			listed += (listed.empty() ? "" : " ") + page.body.substr(start, page.body.find('<', start) - start);
		}
		return listed;
	}

	int invoices()
	{
		Poco::Data::Session session = _web->host().runtime().database().session();
		int count = 0;
		session << "SELECT COUNT(*) FROM invoices", into(count), now;
		return count;
	}

	std::unique_ptr<WebClient> _web;
	Poco::Int64 _alpha = 0;
	Poco::Int64 _beta = 0;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InvoicePagesTest, "web");
