//
// PluginScreensTest.cpp
//
// The host's screens rendering what plugins declare (erp::Screens), over
// HTTP as a browser meets them, with the reminders plugin and the test
// plugin "shelf" loaded side by side: settings tabs (fields by role, a
// write-only secret, a field error beside its field, switch-on sending to
// the plugin's page), plugin pages and their actions (roles, CSRF), the
// customer form's plugin fields, the new invoice's conditional field and
// its preset from the customer, the invoice list's toggles and record
// views, and everything of a plugin hidden while its switch is off.
//


#include "RunWait.h"
#include "WebClient.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::TestHost;
using tests::WebClient;
using tests::WebPage;


class PluginScreensTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PluginScreensTest);
	CPPUNIT_TEST(testSettingsTabsByRole);
	CPPUNIT_TEST(testSwitchOnSendsToTheBulkEnablePage);
	CPPUNIT_TEST(testFieldErrorBesideTheField);
	CPPUNIT_TEST(testBulkEnableFlagsTheTickedInvoices);
	CPPUNIT_TEST(testBulkEnableTicksNothingOfACustomerWhoseRemindersAreOff);
	CPPUNIT_TEST(testRemindersPageWarnsWithoutAnOwnerAddress);
	CPPUNIT_TEST(testRunNowIsForAdministrators);
	CPPUNIT_TEST(testAPageLeavesOutParametersItsViewDoesNotTake);
	CPPUNIT_TEST(testHiddenWhileSwitchedOff);
	CPPUNIT_TEST(testCustomerFormFields);
	CPPUNIT_TEST(testNewInvoiceFieldFollowsTheForm);
	CPPUNIT_TEST(testListToggleAndHistory);
	CPPUNIT_TEST(testADisputeShowsBesideTheStatus);
	CPPUNIT_TEST(testSecondPluginRendersToo);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_web = std::make_unique<WebClient>(TestHost::screenPluginsDirectory());
		_admin = _web->signIn("admin");
		_maria = _web->signIn("maria");
	}

	void tearDown() override
	{
		_web.reset();
	}

	void testSettingsTabsByRole()
	{
		WebPage admin = _web->get("/settings/reminders/email", _admin, "el");
		CPPUNIT_ASSERT_EQUAL(200, admin.status);
		CPPUNIT_ASSERT(admin.has("Ενημέρωση πελατών"));
		CPPUNIT_ASSERT(admin.has(R"(name="send_weekday")"));
		CPPUNIT_ASSERT(admin.has(R"(name="from_address")"));
		// Both plugins' tabs, the current one marked.
		CPPUNIT_ASSERT(admin.has(R"(<a href="/settings/reminders/email" aria-current="page">Email</a>)"));
		CPPUNIT_ASSERT(admin.has(R"(<a href="/settings/shelf/shelf">Ράφι</a>)"));
		WebPage maria = _web->get("/settings/reminders/email", _maria, "en");
		CPPUNIT_ASSERT(maria.has("Notify customers"));
		CPPUNIT_ASSERT(!maria.has(R"(name="send_weekday")"));
		CPPUNIT_ASSERT(!maria.has(R"(name="from_address")"));
		// /settings goes to the first tab; an unknown tab or plugin is no page.
		CPPUNIT_ASSERT_EQUAL(std::string("/settings/reminders/email"),
							 _web->get("/settings", _maria).header("location"));
		CPPUNIT_ASSERT_EQUAL(404, _web->get("/settings/reminders/nothing", _maria).status);
		CPPUNIT_ASSERT_EQUAL(404, _web->get("/settings/Reminders/email", _maria).status);

		// A write-only secret: never shown, kept when left empty, for administrators only.
		WebPage unsaved = _web->get("/settings/shelf/shelf", _admin, "en");
		const std::string csrf = unsaved.csrf();
		// The hint says whether one is saved (the route's "secret_set").
		CPPUNIT_ASSERT_MESSAGE(unsaved.body, unsaved.has("None is saved."));
		CPPUNIT_ASSERT(!unsaved.has("One is saved"));
		CPPUNIT_ASSERT_EQUAL(
			303, _web->post("/settings/shelf/shelf", "csrf=" + csrf + "&title=Top&secret=s3cr3t", _admin).status);
		WebPage shelf = _web->get("/settings/shelf/shelf", _admin, "en");
		CPPUNIT_ASSERT(shelf.has(R"(name="secret" type="password" value="")"));
		CPPUNIT_ASSERT(!shelf.has("s3cr3t"));
		CPPUNIT_ASSERT_MESSAGE(shelf.body, shelf.has("One is saved; leave it empty to keep it. It is never shown."));
		CPPUNIT_ASSERT_EQUAL(
			303, _web->post("/settings/shelf/shelf", "csrf=" + csrf + "&title=Top2&secret=", _admin).status);
		CPPUNIT_ASSERT(_web->host().call("GET", "/api/plugins/shelf/settings").object()->getValue<bool>("secret_set"));
		CPPUNIT_ASSERT(!_web->get("/settings/shelf/shelf", _maria).has(R"(name="secret")"));
	}

	void testSwitchOnSendsToTheBulkEnablePage()
	{
		_web->host().call("PUT", "/api/plugins/reminders/settings", R"({"from_address": "billing@example.com"})");
		const std::string csrf = _web->get("/settings/reminders/email", _maria).csrf();
		WebPage saved =
			_web->post("/settings/reminders/email",
					   "csrf=" + csrf + "&enabled=0&enabled=1&days_after_due=10&stop_after_months=6", _maria);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 303, saved.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/p/reminders/bulk-enable?switched_on=1"), saved.header("location"));
		auto settings = _web->host().call("GET", "/api/plugins/reminders/settings").object();
		CPPUNIT_ASSERT(settings->getValue<bool>("enabled"));
		CPPUNIT_ASSERT_EQUAL(10, settings->getValue<int>("days_after_due"));
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), settings->getValue<std::string>("updated_by"));
		// Saving again with the switch on stays on the tab.
		saved =
			_web->post("/settings/reminders/email", "csrf=" + csrf + "&enabled=0&enabled=1&days_after_due=11", _maria);
		CPPUNIT_ASSERT_EQUAL(std::string("/settings/reminders/email?saved=1"), saved.header("location"));
		// Unticked (only the hidden 0 is sent): off.
		saved = _web->post("/settings/reminders/email", "csrf=" + csrf + "&enabled=0", _maria);
		CPPUNIT_ASSERT_EQUAL(303, saved.status);
		CPPUNIT_ASSERT(
			!_web->host().call("GET", "/api/plugins/reminders/settings").object()->getValue<bool>("enabled"));
	}

	void testFieldErrorBesideTheField()
	{
		const std::string csrf = _web->get("/settings/reminders/email", _maria).csrf();
		WebPage refused = _web->post("/settings/reminders/email",
									 "csrf=" + csrf + "&days_after_due=abc&stop_after_months=6", _maria, "el");
		CPPUNIT_ASSERT_EQUAL(422, refused.status);
		CPPUNIT_ASSERT(refused.has(R"(id="f-days_after_due-error" class="field-error")"));
		CPPUNIT_ASSERT(
			refused.has(R"(aria-describedby="f-days_after_due-help f-days_after_due-error" aria-invalid="true")"));
		// What was typed stays; nothing was saved. The reason is in the
		// page's language (the plugin's catalog words it), not the API's.
		CPPUNIT_ASSERT(refused.has(R"(value="abc")"));
		CPPUNIT_ASSERT_MESSAGE(refused.body, refused.has("<span lang=\"el\">Συμπληρώστε ακέραιο αριθμό ημερών από 0 "
														 "έως 365, π.χ. 7.</span>"));
		CPPUNIT_ASSERT(!refused.has("must be a whole number"));
		CPPUNIT_ASSERT(refused.has("Διορθώστε το πεδίο που επισημαίνεται παρακάτω."));
		// Two fields wrong: both marked at once, the summary in the plural.
		WebPage both =
			_web->post("/settings/reminders/email",
					   "csrf=" + csrf + "&days_after_due=abc&stop_after_months=0&owner_email=owner%40", _maria, "el");
		CPPUNIT_ASSERT_EQUAL(422, both.status);
		for (const char* field: {"days_after_due", "stop_after_months", "owner_email"})
			CPPUNIT_ASSERT_MESSAGE(field, both.has("id=\"f-" + std::string(field) + "-error\" class=\"field-error\""));
		CPPUNIT_ASSERT(both.has("Διορθώστε τα πεδία που επισημαίνονται παρακάτω."));
		CPPUNIT_ASSERT(both.has("Συμπληρώστε ακέραιο αριθμό μηνών από 1 έως 120"));
		CPPUNIT_ASSERT_EQUAL(
			7, _web->host().call("GET", "/api/plugins/reminders/settings").object()->getValue<int>("days_after_due"));
		// A decimal comma reaches the plugin as typed and is refused (a
		// number input dropped the comma: 7,5 was saved as 75), and so is
		// a required field left empty (it kept the old value as "saved").
		CPPUNIT_ASSERT(
			refused.has(R"(name="days_after_due" type="text" value="abc" autocomplete="off" inputmode="numeric")"));
		for (const char* typed: {"7%2C5", "", "%20"})
		{
			refused = _web->post("/settings/reminders/email",
								 "csrf=" + csrf + "&days_after_due=" + typed + "&stop_after_months=6", _maria);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(typed, 422, refused.status);
			CPPUNIT_ASSERT_MESSAGE(typed, refused.has(R"(id="f-days_after_due-error" class="field-error")"));
		}
		CPPUNIT_ASSERT_EQUAL(
			7, _web->host().call("GET", "/api/plugins/reminders/settings").object()->getValue<int>("days_after_due"));
		// An administrator's field from an accountant's forged form: refused, nothing saved.
		refused = _web->post("/settings/reminders/email", "csrf=" + csrf + "&days_after_due=3&send_time=06:00", _maria);
		CPPUNIT_ASSERT_EQUAL(303, refused.status); // the field is not the accountant's: left out
		CPPUNIT_ASSERT_EQUAL(
			std::string("09:00"),
			_web->host().call("GET", "/api/plugins/reminders/settings").object()->getValue<std::string>("send_time"));
		// Without the CSRF token: refused before anything.
		CPPUNIT_ASSERT_EQUAL(403, _web->post("/settings/reminders/email", "days_after_due=30", _maria).status);
		CPPUNIT_ASSERT_EQUAL(
			3, _web->host().call("GET", "/api/plugins/reminders/settings").object()->getValue<int>("days_after_due"));
	}

	void testBulkEnableFlagsTheTickedInvoices()
	{
		switchOn();
		const auto alpha = _web->host().createCustomer("Άλφα Α.Ε.", "alpha@example.com");
		const auto beta = _web->host().createCustomer("Beta Ltd", "beta@example.com");
		const auto a1 = _web->host().createInvoice(alpha, "A-1", "1234.50", R"("reminders": {"with_reminder": false})");
		const auto a2 = _web->host().createInvoice(alpha, "A-2", "10.00", R"("reminders": {"with_reminder": false})");
		const auto b1 = _web->host().createInvoice(beta, "B-1", "99.00", R"("reminders": {"with_reminder": false})");
		WebPage page = _web->get("/p/reminders/bulk-enable", _maria, "el");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT_MESSAGE(page.body, page.has("Άλφα Α.Ε. · 2 τιμολόγια · 1.244,50 €"));
		CPPUNIT_ASSERT(page.has(R"(data-check-group="c)" + std::to_string(alpha) + "\""));
		CPPUNIT_ASSERT(page.has(R"(name="invoice_ids" value=")" + std::to_string(b1) + "\""));
		CPPUNIT_ASSERT(page.has("Ενεργοποίηση υπενθυμίσεων</button>"));

		const std::string body = "csrf=" + page.csrf() + "&action=enable&invoice_ids=" + std::to_string(a1) +
								 "&invoice_ids=" + std::to_string(b1);
		CPPUNIT_ASSERT_EQUAL(403, _web->post("/p/reminders/bulk-enable", "action=enable&invoice_ids=1", _maria).status);
		WebPage done = _web->post("/p/reminders/bulk-enable", body, _maria);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(done.body, 303, done.status);
		CPPUNIT_ASSERT(done.header("location").rfind("/p/reminders/bulk-enable?done=enable&seal=", 0) == 0);
		CPPUNIT_ASSERT(flagged(a1));
		CPPUNIT_ASSERT(!flagged(a2));
		CPPUNIT_ASSERT(flagged(b1));
		CPPUNIT_ASSERT(
			_web->get(done.header("location"), _maria, "en").has("Reminders are on for the ticked invoices."));
		// The notice is the redirect's, not any link's: without its seal, or
		// sealed for another session, the page shows none.
		CPPUNIT_ASSERT(!_web->get("/p/reminders/bulk-enable?done=enable", _maria, "en")
							.has("Reminders are on for the ticked invoices."));
		CPPUNIT_ASSERT(
			!_web->get(done.header("location"), _admin, "en").has("Reminders are on for the ticked invoices."));
		// An action the page does not declare: no call.
		CPPUNIT_ASSERT_EQUAL(
			400, _web->post("/p/reminders/bulk-enable", "csrf=" + page.csrf() + "&action=run", _maria).status);
	}

	void testBulkEnableTicksNothingOfACustomerWhoseRemindersAreOff()
	{
		// Off, though its default is on: the page as it loads must not tick
		// what the action refuses; it says where to switch them on.
		switchOn();
		const auto off = _web->host().createCustomer("Acme Hellas", "acme@example.com",
													 R"("reminders": {"enabled": false, "default": true})");
		const auto on =
			_web->host().createCustomer("Beta Ltd", "beta@example.com", R"("reminders": {"default": true})");
		const auto a1 = _web->host().createInvoice(off, "A-1", "50.00");
		const auto b1 = _web->host().createInvoice(on, "B-1", "99.00", R"("reminders": {"with_reminder": false})");
		WebPage page = _web->get("/p/reminders/bulk-enable", _maria, "en");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		const std::string a = std::to_string(a1), b = std::to_string(b1), c = std::to_string(off);
		CPPUNIT_ASSERT_MESSAGE(page.body, page.has(R"(name="invoice_ids" value=")" + a + R"(" data-group="c)" + c +
												   R"(" disabled aria-describedby="off-)" + c + "\">"));
		CPPUNIT_ASSERT(page.has(R"(data-check-group="c)" + c + R"(" disabled aria-describedby="off-)" + c + "\">"));
		CPPUNIT_ASSERT(page.has(R"(<p class="hint" id="off-)" + c +
								R"(">This customer&#39;s reminders are off, so these invoices cannot be marked here. )"
								R"(<a href="/customers/)" +
								c + "\">"));
		CPPUNIT_ASSERT(page.has(R"(name="invoice_ids" value=")" + b + R"(" data-group="c)" + std::to_string(on) +
								R"(" checked>)"));
		// What a browser sends as the page stands (disabled boxes are not sent): done, nothing refused.
		WebPage done =
			_web->post("/p/reminders/bulk-enable", "csrf=" + page.csrf() + "&action=enable&invoice_ids=" + b, _maria);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(done.body, 303, done.status);
		CPPUNIT_ASSERT(flagged(b1));
		CPPUNIT_ASSERT(!flagged(a1));
		CPPUNIT_ASSERT(_web->get("/p/reminders/bulk-enable", _maria, "el")
						   .has("Οι υπενθυμίσεις αυτού του πελάτη είναι απενεργοποιημένες"));
		// A box ticked before the customer's reminders went off: refused in
		// the page's language (a review saw "invoices 8 belong to customers
		// whose reminders are off" on the Greek page), nothing changed.
		WebPage refused = _web->post("/p/reminders/bulk-enable",
									 "csrf=" + page.csrf() + "&action=enable&invoice_ids=" + a, _maria, "el");
		CPPUNIT_ASSERT_EQUAL(422, refused.status);
		CPPUNIT_ASSERT_MESSAGE(refused.body,
							   refused.has("<span lang=\"el\">Κάποια από τα επιλεγμένα τιμολόγια είναι πελατών με "
										   "απενεργοποιημένες υπενθυμίσεις."));
		CPPUNIT_ASSERT(!refused.has("belong to customers"));
		CPPUNIT_ASSERT(!flagged(a1));
	}

	void testRemindersPageWarnsWithoutAnOwnerAddress()
	{
		switchOn();
		const std::string warning = "No business address is set for the weekly report";
		CPPUNIT_ASSERT_EQUAL(
			200, _web->host()
					 .call("PUT", "/api/plugins/reminders/settings", R"({"owner_email": "owner@example.com"})")
					 .status);
		CPPUNIT_ASSERT(!_web->get("/p/reminders/reminders", _maria, "en").has(warning));
		CPPUNIT_ASSERT_EQUAL(
			200, _web->host().call("PUT", "/api/plugins/reminders/settings", R"({"owner_email": null})").status);
		WebPage page = _web->get("/p/reminders/reminders", _maria, "en");
		CPPUNIT_ASSERT_MESSAGE(page.body, page.has(warning));
		CPPUNIT_ASSERT(page.has(R"(<a href="/settings/reminders/email">)"));
		CPPUNIT_ASSERT(
			_web->get("/p/reminders/reminders", _maria, "el").has("Δεν έχει οριστεί διεύθυνση της επιχείρησης"));
	}

	void testAPageLeavesOutParametersItsViewDoesNotTake()
	{
		// A page's URL may carry what its view route does not take (a link
		// from a mail client adds its own): the page passes on what the
		// route takes and leaves the rest out, where the API refuses it.
		switchOn();
		WebPage page = _web->get("/p/reminders/reminders?utm_source=mail&date=2026-12-14", _maria, "en");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 200, page.status);
		CPPUNIT_ASSERT_MESSAGE(page.body, page.has("14 Dec 2026"));
		CPPUNIT_ASSERT_EQUAL(
			400, _web->host()
					 .call("GET", "/api/plugins/reminders/ui/overview?utm_source=mail", "", tests::TestHost::ACCOUNTANT)
					 .status);
	}

	void testRunNowIsForAdministrators()
	{
		switchOn();
		WebPage maria = _web->get("/p/reminders/reminders", _maria, "en");
		CPPUNIT_ASSERT_EQUAL(200, maria.status);
		CPPUNIT_ASSERT(maria.has("Next run"));
		CPPUNIT_ASSERT(!maria.has(R"(name="action" value="run")"));
		CPPUNIT_ASSERT_EQUAL(
			403, _web->post("/p/reminders/reminders", "csrf=" + maria.csrf() + "&action=run", _maria).status);
		CPPUNIT_ASSERT_EQUAL(0, _web->host().auditCount("reminders.run.start"));
		WebPage admin = _web->get("/p/reminders/reminders", _admin, "en");
		CPPUNIT_ASSERT(admin.has(R"(name="action" value="run")"));
		_web->host().createInvoice(_web->host().createCustomer("Alpha", "alpha@example.com"), "A-1", "10.00");
		WebPage ran = _web->post("/p/reminders/reminders", "csrf=" + admin.csrf() + "&action=run", _admin);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(ran.body, 303, ran.status);
		CPPUNIT_ASSERT(ran.header("location").rfind("/p/reminders/reminders?done=run&result=", 0) == 0);
		// A link that writes its own words in the notice shows none of them
		// (a review planted "any text" in the green box).
		const std::string forged = "/p/reminders/reminders?done=run&result=Pay%20to%20IBAN%20XX00" +
								   ran.header("location").substr(ran.header("location").find("&seal="));
		WebPage planted = _web->get(forged, _admin, "en");
		CPPUNIT_ASSERT_EQUAL(200, planted.status);
		CPPUNIT_ASSERT(!planted.has("IBAN"));
		CPPUNIT_ASSERT(
			!_web->get("/p/reminders/reminders?done=run&result=Pay%20to%20IBAN%20XX00", _admin, "en").has("IBAN"));
		// The run goes on in the background (202): the notice names it and
		// links to the runs, where its progress shows.
		WebPage notice = _web->get(ran.header("location"), _admin, "en");
		CPPUNIT_ASSERT_MESSAGE(notice.body,
							   notice.has("This week&#39;s run has started and goes on in the background"));
		CPPUNIT_ASSERT(!notice.has("run 1 started"));
		CPPUNIT_ASSERT_MESSAGE(notice.body, notice.has("Show the latest progress"));
		CPPUNIT_ASSERT_MESSAGE(notice.body, notice.has(R"(<a href="/p/reminders/reminders#runs-heading">)"));
		CPPUNIT_ASSERT_MESSAGE(notice.body, notice.has("<summary>Week "));
		tests::followRun(_web->host(), 1);
		WebPage after = _web->get("/p/reminders/reminders", _admin, "en");
		CPPUNIT_ASSERT_MESSAGE(after.body, after.has("<summary>Week "));
		CPPUNIT_ASSERT_MESSAGE(after.body, after.has(R"(<span class="run-progress">1 of 1 messages decided)"));
		// Pressed again in the week: nothing is sent, and the page says so
		// in its language, not as a success (a review saw the green box).
		WebPage again = _web->post("/p/reminders/reminders", "csrf=" + admin.csrf() + "&action=run", _admin);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(again.body, 303, again.status);
		CPPUNIT_ASSERT(again.header("location").find("&outcome=already_run&") != std::string::npos);
		WebPage twice = _web->get(again.header("location"), _admin, "el");
		CPPUNIT_ASSERT_MESSAGE(
			twice.body, twice.has(R"(<p class="error-summary" role="status">Η εβδομάδα έχει ήδη την αποστολή της)"));
		CPPUNIT_ASSERT(!twice.has(R"(<p class="notice" role="status">)"));
		CPPUNIT_ASSERT(!twice.has("already has its run"));
		CPPUNIT_ASSERT_EQUAL(1, _web->host().auditCount("reminders.run.start"));
		// An outcome that is not the redirect's is not shown either.
		const std::string location = again.header("location");
		WebPage swapped = _web->get(location.substr(0, location.find("&outcome=")) + "&outcome=started" +
										location.substr(location.find("&seal=")),
									_admin, "en");
		CPPUNIT_ASSERT(!swapped.has("has started"));
	}

	void testHiddenWhileSwitchedOff()
	{
		const auto alpha = _web->host().createCustomer("Alpha", "alpha@example.com");
		_web->host().createInvoice(alpha, "A-1", "10.00");
		// Off (the default): no menu entry, no page, no field, no icon.
		WebPage home = _web->get("/", _maria);
		CPPUNIT_ASSERT(!home.has(R"(href="/p/reminders/reminders")"));
		CPPUNIT_ASSERT_EQUAL(404, _web->get("/p/reminders/reminders", _maria).status);
		CPPUNIT_ASSERT(!_web->get("/customers/" + std::to_string(alpha), _maria).has("reminders.enabled"));
		WebPage list = _web->get("/invoices", _maria);
		CPPUNIT_ASSERT(!list.has("/actions/reminders/"));
		CPPUNIT_ASSERT(!list.has("/views/reminders/"));
		CPPUNIT_ASSERT_EQUAL(404, _web->get("/invoices/1/views/reminders/0", _maria).status);
		// The settings tab stays: it is where the switch is.
		CPPUNIT_ASSERT_EQUAL(200, _web->get("/settings/reminders/email", _maria).status);
		switchOn();
		CPPUNIT_ASSERT(_web->get("/", _maria).has(R"(href="/p/reminders/reminders")"));
		CPPUNIT_ASSERT(_web->get("/customers/" + std::to_string(alpha), _maria).has("reminders.enabled"));
		list = _web->get("/invoices", _maria);
		CPPUNIT_ASSERT(list.has("/actions/reminders/0"));
		CPPUNIT_ASSERT(list.has("/views/reminders/0"));
	}

	void testCustomerFormFields()
	{
		switchOn();
		const auto alpha = _web->host().createCustomer("Alpha", "alpha@example.com");
		const std::string path = "/customers/" + std::to_string(alpha);
		WebPage form = _web->get(path, _maria, "el");
		CPPUNIT_ASSERT(form.has("Ενεργοποίηση υπενθυμίσεων"));
		CPPUNIT_ASSERT(form.has("Προεπιλογή υπενθύμισης"));
		CPPUNIT_ASSERT(form.has(R"(name="reminders.enabled" type="checkbox" value="1" checked)"));
		// Unticking sends only the hidden 0.
		WebPage saved = _web->post(path,
								   "csrf=" + form.csrf() +
									   "&name=Alpha&email=alpha%40example.com&language=el&reminders.enabled=0&"
									   "reminders.default=0&reminders.default=1",
								   _maria);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 303, saved.status);
		auto customer = _web->host().call("GET", "/api/customers/" + std::to_string(alpha)).object();
		CPPUNIT_ASSERT(!customer->getObject("reminders")->getValue<bool>("enabled"));
		CPPUNIT_ASSERT(customer->getObject("reminders")->getValue<bool>("default"));
		CPPUNIT_ASSERT(!_web->get(path, _maria).has(R"(name="reminders.enabled" type="checkbox" value="1" checked)"));
		// A pause in the past: refused beside its field in the page's
		// language (the API's "paused_until is before today ..." was shown).
		WebPage refused =
			_web->post(path,
					   "csrf=" + form.csrf() +
						   "&name=Alpha&email=alpha%40example.com&language=el&reminders.paused_until=2020-01-01",
					   _maria, "el");
		CPPUNIT_ASSERT_EQUAL(422, refused.status);
		CPPUNIT_ASSERT_MESSAGE(refused.body,
							   refused.has(R"(class="field-error" lang="el">Συμπληρώστε μια ημερομηνία από σήμερα)"));
		CPPUNIT_ASSERT(!refused.has("before today"));
		// The shelf's field sits beside them once the shelf is on.
		CPPUNIT_ASSERT(!_web->get(path, _maria).has("shelf.vip"));
		shelfOn();
		CPPUNIT_ASSERT(_web->get(path, _maria, "en").has("Important customer"));
	}

	void testNewInvoiceFieldFollowsTheForm()
	{
		switchOn();
		const auto on = _web->host().createCustomer("On", "on@example.com");
		const auto plain =
			_web->host().createCustomer("Plain", "plain@example.com", R"("reminders": {"default": false})");
		const auto off = _web->host().createCustomer("Off", "off@example.com", R"("reminders": {"enabled": false})");
		const std::string csrf = _web->get("/invoices/new", _maria).csrf();
		const std::string field = R"(name="reminders.with_reminder" type="checkbox" value="1")";
		auto refresh = [&](Poco::Int64 customer, const std::string& paid, const std::string& more = "") {
			return _web->post(
				"/invoices/new",
				"csrf=" + csrf + "&refresh=1&customer_id=" + std::to_string(customer) + "&paid=" + paid + more, _maria);
		};
		// No customer yet: hidden (the customer's fields are unknown).
		CPPUNIT_ASSERT(!_web->get("/invoices/new", _maria).has(field));
		// Unpaid, reminders on, default on: shown and ticked.
		WebPage page = refresh(on, "no");
		CPPUNIT_ASSERT_EQUAL(200, page.status);
		CPPUNIT_ASSERT_MESSAGE(page.body, page.has(std::string(field) + " checked"));
		// Paid: hidden. The customer's reminders off: hidden.
		CPPUNIT_ASSERT(!refresh(on, "yes").has(field));
		CPPUNIT_ASSERT(!refresh(off, "no").has(field));
		// Another customer: preset from its default (off), whatever was ticked for the first.
		page = refresh(plain, "no",
					   "&extras_customer=" + std::to_string(on) + "&reminders.with_reminder=0" +
						   "&reminders.with_reminder=1");
		CPPUNIT_ASSERT(page.has(field));
		CPPUNIT_ASSERT(!page.has(std::string(field) + " checked"));
		// The same customer: what the user set stays.
		page = refresh(plain, "no",
					   "&extras_customer=" + std::to_string(plain) + "&reminders.with_reminder=0" +
						   "&reminders.with_reminder=1");
		CPPUNIT_ASSERT(page.has(std::string(field) + " checked"));
		// Refreshing never creates an invoice.
		CPPUNIT_ASSERT_EQUAL(std::size_t(0),
							 _web->host().call("GET", "/api/invoices").object()->getArray("items")->size());

		// Saved with the field as shown: the invoice takes it.
		WebPage saved = _web->post("/invoices/new",
								   "csrf=" + csrf + "&number=N-1&customer_id=" + std::to_string(plain) +
									   "&issue_date=2026-10-01&due_date=2026-10-31&currency=EUR&total=10&paid=no&"
									   "extras_customer=" +
									   std::to_string(plain) + "&reminders.with_reminder=0&reminders.with_reminder=1",
								   _maria);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 303, saved.status);
		auto items = _web->host().call("GET", "/api/invoices").object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), items->size());
		CPPUNIT_ASSERT(items->getObject(0)->getObject("reminders")->getValue<bool>("with_reminder"));
		// Paid at issue, with a forged ticked field: the field was hidden, so it is not sent.
		saved = _web->post("/invoices/new",
						   "csrf=" + csrf + "&number=N-2&customer_id=" + std::to_string(on) +
							   "&issue_date=2026-10-01&currency=EUR&total=10&paid=yes&extras_customer=" +
							   std::to_string(on) + "&reminders.with_reminder=1",
						   _maria);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 303, saved.status);
		items = _web->host().call("GET", "/api/invoices?order=newest").object()->getArray("items");
		CPPUNIT_ASSERT_EQUAL(std::string("N-2"), items->getObject(0)->getValue<std::string>("number"));
		CPPUNIT_ASSERT(!items->getObject(0)->getObject("reminders")->getValue<bool>("with_reminder"));
	}

	void testListToggleAndHistory()
	{
		switchOn();
		const auto alpha = _web->host().createCustomer("Alpha", "alpha@example.com");
		const auto invoice =
			_web->host().createInvoice(alpha, "A-1", "10.00", R"("reminders": {"with_reminder": false})");
		const auto paid = _web->host().createInvoice(alpha, "A-2", "10.00", R"("paid": true)");
		const std::string id = std::to_string(invoice);
		WebPage list = _web->get("/invoices", _maria, "el");
		CPPUNIT_ASSERT(list.has(R"(id="act-reminders-0-)" + id + "\""));
		CPPUNIT_ASSERT(list.has(R"(aria-pressed="false" title="Δεν περιλαμβάνεται στην εβδομαδιαία υπενθύμιση")"));
		// A paid invoice: no toggle, the reason instead.
		CPPUNIT_ASSERT(list.has(R"(<span class="icon-off" title="Εξοφλημένο: δεν χρειάζεται υπενθύμιση">)"));
		CPPUNIT_ASSERT(!list.has("/invoices/" + std::to_string(paid) + "/actions/reminders/0"));

		const std::string toggle = "/invoices/" + id + "/actions/reminders/0";
		CPPUNIT_ASSERT_EQUAL(403, _web->post(toggle, "was=0", _maria).status);
		CPPUNIT_ASSERT(!flagged(invoice));
		WebPage done = _web->post(toggle, "csrf=" + list.csrf() + "&was=0&back=%2Finvoices%3Fpage%3D1", _maria);
		CPPUNIT_ASSERT_EQUAL(303, done.status);
		CPPUNIT_ASSERT_EQUAL(std::string("/invoices?page=1"), done.header("location"));
		CPPUNIT_ASSERT(flagged(invoice));
		CPPUNIT_ASSERT(
			_web->get("/invoices", _maria, "en").has(R"(aria-pressed="true" title="Included in the weekly reminder")"));
		// Elsewhere than the list: back to the list.
		done = _web->post(toggle, "csrf=" + list.csrf() + "&was=1&back=https%3A%2F%2Fevil.example%2F", _maria);
		CPPUNIT_ASSERT_EQUAL(std::string("/invoices"), done.header("location"));
		CPPUNIT_ASSERT(!flagged(invoice));
		// A bell clicked on a page from before the invoice was paid: refused,
		// and the row itself says why (htmx swaps only the row in; a review
		// saw nothing change and no word).
		const std::string paidId = std::to_string(paid);
		WebPage stale =
			_web->post("/invoices/" + paidId + "/actions/reminders/0", "csrf=" + list.csrf() + "&was=0", _maria);
		CPPUNIT_ASSERT_EQUAL(303, stale.status);
		CPPUNIT_ASSERT_EQUAL("/invoices?refused=reminders&refused_id=" + paidId + "&reason=reminder_not_allowed",
							 stale.header("location"));
		CPPUNIT_ASSERT(!flagged(paid));
		WebPage said = _web->get(stale.header("location"), _maria, "el");
		const std::string row = said.body.substr(said.body.find("<tr id=\"row-" + paidId + "\""));
		CPPUNIT_ASSERT_MESSAGE(said.body,
							   row.substr(0, row.find("</tr>"))
									   .find("<p class=\"field-error\" role=\"alert\">Δεν μπαίνει σε υπενθύμιση:") !=
								   std::string::npos);
		// Only the plugin's words: a reason from the address that the
		// catalog lacks is the generic sentence.
		WebPage forged = _web->get(
			"/invoices?refused=reminders&refused_id=" + paidId + "&reason=Pay%20to%20IBAN%20XX00", _maria, "en");
		CPPUNIT_ASSERT(!forged.has("IBAN"));
		CPPUNIT_ASSERT(forged.has(R"(<p class="field-error" role="alert">The plugin refused that change.</p>)"));
		CPPUNIT_ASSERT_EQUAL(
			404,
			_web->post("/invoices/" + id + "/actions/reminders/9", "csrf=" + list.csrf() + "&was=0", _maria).status);

		WebPage history = _web->get("/invoices/" + id + "/views/reminders/0", _maria, "en");
		CPPUNIT_ASSERT_EQUAL(200, history.status);
		CPPUNIT_ASSERT(history.has("Reminder history"));
		CPPUNIT_ASSERT(history.has("No reminder has been sent for this invoice."));
		CPPUNIT_ASSERT(history.has("whether it was read is not known"));
		CPPUNIT_ASSERT_EQUAL(404, _web->get("/invoices/999999/views/reminders/0", _maria).status);
	}

	void testADisputeShowsBesideTheStatus()
	{
		// A disputed invoice says so in its row's Status cell, in the page's
		// language, beside its own status; its reminder mark, kept, says
		// why it does not take effect. One click swaps the whole row, so
		// the status cell follows the toggle.
		switchOn();
		const auto alpha = _web->host().createCustomer("Alpha", "alpha@example.com");
		const auto invoice =
			_web->host().createInvoice(alpha, "A-1", "10.00", R"("reminders": {"with_reminder": true})");
		const std::string id = std::to_string(invoice);
		const std::string badgeEn = R"(<span class="status status-badge">Disputed</span>)";
		WebPage list = _web->get("/invoices", _maria, "en");
		CPPUNIT_ASSERT(!list.has("status-badge"));
		CPPUNIT_ASSERT(list.has(R"(<tr id="row-)" + id + "\""));
		CPPUNIT_ASSERT(list.has(R"(hx-target="#row-)" + id + R"(" hx-select="#row-)" + id + "\""));
		CPPUNIT_ASSERT(
			list.has(R"(<button id="act-reminders-1-)" + id + R"(-button" type="submit" class="icon-button")"));

		const std::string dispute = "/invoices/" + id + "/actions/reminders/1";
		CPPUNIT_ASSERT_EQUAL(303, _web->post(dispute, "csrf=" + list.csrf() + "&was=0", _maria).status);
		list = _web->get("/invoices", _maria, "en");
		const std::size_t row = list.body.find(R"(<tr id="row-)" + id + "\"");
		const std::size_t badge = list.body.find(badgeEn);
		CPPUNIT_ASSERT_MESSAGE(list.body, row != std::string::npos && badge != std::string::npos && badge > row);
		CPPUNIT_ASSERT(badge < list.body.find("</tr>", row));
		CPPUNIT_ASSERT(
			list.has(R"(class="icon-button on" aria-pressed="true" title="Disputed: left out of the reminders")"));
		CPPUNIT_ASSERT(
			list.has(R"(aria-pressed="true" title="With reminder, but disputed: left out while the dispute lasts")"));
		WebPage greek = _web->get("/invoices", _maria, "el");
		CPPUNIT_ASSERT(greek.has(R"(<span class="status status-badge">Αμφισβητούμενο</span>)"));
		CPPUNIT_ASSERT(!greek.has(badgeEn));

		CPPUNIT_ASSERT_EQUAL(303, _web->post(dispute, "csrf=" + list.csrf() + "&was=1", _maria).status);
		list = _web->get("/invoices", _maria, "en");
		CPPUNIT_ASSERT(!list.has("status-badge"));
		CPPUNIT_ASSERT(list.has(R"(aria-pressed="true" title="Included in the weekly reminder")"));
	}

	void testSecondPluginRendersToo()
	{
		shelfOn();
		const auto alpha = _web->host().createCustomer("Alpha", "alpha@example.com", R"("shelf": {"vip": true})");
		const auto invoice = _web->host().createInvoice(alpha, "A-1", "10.00");
		const std::string id = std::to_string(invoice);
		// Its page in the menu, its view model in its template, its action.
		WebPage board = _web->get("/p/shelf/board", _maria, "en");
		CPPUNIT_ASSERT_EQUAL(200, board.status);
		CPPUNIT_ASSERT(board.has(R"(<a href="/p/shelf/board" aria-current="page">Board</a>)"));
		CPPUNIT_ASSERT(board.has("No note yet."));
		WebPage added =
			_web->post("/p/shelf/board",
					   "csrf=" + board.csrf() + "&action=add&invoice_id=" + id + "&text=%3Cb%3Ecall%3C%2Fb%3E", _maria);
		CPPUNIT_ASSERT_EQUAL(303, added.status);
		CPPUNIT_ASSERT(added.header("location").rfind("/p/shelf/board?done=add&result=note%20added&seal=", 0) == 0);
		board = _web->get(added.header("location"), _maria, "en");
		CPPUNIT_ASSERT(board.has("The note has been added."));
		// The view model's text is escaped by the template.
		CPPUNIT_ASSERT(board.has("&lt;b&gt;call&lt;/b&gt; (maria)"));
		CPPUNIT_ASSERT(!board.has("<b>call</b>"));
		// A refused action: the page again, with the route's error.
		WebPage refused =
			_web->post("/p/shelf/board", "csrf=" + board.csrf() + "&action=add&invoice_id=" + id + "&text=", _maria);
		CPPUNIT_ASSERT_EQUAL(422, refused.status);
		CPPUNIT_ASSERT_MESSAGE(refused.body, refused.has("class=\"error-summary\" role=\"alert\">Not added:"));
		CPPUNIT_ASSERT(refused.has("<span lang=\"en\">text must not be empty</span>"));
		// Its toggle and view in the invoice list; its conditional invoice field.
		WebPage list = _web->get("/invoices", _maria, "en");
		CPPUNIT_ASSERT(list.has("/invoices/" + id + "/actions/shelf/0"));
		CPPUNIT_ASSERT(list.has("/invoices/" + id + "/views/shelf/0"));
		WebPage notes = _web->get("/invoices/" + id + "/views/shelf/0", _maria, "en");
		CPPUNIT_ASSERT(notes.has("<td data-label=\"Note\">&lt;b&gt;call&lt;/b&gt;</td>"));
		// A "datetime" column in the business's time zone (Europe/Athens), named.
		CPPUNIT_ASSERT_MESSAGE(notes.body, notes.has(" EET</td>") || notes.has(" EEST</td>"));
		CPPUNIT_ASSERT(!notes.has(" UTC</td>"));
		const std::string csrf = list.csrf();
		WebPage form = _web->post("/invoices/new",
								  "csrf=" + csrf + "&refresh=1&paid=no&customer_id=" + std::to_string(alpha), _maria);
		CPPUNIT_ASSERT(form.has(R"(name="shelf.priority" type="text" value="1" inputmode="numeric")"));
	}

private:
	void switchOn()
	{
		tests::Reply on = _web->host().call("PUT", "/api/plugins/reminders/settings",
											R"({"enabled": true, "from_address": "billing@example.com"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(on.body, 200, on.status);
	}

	void shelfOn()
	{
		CPPUNIT_ASSERT_EQUAL(200,
							 _web->host().call("PUT", "/api/plugins/shelf/settings", R"({"enabled": true})").status);
	}

	bool flagged(Poco::Int64 invoice)
	{
		return _web->host()
			.call("GET", "/api/invoices/" + std::to_string(invoice))
			.object()
			->getObject("reminders")
			->getValue<bool>("with_reminder");
	}

	std::unique_ptr<WebClient> _web;
	std::string _admin;
	std::string _maria;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PluginScreensTest, "web");
