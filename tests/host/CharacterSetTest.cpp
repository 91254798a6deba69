//
// CharacterSetTest.cpp
//


#include "HostFixture.h"
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <cppunit/extensions/HelperMacros.h>
#include <vector>


using namespace Poco::Data::Keywords;
using tests::Reply;
using tests::TestHost;


class CharacterSetTest: public tests::HostFixture
/// Text outside the Basic Multilingual Plane (emoji, a musical symbol, a
/// CJK extension B ideograph) and Greek with accents and breathings go in
/// and come back unchanged, in both dialects; on MySQL/MariaDB every table
/// is utf8mb4 and the connection is utf8mb4 whatever the configured string
/// says.
{
	CPPUNIT_TEST_SUITE(CharacterSetTest);
	CPPUNIT_TEST(testRoundTrip);
	CPPUNIT_TEST(testEveryTableIsUtf8mb4);
	CPPUNIT_TEST(testConnectionCharacterSetIsTheHosts);
	CPPUNIT_TEST_SUITE_END();

public:
	void testRoundTrip()
	{
		// "Zoë Athena" in monotonic and polytonic Greek, an emoji with a
		// skin tone, U+1D11E MUSICAL SYMBOL G CLEF, U+2070E (CJK ext. B).
		const std::string name =
			"Ζωή Αθηνά · Ἀθηνᾶ ὠδή 😀👍🏽 \xF0\x9D\x84\x9E \xF0\xA0\x9C\x8E";
		const std::string email = "zoe@example.com";
		const Poco::Int64 customer = _host->createCustomer(name, email);
		Reply read = _host->call("GET", "/api/customers/" + std::to_string(customer));
		CPPUNIT_ASSERT_EQUAL(200, read.status);
		CPPUNIT_ASSERT_EQUAL(name, read.object()->getValue<std::string>("name"));

		const std::string number = "ΤΔΑ-😀-\xF0\x9D\x84\x9E-1";
		const Poco::Int64 invoice = _host->createInvoice(customer, number, "12.00");
		const std::string reference = "Πληρωμή μέσω τράπεζας 🏦 ἕως";
		Reply paid = _host->call("POST", "/api/invoices/" + std::to_string(invoice) + "/payments",
								 R"({"amount": "2.00", "paid_on": "2026-10-02", "reference": ")" + reference + "\"}");
		CPPUNIT_ASSERT_EQUAL_MESSAGE(paid.body, 201, paid.status);
		Reply back = _host->call("GET", "/api/invoices/" + std::to_string(invoice));
		CPPUNIT_ASSERT_EQUAL(number, back.object()->getValue<std::string>("number"));
		CPPUNIT_ASSERT_EQUAL(reference,
							 back.object()->getArray("payments")->getObject(0)->getValue<std::string>("reference"));

		// As stored, not only as the API echoes it; and found by equality.
		Poco::Data::Session session = _host->runtime().database().session();
		std::string stored;
		Poco::Int64 id = customer;
		session << "SELECT name FROM customers WHERE id = ?", use(id), into(stored), now;
		CPPUNIT_ASSERT_EQUAL(name, stored);
		std::string key = number;
		Poco::Int64 found = 0;
		session << "SELECT id FROM invoices WHERE number = ?", use(key), into(found), now;
		CPPUNIT_ASSERT_EQUAL(invoice, found);
		// Another number that differs only by an accent or a case is another
		// invoice (binary collation in both dialects).
		_host->createInvoice(customer, "τδα-😀-\xF0\x9D\x84\x9E-1", "1.00");
		Reply duplicate = _host->call("POST", "/api/invoices",
									  R"({"number": ")" + number + R"(", "customer_id": )" + std::to_string(customer) +
										  R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "1"})");
		CPPUNIT_ASSERT_EQUAL(409, duplicate.status);
	}

	void testEveryTableIsUtf8mb4()
	{
		Poco::Data::Session session = _host->runtime().database().session();
		if (_host->runtime().database().dialect() == "sqlite")
		{
			std::string encoding;
			session << "PRAGMA encoding", into(encoding), now;
			CPPUNIT_ASSERT_EQUAL(std::string("UTF-8"), encoding);
			return;
		}
		std::vector<std::string> tables, collations;
		session << "SELECT table_name, table_collation FROM information_schema.tables "
				   "WHERE table_schema = DATABASE() ORDER BY table_name",
			into(tables), into(collations), now;
		CPPUNIT_ASSERT(std::find(tables.begin(), tables.end(), "schema_migrations") != tables.end());
		CPPUNIT_ASSERT(std::find(tables.begin(), tables.end(), "reminder_messages") != tables.end());
		for (std::size_t i = 0; i < tables.size(); ++i)
			CPPUNIT_ASSERT_EQUAL_MESSAGE(tables[i], std::string("utf8mb4_bin"), collations[i]);
		std::vector<std::string> columns;
		session << "SELECT CONCAT(table_name, '.', column_name, ' ', character_set_name, ' ', collation_name) "
				   "FROM information_schema.columns WHERE table_schema = DATABASE() AND character_set_name IS NOT NULL "
				   "AND (character_set_name <> 'utf8mb4' OR collation_name <> 'utf8mb4_bin')",
			into(columns), now;
		std::string listed;
		for (const std::string& column: columns)
			listed += column + "\n";
		CPPUNIT_ASSERT_MESSAGE(listed, columns.empty());
	}

	void testConnectionCharacterSetIsTheHosts()
	{
		if (TestHost::dialect() == "sqlite")
		{
			// SQLite stores what it is given: UTF-8 in, UTF-8 out (above).
			CPPUNIT_ASSERT_EQUAL(std::string("sqlite"), _host->runtime().database().dialect());
			return;
		}
		Poco::TemporaryFile temporary;
		Poco::File(temporary.path()).createDirectories();
		// A configured string that asks for the 3-byte "utf8" and for latin1.
		for (const char* asked: {";character-set=utf8", ";character-set=latin1;"})
		{
			host::SqlDatabase database("mysql", TestHost::databaseFor(temporary.path()) + asked, 2);
			Poco::Data::Session session = database.session();
			std::string client, connection, results;
			session << "SELECT @@character_set_client, @@character_set_connection, @@character_set_results",
				into(client), into(connection), into(results), now;
			CPPUNIT_ASSERT_EQUAL(std::string("utf8mb4"), client);
			CPPUNIT_ASSERT_EQUAL(std::string("utf8mb4"), connection);
			CPPUNIT_ASSERT_EQUAL(std::string("utf8mb4"), results);
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(CharacterSetTest, "host");
