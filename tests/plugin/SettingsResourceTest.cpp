//
// SettingsResourceTest.cpp
//


#include "plugin/SettingsResource.h"
#include "HostFixture.h"
#include "PluginHost.h"
#include "erp/ApiError.h"
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>
#include <thread>


using tests::Reply;
using tests::TestHost;
using namespace reminders;


class SettingsResourceTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(SettingsResourceTest);
	CPPUNIT_TEST(testDefaults);
	CPPUNIT_TEST(testValidation);
	CPPUNIT_TEST(testEveryWrongFieldAtOnce);
	CPPUNIT_TEST(testEnableNeedsFromAddress);
	CPPUNIT_TEST(testEachSwitchOnSuggestsBulkEnable);
	CPPUNIT_TEST(testAccountantSteersThePolicy);
	CPPUNIT_TEST(testTransportAndScheduleAreTheAdministrators);
	CPPUNIT_TEST(testWhatGetAnswersCanBePutBack);
	CPPUNIT_TEST(testReadableByBothWithoutSecrets);
	CPPUNIT_TEST(testDeliveryIsTheAdministrators);
	CPPUNIT_TEST(testDeliveryOverTheConfiguration);
	CPPUNIT_TEST(testScheduleChangeIsAnnounced);
	CPPUNIT_TEST(testAuditHoldsOldAndNew);
	CPPUNIT_TEST(testTimeZone);
	CPPUNIT_TEST(testConcurrentChangesOfDifferentFieldsAllStay);
	CPPUNIT_TEST_SUITE_END();

