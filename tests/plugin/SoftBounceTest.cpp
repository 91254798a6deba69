//
// SoftBounceTest.cpp
//
// Soft bounces through real weekly runs: the third 4.x.x bounce in a row
// leaves the address out of the next week (preview, run and report say
// when and why) until an accountant lifts it; a delivery in between ends
// the row; the owner's report lists the bounces of the week before, in
// Greek and in English; forged and damaged bounces change nothing.
//


#include "RunWait.h"
#include "TestHost.h"
#include "plugin/RunReport.h"
#include "plugin/mail/ReturnPath.h"
#include "plugin/mail/TemplateSet.h"
#include "plugin/store/BounceStore.h"
#include "plugin/store/RunStore.h"
#include <Poco/Data/Session.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>
#include <cppunit/extensions/HelperMacros.h>


using namespace Poco::Data::Keywords;
using tests::Reply;
using tests::TestHost;


namespace {

const std::string KEY = "a-test-key-of-more-than-16-characters";
const std::string SAMPLE_PATH = "bounces+r19.c5.1357913579135791.0123abcdef@example.gr";
const std::string ADDRESS = "full@soft.example";

std::string sample(const std::string& name)
{
	Poco::FileInputStream in(std::string(ERP_SOURCE_DIR) + "/tests/bounces/samples/" + name);
	std::string text;
	Poco::StreamCopier::copyToString(in, text);
	return text;
}

// Monday of the n-th week from 2 November 2026, 10:00 in Athens.
Poco::Timestamp monday(int n)
{
	return Poco::DateTime(2026, 11, 2, 8, 0, 0).timestamp() + Poco::Timespan(7 * n, 0, 0, 0, 0);
}

} // namespace


class SoftBounceTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(SoftBounceTest);
	CPPUNIT_TEST(testThreeInARowSuppressUntilLifted);
	CPPUNIT_TEST(testADeliveryEndsTheRow);
	CPPUNIT_TEST(testDelaysNeverCountAndAHardBounceSuppressesAtOnce);
	CPPUNIT_TEST(testForgedAndDamagedBouncesChangeNothing);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp()
	{
		_maildir = Poco::TemporaryFile::tempName();
		for (const char* sub: {"/new", "/cur", "/tmp"})
			Poco::File(_maildir + sub).createDirectories();
		_host = std::make_unique<TestHost>(
			TestHost::remindersPluginsDirectory(), true, "",
			std::map<std::string, std::string>{{"reminders.bounces.address", "bounces@example.com"},
											   {"reminders.bounces.key", KEY},
											   {"reminders.bounces.maildir", _maildir}});
		_host->runtime().services().clock.pin(monday(0) - Poco::Timespan(1, 0, 0, 0, 0));
		CPPUNIT_ASSERT_EQUAL(200, _host
									  ->call("PUT", "/api/plugins/reminders/settings",
											 R"({"enabled": true, "from_address": "billing@example.com",
												  "owner_email": "owner@example.com",
												  "days_after_due": 0, "fallback_language": "en"})")
									  .status);
		_host->createInvoice(_host->createCustomer("Soft Ltd", ADDRESS), "S-1", "50");
	}

	void tearDown()
	{
		_host.reset();
		Poco::File(_maildir).remove(true);
	}

	void testThreeInARowSuppressUntilLifted()
	{
		for (int week = 0; week < 3; ++week)
		{
			CPPUNIT_ASSERT_MESSAGE(std::to_string(week), sendsNextWeek(week));
			runWeek(week);
			softBounce(week);
		}
		// Three in a row: the fourth week leaves the address out, and says why.
		CPPUNIT_ASSERT(!sendsNextWeek(3));
		auto skipped = preview(3)->getArray("skipped")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("address_bounced"), skipped->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-11-18"), skipped->getValue<std::string>("bounced_on"));
		CPPUNIT_ASSERT_EQUAL(std::string("4.2.2"), skipped->getValue<std::string>("bounce_status"));
		CPPUNIT_ASSERT(skipped->getValue<std::string>("bounce_diagnostic").find("Mailbox full") != std::string::npos);
		CPPUNIT_ASSERT(!skipped->getValue<bool>("bounce_permanent"));
		// And the reminders page, in both languages.
		for (const auto& [language, words]:
			 {std::pair<std::string, std::string>{"en", "the address full@soft.example bounced again and again, "
														"last on "},
			  {"el", "η διεύθυνση full@soft.example επιστρεφόταν επανειλημμένα, τελευταία στις "}})
		{
			Reply page = _host->call("GET", "/api/plugins/reminders/ui/overview?date=2026-11-23&language=" + language,
									 "", TestHost::ACCOUNTANT);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 200, page.status);
			const std::string reason =
				page.object()->getArray("skipped")->getObject(0)->getValue<std::string>("reason_text");
			CPPUNIT_ASSERT_MESSAGE(reason, reason.find(words) == 0);
			CPPUNIT_ASSERT_MESSAGE(reason, reason.find("(4.2.2 ") != std::string::npos);
			CPPUNIT_ASSERT_MESSAGE(reason, reason.find("Mailbox full") != std::string::npos);
		}

		const Poco::Int64 run = runWeek(3);
		auto report = _host->call("GET", "/api/plugins/reminders/runs/" + std::to_string(run)).object();
		auto notReminded = report->getArray("not_reminded")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("address_bounced"), notReminded->getValue<std::string>("reason"));
		CPPUNIT_ASSERT_EQUAL(std::string("2026-11-18"), notReminded->getValue<std::string>("bounced_on"));
		CPPUNIT_ASSERT_EQUAL(std::string("4.2.2"), notReminded->getValue<std::string>("bounce_status"));
		// The week before: the third soft bounce, which suppressed the address.
		auto bounces = report->getArray("bounces");
		CPPUNIT_ASSERT_EQUAL(std::size_t(1), bounces->size());
		CPPUNIT_ASSERT_EQUAL(std::string("Soft Ltd"), bounces->getObject(0)->getValue<std::string>("customer"));
		CPPUNIT_ASSERT_EQUAL(ADDRESS, bounces->getObject(0)->getValue<std::string>("address"));
		CPPUNIT_ASSERT_EQUAL(std::string("4.2.2"), bounces->getObject(0)->getValue<std::string>("status"));
		CPPUNIT_ASSERT(!bounces->getObject(0)->getValue<bool>("permanent"));
		CPPUNIT_ASSERT(bounces->getObject(0)->getValue<bool>("suppressed"));

		// The owner's email, in both languages.
		const std::string en = ownerReport(run, "en");
		CPPUNIT_ASSERT_MESSAGE(en, en.find("Bounces read in the week before this run") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(en, en.find("* Soft Ltd <full@soft.example>, ") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(en, en.find("soft bounce, 4.2.2") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(en, en.find("the address is now left out of the reminders") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(en, en.find("the address full@soft.example bounced again and again, last on") !=
									   std::string::npos);
		const std::string el = ownerReport(run, "el");
		CPPUNIT_ASSERT_MESSAGE(el, el.find("Επιστροφές της εβδομάδας πριν από αυτή την αποστολή") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(el, el.find("προσωρινή επιστροφή, 4.2.2") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(el, el.find("η διεύθυνση πλέον εξαιρείται από τις υπενθυμίσεις") != std::string::npos);

		// Lifted: used again, and the soft bounces so far no longer count.
		Reply lifted = _host->call("POST", "/api/plugins/reminders/bounces/lift", R"({"address": "Full@Soft.example"})",
								   TestHost::ACCOUNTANT);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(lifted.body, 200, lifted.status);
		CPPUNIT_ASSERT_EQUAL(1, lifted.object()->getValue<int>("lifted"));
		CPPUNIT_ASSERT(sendsNextWeek(4));
		runWeek(4);
		softBounce(4);
		CPPUNIT_ASSERT(sendsNextWeek(5));
	}

	void testADeliveryEndsTheRow()
	{
		runWeek(0);
		softBounce(0);
		runWeek(1);
		softBounce(1);
		runWeek(2); // delivered: nothing comes back
		runWeek(3);
		softBounce(3);
		CPPUNIT_ASSERT(sendsNextWeek(4));
		// Through the store: one soft bounce in a row, not suppressing.
		Poco::Data::Session session = _host->runtime().database().session();
		CPPUNIT_ASSERT(!reminders::BounceStore().suppressing(session, ADDRESS));
		int soft = 0;
		session << "SELECT COUNT(*) FROM reminder_bounces WHERE recipient = ? AND permanent = 0 AND suppresses = 0",
			bind(ADDRESS), into(soft), now;
		CPPUNIT_ASSERT_EQUAL(3, soft);
		// A limit of one would have suppressed it; the same report read
		// again (another file) counts the same message once.
		reminders::BounceRecord again;
		again.messageTag = lastTag();
		again.kind = "bounce";
		again.recipient = ADDRESS;
		again.status = "4.2.2";
		again.receivedAt = "2026-11-24T08:00:00.000Z";
		again.source = "test/again";
		CPPUNIT_ASSERT(reminders::BounceStore(2).record(session, again));
		CPPUNIT_ASSERT(!again.suppresses);
		again.source = "test/again-limit-1";
		CPPUNIT_ASSERT(reminders::BounceStore(1).record(session, again));
		CPPUNIT_ASSERT(again.suppresses);
		CPPUNIT_ASSERT(!sendsNextWeek(4));
	}

	void testDelaysNeverCountAndAHardBounceSuppressesAtOnce()
	{
		runWeek(0);
		softBounce(0);
		// Week 1: only "delayed" reports: the message is still being tried,
		// not ended, and it is no bounce of the row.
		runWeek(1);
		for (const char* name: {"d1a", "d1b"})
			deliver(name,
					Poco::replace(Poco::replace(sample("postfix-delayed.eml"),
												std::string("bounces+r12.c346.0a1b2c3d4e5f6071.5be0c2d911@example.gr"),
												returnPathOf(lastMessageId())),
								  std::string("accounts@slow.example"), ADDRESS));
		Reply read = _host->call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(read.body, 2, read.object()->getValue<int>("delayed"));
		CPPUNIT_ASSERT_EQUAL(std::string("spooled"), stateOf(lastMessageId()));
		runWeek(2);
		softBounce(2);
		CPPUNIT_ASSERT(sendsNextWeek(3)); // one soft bounce in a row, not three

		// A hard bounce needs no row.
		runWeek(3);
		deliver("h3",
				Poco::replace(Poco::replace(sample("postfix-user-unknown.eml"),
											std::string("bounces+r12.c345.9f3a0c1d2e4b5a69.8d2c41f0aa@example.gr"),
											returnPathOf(lastMessageId())),
							  std::string("nobody@customer.example"), ADDRESS));
		CPPUNIT_ASSERT_EQUAL(
			1, _host->call("POST", "/api/plugins/reminders/bounces/read", "{}").object()->getValue<int>("bounced"));
		CPPUNIT_ASSERT(!sendsNextWeek(4));
		auto skipped = preview(4)->getArray("skipped")->getObject(0);
		CPPUNIT_ASSERT_EQUAL(std::string("5.1.1"), skipped->getValue<std::string>("bounce_status"));
		CPPUNIT_ASSERT(skipped->getValue<bool>("bounce_permanent"));
		CPPUNIT_ASSERT_EQUAL(std::string("bounced"), stateOf(lastMessageId()));
	}

	void testForgedAndDamagedBouncesChangeNothing()
	{
		for (int week = 0; week < 3; ++week)
		{
			runWeek(week);
			const std::string bounce = bounceOf(lastMessageId());
			std::string forged = bounce;
			const std::string path = returnPathOf(lastMessageId());
			std::string forgedPath = path;
			char& digit = forgedPath[forgedPath.find('@') - 1];
			digit = digit == '0' ? '1' : '0';
			deliver("f" + std::to_string(week), Poco::replace(forged, path, forgedPath));
			deliver("m" + std::to_string(week), sample("malformed.eml"));
			_host->call("POST", "/api/plugins/reminders/bounces/read", "{}");
		}
		CPPUNIT_ASSERT_EQUAL(0, _host->auditCount("reminders.bounce"));
		CPPUNIT_ASSERT(sendsNextWeek(3));
	}

private:
	Poco::Int64 runWeek(int week)
	{
		_host->runtime().services().clock.pin(monday(week));
		// The run goes on in the background: followed to its end.
		Reply run = tests::runToEnd(*_host);
		return run.object()->getValue<Poco::Int64>("id");
	}

	Poco::JSON::Object::Ptr preview(int week)
	{
		const std::string date = Poco::DateTimeFormatter::format(monday(week), "%Y-%m-%d");
		Reply reply = _host->call("GET", "/api/plugins/reminders/preview?date=" + date);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 200, reply.status);
		return reply.object();
	}

	bool sendsNextWeek(int week)
	{
		return preview(week)->getArray("messages")->size() == 1;
	}

	std::string lastMessageId()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		std::vector<std::string> ids;
		session << "SELECT message_id FROM reminder_messages WHERE recipient = ? AND message_id IS NOT NULL "
				   "ORDER BY id DESC",
			bind(ADDRESS), into(ids), now;
		CPPUNIT_ASSERT(!ids.empty());
		return ids.front();
	}

	std::string stateOf(const std::string& messageId)
	{
		// As the invoice's history says it.
		Poco::Data::Session session = _host->runtime().database().session();
		std::vector<Poco::Int64> invoices;
		std::string id = messageId;
		session << "SELECT l.invoice_id FROM reminder_message_invoices l JOIN reminder_messages m ON m.id = "
				   "l.message_id WHERE m.message_id = ?",
			use(id), into(invoices), now;
		CPPUNIT_ASSERT(!invoices.empty());
		auto items = _host
						 ->call("GET", "/api/plugins/reminders/invoices/" + std::to_string(invoices.front()) +
										   "/history?language=en")
						 .object()
						 ->getArray("items");
		for (std::size_t i = 0; i < items->size(); ++i)
			if (items->getObject(static_cast<unsigned>(i))->getValue<std::string>("message_id") == messageId)
				return items->getObject(static_cast<unsigned>(i))->getValue<std::string>("state");
		return "";
	}

	std::string lastTag()
	{
		const std::string id = lastMessageId();
		return id.substr(0, id.find('@'));
	}

	std::string returnPathOf(const std::string& messageId)
	{
		return reminders::ReturnPath("bounces@example.com", KEY).forMessage(messageId);
	}

	std::string bounceOf(const std::string& messageId)
	{
		return Poco::replace(sample("postfix-mailbox-full-soft.eml"), SAMPLE_PATH, returnPathOf(messageId));
	}

	void softBounce(int week)
	{
		// Read the Wednesday after the run: dated in that week.
		_host->runtime().services().clock.pin(monday(week) + Poco::Timespan(2, 0, 0, 0, 0));
		deliver("s" + std::to_string(week), bounceOf(lastMessageId()));
		Reply read = _host->call("POST", "/api/plugins/reminders/bounces/read", "{}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(read.body, 200, read.status);
		CPPUNIT_ASSERT_EQUAL_MESSAGE(read.body, 1, read.object()->getValue<int>("bounced"));
	}

	void deliver(const std::string& name, const std::string& content)
	{
		{
			Poco::FileOutputStream out(_maildir + "/tmp/" + name);
			out << content;
		}
		Poco::File(_maildir + "/tmp/" + name).renameTo(_maildir + "/new/" + name);
	}

	std::string ownerReport(Poco::Int64 run, const std::string& language)
	{
		Poco::Data::Session session = _host->runtime().database().session();
		reminders::RunStore runs(TestHost::dialect());
		reminders::TemplateSet templates(TestHost::remindersPluginsDirectory() + "/reminders/templates");
		reminders::ReminderSettings settings;
		settings.fromAddress = "billing@example.com";
		settings.ownerEmail = "owner@example.com";
		settings.fallbackLanguage = language;
		const reminders::ComposedMessage message =
			reminders::RunReport::load(session, runs, run).email(templates, settings);
		return message.text;
	}

	std::string _maildir;
	std::unique_ptr<TestHost> _host;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(SoftBounceTest, "plugin");
