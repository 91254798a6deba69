//
// SettingsResourceTest.cpp
//


#include "HostFixture.h"
#include <cppunit/extensions/HelperMacros.h>


using tests::Reply;
using tests::TestHost;


class SettingsResourceTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(SettingsResourceTest);
	CPPUNIT_TEST(testDefaults);
	CPPUNIT_TEST(testValidation);
	CPPUNIT_TEST(testEnableNeedsFromAddress);
	CPPUNIT_TEST(testFirstEnableSuggestsBulkEnable);
	CPPUNIT_TEST(testAuditHoldsOldAndNew);
	CPPUNIT_TEST(testTimeZone);
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
			{R"({"smtp_password": "secret"})", "smtp_password"},
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

	void testFirstEnableSuggestsBulkEnable()
	{
		Reply first = _host->call("PUT", PATH, R"({"enabled": true, "from_address": "billing@example.com"})");
		CPPUNIT_ASSERT(first.object()->getValue<bool>("bulk_enable_suggested"));
		const std::string firstEnabledAt = first.object()->getValue<std::string>("first_enabled_at");
		CPPUNIT_ASSERT(
			!_host->call("PUT", PATH, R"({"days_after_due": 3})").object()->getValue<bool>("bulk_enable_suggested"));
		_host->call("PUT", PATH, R"({"enabled": false})");
		Reply again = _host->call("PUT", PATH, R"({"enabled": true})");
		CPPUNIT_ASSERT(!again.object()->getValue<bool>("bulk_enable_suggested"));
		CPPUNIT_ASSERT_EQUAL(firstEnabledAt, again.object()->getValue<std::string>("first_enabled_at"));
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
	}

private:
	static constexpr const char* PATH = "/api/plugins/reminders/settings";
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SettingsResourceTest, "plugin");
