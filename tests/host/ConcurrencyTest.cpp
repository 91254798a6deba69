//
// ConcurrencyTest.cpp
//


#include "TestHost.h"
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>
#include <algorithm>
#include <chrono>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>


using namespace Poco::Data::Keywords;
using tests::Reply;
using tests::TestHost;


class ConcurrencyTest: public CppUnit::TestFixture
/// Many clients at once on two hosts sharing one database: payments on the
/// same invoices and invoices created under the same numbers. Whatever the
/// interleaving, no money is lost or invented: every answer is 201 or a
/// well-formed 4xx, every 201 is in the database, and for every invoice
/// paid + outstanding = total with paid never above the total.
{
	CPPUNIT_TEST_SUITE(ConcurrencyTest);
	CPPUNIT_TEST(testPaymentsAndCreationsOnTwoHosts);
	CPPUNIT_TEST_SUITE_END();

public:
	void testPaymentsAndCreationsOnTwoHosts()
	{
		Poco::TemporaryFile temporary;
		const std::string folder = temporary.path();
		Poco::File(folder).createDirectories();
		const std::map<std::string, std::string> extra{{"http.max_connections_per_client", "64"},
													   {"http.threads", "16"}};
		TestHost first(TestHost::remindersPluginsDirectory(), true, folder, extra);
		TestHost second(TestHost::remindersPluginsDirectory(), true, folder, extra);
		TestHost* hosts[] = {&first, &second};

		// Under load (ERP_CONCURRENCY_SECONDS), more and larger invoices, so
		// that payments go on being accepted for the whole time.
		const bool load = setting("ERP_CONCURRENCY_SECONDS", 0) > 0;
		const int invoiceCount = load ? 400 : INVOICES;
		const Poco::Int64 customer = first.createCustomer("Concurrent", "concurrent@example.com");
		std::vector<Poco::Int64> invoices;
		for (int i = 0; i < invoiceCount; ++i)
			invoices.push_back(first.createInvoice(customer, "P-" + std::to_string(i), load ? "2000.00" : "100.00"));

		std::mutex mutex;
		std::vector<std::string> failures;                              // 5xx, transport errors, unexpected answers
		std::map<Poco::Int64, Poco::Int64> acceptedPayments;            // payment id -> amount (minor)
		std::map<Poco::Int64, Poco::Int64> paymentInvoice;              // payment id -> invoice id
		std::map<std::string, std::vector<Poco::Int64>> createdNumbers; // number -> ids answered 201
		int refusals = 0;

		// ERP_CONCURRENCY_CLIENTS and ERP_CONCURRENCY_SECONDS make it a load
		// test (ctest's host_load_mariadb: 50 clients for 30 s); by default
		// CLIENTS clients take STEPS steps each.
		const int clientCount = setting("ERP_CONCURRENCY_CLIENTS", CLIENTS);
		const int seconds = setting("ERP_CONCURRENCY_SECONDS", 0);
		const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
		int requests = 0;
		std::set<std::string> attempted;
		auto client = [&](int index) {
			TestHost& host = *hosts[index % 2];
			for (int step = 0; seconds > 0 ? std::chrono::steady_clock::now() < deadline : step < STEPS; ++step)
			{
				{
					std::lock_guard<std::mutex> lock(mutex);
					++requests;
					if (step % 3 == 2) attempted.insert("N-" + std::to_string(step / 3));
				}
				std::string what;
				try
				{
					if (step % 3 == 2)
					{
						// Every client tries the same numbers in the same order.
						const std::string number = "N-" + std::to_string(step / 3);
						what = "create " + number;
						Reply reply =
							host.call("POST", "/api/invoices",
									  R"({"number": ")" + number + R"(", "customer_id": )" + std::to_string(customer) +
										  R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})");
						std::lock_guard<std::mutex> lock(mutex);
						if (reply.status == 201)
							createdNumbers[number].push_back(reply.object()->getValue<Poco::Int64>("id"));
						else if (reply.status == 409 && reply.errorCode() == "duplicate_number")
							++refusals;
						else
							failures.push_back(what + ": " + std::to_string(reply.status) + " " + reply.body);
					}
					else
					{
						const Poco::Int64 invoice = invoices[static_cast<std::size_t>((index + step) % invoiceCount)];
						const Poco::Int64 cents = AMOUNTS[static_cast<std::size_t>((index * 7 + step) % 4)];
						const std::string amount = std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") +
												   std::to_string(cents % 100);
						what = "pay " + amount + " on " + std::to_string(invoice);
						Reply reply = host.call("POST", "/api/invoices/" + std::to_string(invoice) + "/payments",
												R"({"amount": ")" + amount + R"(", "paid_on": "2026-10-05"})");
						std::lock_guard<std::mutex> lock(mutex);
						if (reply.status == 201)
						{
							const Poco::Int64 id = reply.object()->getValue<Poco::Int64>("payment_id");
							acceptedPayments[id] = cents;
							paymentInvoice[id] = invoice;
						}
						else if ((reply.status == 400 && reply.errorCode() == "overpayment") ||
								 (reply.status == 409 && reply.errorCode() == "invoice_paid"))
							++refusals;
						else
							failures.push_back(what + ": " + std::to_string(reply.status) + " " + reply.body);
					}
				}
				catch (std::exception& exc)
				{
					std::lock_guard<std::mutex> lock(mutex);
					failures.push_back(what + ": " + exc.what());
				}
			}
		};
		std::vector<std::thread> clients;
		for (int i = 0; i < clientCount; ++i)
			clients.emplace_back(client, i);
		for (std::thread& thread: clients)
			thread.join();

		Poco::Data::Session session = first.runtime().database().session();

		// Every accepted payment is in the database with its amount and
		// invoice; the database holds no other payment.
		std::vector<Poco::Int64> paymentIds, paymentAmounts, paymentInvoices;
		session << "SELECT id, amount_minor, invoice_id FROM payments ORDER BY id", into(paymentIds),
			into(paymentAmounts), into(paymentInvoices), now;
		CPPUNIT_ASSERT_EQUAL(acceptedPayments.size(), paymentIds.size());
		for (std::size_t i = 0; i < paymentIds.size(); ++i)
		{
			CPPUNIT_ASSERT_MESSAGE(std::to_string(paymentIds[i]), acceptedPayments.count(paymentIds[i]) == 1);
			CPPUNIT_ASSERT_EQUAL(acceptedPayments[paymentIds[i]], paymentAmounts[i]);
			CPPUNIT_ASSERT_EQUAL(paymentInvoice[paymentIds[i]], paymentInvoices[i]);
		}

		// For every invoice: paid = the sum of its accepted payments, never
		// above the total, paid + outstanding = total, as the API says too.
		for (const Poco::Int64 invoice: invoices)
		{
			Poco::Int64 accepted = 0;
			for (const auto& [id, cents]: acceptedPayments)
				if (paymentInvoice[id] == invoice) accepted += cents;
			Poco::Int64 id = invoice, total = 0, paid = 0;
			std::string status;
			session << "SELECT total_minor, paid_minor, status FROM invoices WHERE id = ?", use(id), into(total),
				into(paid), into(status), now;
			const std::string label = "invoice " + std::to_string(invoice);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, accepted, paid);
			CPPUNIT_ASSERT_MESSAGE(label, paid <= total);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label,
										 std::string(paid == total ? "paid"
													 : paid > 0    ? "partially_paid"
																   : "issued"),
										 status);
			Reply read = second.call("GET", "/api/invoices/" + std::to_string(invoice));
			CPPUNIT_ASSERT_EQUAL(200, read.status);
			Poco::JSON::Object::Ptr body = read.object();
			const auto minor = [](const std::string& text) {
				const std::string::size_type dot = text.find('.');
				return static_cast<Poco::Int64>(std::stoll(text.substr(0, dot)) * 100 +
												std::stoll(text.substr(dot + 1)));
			};
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, total,
										 minor(body->getValue<std::string>("paid")) +
											 minor(body->getValue<std::string>("outstanding")));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(label, paid, minor(body->getValue<std::string>("paid")));
			CPPUNIT_ASSERT_EQUAL_MESSAGE(
				label,
				static_cast<std::size_t>(std::count_if(paymentInvoice.begin(), paymentInvoice.end(),
													   [&](const auto& entry) { return entry.second == invoice; })),
				body->getArray("payments")->size());
		}

		// No answer was a 5xx or a transport error, and every request had
		// one of the expected answers.
		std::string failureText;
		for (const std::string& failure: failures)
			failureText += failure + "\n";
		CPPUNIT_ASSERT_MESSAGE(failureText, failures.empty());
		int created = 0;
		for (const auto& [number, ids]: createdNumbers)
			created += static_cast<int>(ids.size());
		CPPUNIT_ASSERT_EQUAL(requests, static_cast<int>(acceptedPayments.size()) + created + refusals);
		std::cout << "  ConcurrencyTest: " << clientCount << " clients, " << requests << " requests, "
				  << acceptedPayments.size() << " payments and " << created << " invoices accepted, " << refusals
				  << " refused as they should be, 0 failures" << std::endl;

		// Every number tried was created exactly once, and is in the database once.
		CPPUNIT_ASSERT(!attempted.empty());
		for (const std::string& number: attempted)
		{
			CPPUNIT_ASSERT_EQUAL_MESSAGE(number, std::size_t(1), createdNumbers[number].size());
			std::string num = number;
			std::vector<Poco::Int64> ids;
			session << "SELECT id FROM invoices WHERE number = ?", use(num), into(ids), now;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(number, std::size_t(1), ids.size());
			CPPUNIT_ASSERT_EQUAL_MESSAGE(number, createdNumbers[number].front(), ids.front());
		}
	}

private:
	static int setting(const char* name, int fallback)
	{
		const char* value = std::getenv(name);
		return value && *value ? std::atoi(value) : fallback;
	}

	static const int CLIENTS = 12;
	static const int STEPS = 30;
	static const int INVOICES = 6;
	static constexpr Poco::Int64 AMOUNTS[4] = {6000, 3000, 1000, 4550};
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ConcurrencyTest, "host");