public:
	void testDefaults()
	{
		Reply reply = _host->call("GET", PATH, "", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL(200, reply.status);
		auto s = reply.object();
		CPPUNIT_ASSERT(!s->getValue<bool>("enabled"));
		CPPUNIT_ASSERT_EQUAL(7, s->getValue<int>("days_after_due"));
		CPPUNIT_ASSERT_EQUAL(6, s->getValue<int>("stop_after_months"));
		CPPUNIT_ASSERT_EQUAL(std::string("monday"), s->getValue<std::string>("send_weekday"));
		CPPUNIT_ASSERT_EQUAL(std::string("09:00"), s->getValue<std::string>("send_time"));
		CPPUNIT_ASSERT(s->isNull("time_zone"));
		CPPUNIT_ASSERT_EQUAL(std::string("Europe/Athens"), s->getValue<std::string>("effective_time_zone"));
		CPPUNIT_ASSERT_EQUAL(std::string("el"), s->getValue<std::string>("fallback_language"));
	}

	void testValidation()
	{
		const struct
		{
			const char* body;
			const char* field;
		} cases[] = {
			{R"({"days_after_due": -1})", "days_after_due"},
			{R"({"days_after_due": 366})", "days_after_due"},
			{R"({"days_after_due": "7"})", "days_after_due"},
			{R"({"days_after_due": 1.5})", "days_after_due"},
			{R"({"stop_after_months": 0})", "stop_after_months"},
			{R"({"stop_after_months": 121})", "stop_after_months"},
			{R"({"send_weekday": "funday"})", "send_weekday"},
			{R"({"send_weekday": 1})", "send_weekday"},
			{R"({"send_time": "9:00"})", "send_time"},
			{R"({"send_time": "24:00"})", "send_time"},
			{R"({"send_time": "09:60"})", "send_time"},
			{R"({"time_zone": "Europe/Atlantis"})", "time_zone"},
			{R"({"owner_email": "owner"})", "owner_email"},
			{R"({"from_address": "a@b.example\r\nBcc: x@y.example"})", "from_address"},
			{R"({"reply_to": "@example.com"})", "reply_to"},
			{R"({"from_name": "Line\nbreak"})", "from_name"},
			{R"({"fallback_language": "de"})", "fallback_language"},
			{R"({"enabled": "yes"})", "enabled"},
			{R"({"enabled": null})", "enabled"},
			// A password with no server to give it to.
			{R"({"smtp_password": "secret"})", "smtp_host"},
			{R"({"delivery": "fax"})", "delivery"},
			{R"({"delivery": "smtp"})", "smtp_host"},
			{R"({"delivery": "smtp", "smtp_host": "mail example"})", "smtp_host"},
			{R"({"delivery": "smtp", "smtp_host": "mail.example.com", "smtp_port": 70000})", "smtp_port"},
			{R"({"delivery": "smtp", "smtp_host": "mail.example.com", "smtp_port": "25"})", "smtp_port"},
			{R"({"delivery": "smtp", "smtp_host": "mail.example.com", "smtp_tls": "ssl"})", "smtp_tls"},
			{R"({"delivery": "smtp", "smtp_host": "mail.example.com", "smtp_auth": "cram-md5"})", "smtp_auth"},
			{R"({"delivery": "smtp", "smtp_host": "mail.example.com", "smtp_username": "erp"})", "smtp_password"},
			{R"({"from_address": "billing@example.com", "days_after_due": 400})", "days_after_due"},
		};
		for (const auto& c: cases)
		{
			Reply reply = _host->call("PUT", PATH, c.body);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, 400, reply.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.field), reply.errorField());
		}
		// Nothing was stored or audited.
		Reply after = _host->call("GET", PATH);
		CPPUNIT_ASSERT(after.object()->isNull("from_address"));
		CPPUNIT_ASSERT(after.object()->isNull("updated_at"));
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.settings.update"));

		// from_name is counted in characters: 200 Greek letters (400 bytes)
		// fit, 201 do not.
		std::string greek;
		for (int i = 0; i < 200; ++i)
			greek += "Α";
		Reply fits = _host->call("PUT", PATH, R"({"from_name": ")" + greek + R"("})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(fits.body, 200, fits.status);
		Reply over = _host->call("PUT", PATH, R"({"from_name": ")" + greek + R"(Β"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(over.body, 400, over.status);
		CPPUNIT_ASSERT_EQUAL(std::string("from_name"), over.errorField());
	}

	void testEveryWrongFieldAtOnce()
	{
		// Four fields wrong, two found as they are read and two by the
		// rules over the whole: all four, in the tab's order, and nothing
		// stored. The first is the error a client that knows one shows.
		Reply refused = _host->call(
			"PUT", PATH,
			R"({"days_after_due": -1, "stop_after_months": 0, "owner_email": "owner", "send_time": "25:00"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 400, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::string("days_after_due"), refused.errorField());
		Poco::JSON::Array::Ptr errors = refused.object()->getObject("error")->getArray("errors");
		CPPUNIT_ASSERT_MESSAGE(refused.body, !errors.isNull());
		std::vector<std::string> fields;
		for (unsigned i = 0; i < errors->size(); ++i)
			fields.push_back(errors->getObject(i)->getValue<std::string>("field"));
		CPPUNIT_ASSERT(std::vector<std::string>({"days_after_due", "stop_after_months", "send_time", "owner_email"}) ==
					   fields);
		CPPUNIT_ASSERT(_host->call("GET", PATH).object()->isNull("updated_at"));
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.settings.update"));
		// A field's first word stands: an unknown zone is not also "not an IANA zone".
		refused = _host->call("PUT", PATH, R"({"time_zone": 5, "from_name": "a\u0001b"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 400, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), refused.object()->getObject("error")->getArray("errors")->size());
	}

	void testEnableNeedsFromAddress()
	{
		Reply refused = _host->call("PUT", PATH, R"({"enabled": true})");
		CPPUNIT_ASSERT_EQUAL(400, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::string("from_address"), refused.errorField());
		CPPUNIT_ASSERT_EQUAL(
			200, _host->call("PUT", PATH, R"({"enabled": true, "from_address": "billing@example.com"})").status);
		// From can no longer be cleared while reminders are on.
		Reply clear = _host->call("PUT", PATH, R"({"from_address": null})");
		CPPUNIT_ASSERT_EQUAL(400, clear.status);
		CPPUNIT_ASSERT_EQUAL(std::string("billing@example.com"),
							 _host->call("GET", PATH).object()->getValue<std::string>("from_address"));
	}

	void testEachSwitchOnSuggestsBulkEnable()
	{
		// Invoices issued before the switch-on: none flagged.
		const auto alpha = _host->createCustomer("Alpha", "alpha@example.com");
		const auto off = _host->createCustomer("Off", "off@example.com", R"("reminders": {"enabled": false})");
		const auto a1 = _host->createInvoice(alpha, "A-1", "100");
		_host->createInvoice(alpha, "A-2", "200");
		_host->createInvoice(alpha, "A-3", "50", R"("paid": true)"); // not outstanding
		_host->createInvoice(off, "O-1", "10");                      // customer off

		Reply first =
			_host->call("PUT", PATH, R"({"enabled": true, "from_address": "billing@example.com"})", TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, 200, first.status);
		CPPUNIT_ASSERT(first.object()->getValue<bool>("bulk_enable_suggested"));
		CPPUNIT_ASSERT_EQUAL(2, first.object()->getValue<int>("bulk_enable_candidates"));
		const std::string firstEnabledAt = first.object()->getValue<std::string>("first_enabled_at");
		// Saving other fields while on suggests nothing.
		Reply other = _host->call("PUT", PATH, R"({"days_after_due": 3})");
		CPPUNIT_ASSERT(!other.object()->getValue<bool>("bulk_enable_suggested"));
		CPPUNIT_ASSERT(other.object()->isNull("bulk_enable_candidates"));

		// One of them ticked; off and on again: suggested again, for the one left.
		_host->call("PUT", "/api/plugins/reminders/invoices/" + std::to_string(a1), R"({"with_reminder": true})");
		_host->call("PUT", PATH, R"({"enabled": false})", TestHost::ACCOUNTANT);
		Reply again = _host->call("PUT", PATH, R"({"enabled": true})", TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT(again.object()->getValue<bool>("bulk_enable_suggested"));
		CPPUNIT_ASSERT_EQUAL(1, again.object()->getValue<int>("bulk_enable_candidates"));
		CPPUNIT_ASSERT_EQUAL(firstEnabledAt, again.object()->getValue<std::string>("first_enabled_at"));

		// Nothing left to tick: no suggestion, and it says none are left.
		Reply page = _host->call("GET", "/api/plugins/reminders/outstanding");
		auto invoices = page.object()->getArray("customers")->getObject(0)->getArray("invoices");
		std::string ids;
		for (std::size_t i = 0; i < invoices->size(); ++i)
			ids += (i ? "," : "") + std::to_string(invoices->getObject(static_cast<unsigned>(i))->getValue<int>("id"));
		CPPUNIT_ASSERT_EQUAL(
			200, _host->call("POST", "/api/plugins/reminders/bulk-enable", R"({"invoice_ids": [)" + ids + "]}").status);
		_host->call("PUT", PATH, R"({"enabled": false})");
		Reply none = _host->call("PUT", PATH, R"({"enabled": true})");
		CPPUNIT_ASSERT(!none.object()->getValue<bool>("bulk_enable_suggested"));
		CPPUNIT_ASSERT_EQUAL(0, none.object()->getValue<int>("bulk_enable_candidates"));
	}

	void testAccountantSteersThePolicy()
	{
		_host->call("PUT", PATH, R"({"from_address": "billing@example.com"})", TestHost::ADMIN);
		Reply reply = _host->call("PUT", PATH,
								  R"({"enabled": true, "days_after_due": 3, "stop_after_months": 4, )"
								  R"("owner_email": "owner@example.com", "fallback_language": "en", )"
								  R"("from_name": "Demo S.A.", "reply_to": "accounts@example.com"})",
								  TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		auto s = _host->call("GET", PATH, "", TestHost::ACCOUNTANT).object();
		CPPUNIT_ASSERT(s->getValue<bool>("enabled"));
		CPPUNIT_ASSERT_EQUAL(3, s->getValue<int>("days_after_due"));
		CPPUNIT_ASSERT_EQUAL(4, s->getValue<int>("stop_after_months"));
		CPPUNIT_ASSERT_EQUAL(std::string("en"), s->getValue<std::string>("fallback_language"));
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), s->getValue<std::string>("updated_by"));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.settings.update");
		CPPUNIT_ASSERT_EQUAL(std::string("maria"),
							 audit.object()->getArray("items")->getObject(0)->getValue<std::string>("actor"));
	}

	void testTransportAndScheduleAreTheAdministrators()
	{
		const struct
		{
			const char* field;
			const char* value;
		} cases[] = {
			{"send_weekday", R"("tuesday")"},
			{"send_time", R"("10:00")"},
			{"time_zone", R"("Europe/London")"},
			{"from_address", R"("other@example.com")"},
		};
		for (const auto& c: cases)
		{
			// Even beside a policy field the accountant may change, nothing changes.
			const std::string body = std::string(R"({"days_after_due": 3, ")") + c.field + R"(": )" + c.value + "}";
			Reply refused = _host->call("PUT", PATH, body, TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, 403, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string(c.field), refused.errorField());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(body, std::string("forbidden"), refused.errorCode());
			CPPUNIT_ASSERT_EQUAL(7, _host->call("GET", PATH).object()->getValue<int>("days_after_due"));
			CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.settings.update"));
		}
		for (const auto& c: cases)
		{
			const std::string body = std::string(R"({")") + c.field + R"(": )" + c.value + "}";
			Reply accepted = _host->call("PUT", PATH, body, TestHost::ADMIN);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(accepted.body, 200, accepted.status);
		}
		auto s = _host->call("GET", PATH).object();
		CPPUNIT_ASSERT_EQUAL(std::string("tuesday"), s->getValue<std::string>("send_weekday"));
		CPPUNIT_ASSERT_EQUAL(std::string("10:00"), s->getValue<std::string>("send_time"));
		CPPUNIT_ASSERT_EQUAL(std::string("Europe/London"), s->getValue<std::string>("time_zone"));
		CPPUNIT_ASSERT_EQUAL(std::string("other@example.com"), s->getValue<std::string>("from_address"));
	}

	void testWhatGetAnswersCanBePutBack()
	{
		// A form or script reads the settings, changes one field and sends
		// the whole object back: the read-only fields and the unchanged
		// administrator-only fields are no reason to refuse it.
		_host->call("PUT", PATH, R"({"from_address": "billing@example.com", "send_time": "08:30"})", TestHost::ADMIN);
		Poco::JSON::Object::Ptr object = _host->call("GET", PATH, "", TestHost::ACCOUNTANT).object();
		object->set("days_after_due", 3);
		std::ostringstream text;
		object->stringify(text);
		Reply accepted = _host->call("PUT", PATH, text.str(), TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(accepted.body, 200, accepted.status);
		CPPUNIT_ASSERT_EQUAL(3, _host->call("GET", PATH).object()->getValue<int>("days_after_due"));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.settings.update");
		std::ostringstream newest;
		audit.object()->getArray("items")->getObject(0)->stringify(newest);
		const std::string changes = newest.str();
		CPPUNIT_ASSERT_MESSAGE(changes, changes.find("maria") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(changes, changes.find("days_after_due") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(changes, changes.find("send_time") == std::string::npos);

		// The same object with an administrator's field changed is still
		// the administrator's to send.
		object->set("send_time", "10:00");
		std::ostringstream moved;
		object->stringify(moved);
		Reply refused = _host->call("PUT", PATH, moved.str(), TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.body, 403, refused.status);
		CPPUNIT_ASSERT_EQUAL(std::string("send_time"), refused.errorField());
		CPPUNIT_ASSERT_EQUAL(std::string("08:30"),
							 _host->call("GET", PATH).object()->getValue<std::string>("send_time"));

		// The read-only fields are not written, whatever they say.
		object->set("send_time", "08:30");
		object->set("updated_by", "somebody else");
		object->set("effective_time_zone", "Asia/Tokyo");
		std::ostringstream forged;
		object->stringify(forged);
		Reply ignored = _host->call("PUT", PATH, forged.str(), TestHost::ADMIN);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(ignored.body, 200, ignored.status);
		auto after = _host->call("GET", PATH).object();
		CPPUNIT_ASSERT_EQUAL(std::string("maria"), after->getValue<std::string>("updated_by"));
		CPPUNIT_ASSERT_EQUAL(std::string("Europe/Athens"), after->getValue<std::string>("effective_time_zone"));
	}

	void testReadableByBothWithoutSecrets()
	{
		for (const std::string& token: {TestHost::ACCOUNTANT, TestHost::ADMIN})
		{
			Reply reply = _host->call("GET", PATH, "", token);
			CPPUNIT_ASSERT_EQUAL(200, reply.status);
			for (const auto& [name, value]: *reply.object())
			{
				// Whether a password is saved, as true or false; never the password.
				if (name == "smtp_password_set")
					CPPUNIT_ASSERT_MESSAGE(name, value.isBoolean());
				else
					CPPUNIT_ASSERT_MESSAGE(name, name.find("password") == std::string::npos);
				CPPUNIT_ASSERT_MESSAGE(name, name.find("secret") == std::string::npos);
			}
		}
	}

	void testDeliveryIsTheAdministrators()
	{
		Poco::JSON::Object::Ptr seen = _host->call("GET", PATH, "", TestHost::ACCOUNTANT).object();
		for (const char* field:
			 {"delivery", "smtp_host", "smtp_port", "smtp_username", "smtp_password_set", "spool_directory"})
			CPPUNIT_ASSERT_MESSAGE(field, !seen->has(field));
		const struct
		{
			const char* body;
			const char* field;
		} cases[] = {
			{R"({"smtp_host": "mail.example.com"})", "smtp_host"},
			{R"({"delivery": "smtp"})", "delivery"},
			{R"({"smtp_password": "guess"})", "smtp_password"},
			// Not even an empty one: it would clear the administrator's.
			{R"({"smtp_password": null})", "smtp_password"},
			{R"({"smtp_port": 25})", "smtp_port"},
		};
		for (const auto& c: cases)
		{
			Reply refused = _host->call("PUT", PATH, c.body, TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, 403, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, std::string(c.field), refused.errorField());
		}
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.settings.update"));
	}

	void testDeliveryOverTheConfiguration()
	{
		// The test host's configuration spools (reminders.spool.directory).
		Poco::JSON::Object::Ptr configured = _host->call("GET", PATH).object();
		CPPUNIT_ASSERT_EQUAL(std::string("spool"), configured->getValue<std::string>("delivery"));
		CPPUNIT_ASSERT_EQUAL(_host->folder() + "/spool", configured->getValue<std::string>("spool_directory"));
		CPPUNIT_ASSERT_EQUAL(std::string("starttls"), configured->getValue<std::string>("smtp_tls"));
		CPPUNIT_ASSERT_EQUAL(587, configured->getValue<int>("smtp_port"));
		CPPUNIT_ASSERT(!configured->getValue<bool>("smtp_password_set"));

		Reply saved = _host->call("PUT", PATH,
								  R"({"delivery": "smtp", "smtp_host": "mail.example.com", "smtp_username": "erp",
									  "smtp_password": "pw-Σ1"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(saved.body, 200, saved.status);
		CPPUNIT_ASSERT(saved.body.find("pw-") == std::string::npos);
		Poco::JSON::Object::Ptr now = _host->call("GET", PATH).object();
		CPPUNIT_ASSERT_EQUAL(std::string("smtp"), now->getValue<std::string>("delivery"));
		CPPUNIT_ASSERT_EQUAL(std::string("mail.example.com"), now->getValue<std::string>("smtp_host"));
		CPPUNIT_ASSERT_EQUAL(std::string("erp"), now->getValue<std::string>("smtp_username"));
		CPPUNIT_ASSERT(now->getValue<bool>("smtp_password_set"));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.settings.update");
		CPPUNIT_ASSERT(audit.body.find("pw-") == std::string::npos);
		auto details = audit.object()->getArray("items")->getObject(0)->getObject("details");
		CPPUNIT_ASSERT(details->getObject("smtp_password")->isNull("old"));
		CPPUNIT_ASSERT_EQUAL(std::string("(saved)"), details->getObject("smtp_password")->getValue<std::string>("new"));
		CPPUNIT_ASSERT_EQUAL(std::string("spool"), details->getObject("delivery")->getValue<std::string>("old"));

		// The whole answer sent back is no change at all.
		std::ostringstream whole;
		now->stringify(whole);
		CPPUNIT_ASSERT_EQUAL(200, _host->call("PUT", PATH, whole.str()).status);
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.settings.update"));

		// The port: a value of its own, then back to the TLS mode's default.
		Reply port = _host->call("PUT", PATH, R"({"smtp_port": 2525})");
		CPPUNIT_ASSERT_EQUAL(2525, port.object()->getValue<int>("smtp_port"));
		Reply implicit = _host->call("PUT", PATH, R"({"smtp_port": null, "smtp_tls": "implicit"})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(implicit.body, 465, implicit.object()->getValue<int>("smtp_port"));

		// No user name, no password.
		Reply anonymous = _host->call("PUT", PATH, R"({"smtp_username": null})");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(anonymous.body, 200, anonymous.status);
		CPPUNIT_ASSERT(!anonymous.object()->getValue<bool>("smtp_password_set"));
		CPPUNIT_ASSERT(anonymous.object()->isNull("smtp_username"));

		// Back to the configuration's spool.
		Reply spool = _host->call("PUT", PATH, R"({"delivery": "spool"})");
		CPPUNIT_ASSERT_EQUAL(std::string("spool"), spool.object()->getValue<std::string>("delivery"));
		// With no saved choice the configuration decides (it spools), the
		// saved SMTP server kept for later but not in force.
		Reply configuration = _host->call("PUT", PATH, R"({"delivery": null})");
		CPPUNIT_ASSERT_EQUAL(std::string("spool"), configuration.object()->getValue<std::string>("delivery"));
		CPPUNIT_ASSERT_EQUAL(std::string("mail.example.com"),
							 configuration.object()->getValue<std::string>("smtp_host"));
	}

	void testScheduleChangeIsAnnounced()
	{
		host::PluginHost facade(_host->runtime().services(),
								host::PluginManifest::read(TestHost::remindersPluginsDirectory() + "/reminders"));
		SettingsStore store(TestHost::dialect());
		PlanningStore planning(TestHost::dialect());
		int announced = 0;
		Poco::AutoPtr<Poco::Util::MapConfiguration> configuration(new Poco::Util::MapConfiguration);
		TransportFactory transports(*configuration, _host->folder());
		SettingsResource resource(facade, store, planning, transports, [&announced] { ++announced; });
		const struct
		{
			const char* body;
			int announced;
		} cases[] = {
			{R"({"send_time": "10:30"})", 1},
			{R"({"send_time": "10:30"})", 0}, // no change
			{R"({"send_weekday": "friday"})", 1},
			{R"({"time_zone": "Europe/London"})", 1},
			{R"({"days_after_due": 2, "owner_email": "owner@example.com"})", 0},
			{R"({"enabled": true, "from_address": "billing@example.com"})", 1},
			{R"({"enabled": false})", 1},
			{R"({"send_time": "25:00"})", 0}, // refused
		};
		for (const auto& c: cases)
		{
			announced = 0;
			erp::HttpRequest request;
			request.method = "PUT";
			request.body = c.body;
			request.user = "admin";
			request.role = erp::Role::ADMIN;
			try
			{
				resource.put(request);
			}
			catch (erp::ApiError&)
			{}
			CPPUNIT_ASSERT_EQUAL_MESSAGE(c.body, c.announced, announced);
		}
	}

	void testAuditHoldsOldAndNew()
	{
		_host->call("PUT", PATH,
					R"({"days_after_due": 14, "owner_email": "owner@example.com", "send_weekday": "tuesday"})");
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.settings.update"));
		// The same values again: no change, no entry.
		Reply same = _host->call("PUT", PATH, R"({"days_after_due": 14})");
		CPPUNIT_ASSERT_EQUAL(200, same.status);
		CPPUNIT_ASSERT_EQUAL(1, _host->auditCount("reminders.settings.update"));
		Reply audit = _host->call("GET", "/api/audit?action=reminders.settings.update");
		auto entry = audit.object()->getArray("items")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("admin"), entry->getValue<std::string>("actor"));
		auto details = entry->getObject("details");
		CPPUNIT_ASSERT_EQUAL(7, details->getObject("days_after_due")->getValue<int>("old"));
		CPPUNIT_ASSERT_EQUAL(14, details->getObject("days_after_due")->getValue<int>("new"));
		CPPUNIT_ASSERT(details->getObject("owner_email")->isNull("old"));
		CPPUNIT_ASSERT_EQUAL(std::string("tuesday"), details->getObject("send_weekday")->getValue<std::string>("new"));
		CPPUNIT_ASSERT(!details->has("stop_after_months"));
	}

	void testTimeZone()
	{
		Reply set = _host->call("PUT", PATH, R"({"time_zone": "America/New_York"})");
		CPPUNIT_ASSERT_EQUAL(std::string("America/New_York"),
							 set.object()->getValue<std::string>("effective_time_zone"));
		Reply cleared = _host->call("PUT", PATH, R"({"time_zone": null})");
		CPPUNIT_ASSERT(cleared.object()->isNull("time_zone"));
		CPPUNIT_ASSERT_EQUAL(std::string("Europe/Athens"),
							 cleared.object()->getValue<std::string>("effective_time_zone"));
		// Debian's zoneinfo folder holds "localtime", a link to the server's
		// /etc/localtime: a file of the machine, not an IANA zone (found by the
		// hostile-request suite). Nor are the folder's other files.
		for (const char* zone: {"localtime", "posixrules", "Factory", "zone.tab", "posix/UTC", "right/UTC", "../UTC"})
		{
			Reply refused = _host->call("PUT", PATH, std::string(R"({"time_zone": ")") + zone + "\"}");
			CPPUNIT_ASSERT_EQUAL_MESSAGE(zone + std::string(" ") + refused.body, 400, refused.status);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(zone, std::string("time_zone"), refused.errorField());
		}
		CPPUNIT_ASSERT(_host->call("GET", PATH).object()->isNull("time_zone"));
	}

	void testConcurrentChangesOfDifferentFieldsAllStay()
	{
		// Two clients, each changing its own field again and again: the
		// settings row is read, merged and written whole, so without a lock
		// one client's write would put back the other's older value.
		const int rounds = 20;
		std::vector<int> statuses[2];
		auto client = [&](int which) {
			for (int i = 1; i <= rounds; ++i)
			{
				const std::string body = which == 0 ? R"({"days_after_due": )" + std::to_string(i) + "}"
													: R"({"stop_after_months": )" + std::to_string(20 + i) + "}";
				try
				{
					statuses[which].push_back(_host->call("PUT", PATH, body, TestHost::ACCOUNTANT).status);
				}
				catch (std::exception&)
				{
					statuses[which].push_back(0);
				}
			}
		};
		std::thread first(client, 0), second(client, 1);
		first.join();
		second.join();
		for (const auto& replies: statuses)
			CPPUNIT_ASSERT((replies == std::vector<int>(rounds, 200)));
		Poco::JSON::Object::Ptr settings = _host->call("GET", PATH).object();
		CPPUNIT_ASSERT_EQUAL(rounds, settings->getValue<int>("days_after_due"));
		CPPUNIT_ASSERT_EQUAL(20 + rounds, settings->getValue<int>("stop_after_months"));
		CPPUNIT_ASSERT_EQUAL(2 * rounds, _host->auditCount("reminders.settings.update"));
	}

private:
	static constexpr const char* PATH = "/api/plugins/reminders/settings";
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SettingsResourceTest, "plugin");
