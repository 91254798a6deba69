//
// StatusLineTest.cpp
//
// What the HTTP server writes on the wire: each status with its own reason
// phrase, and an anonymous request refused before its body is read. Plain
// sockets, so that no client library tidies the answer up.
//


#include "HostFixture.h"
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>
#include <cppunit/extensions/HelperMacros.h>


using tests::TestHost;


class StatusLineTest: public tests::HostFixture
{
	CPPUNIT_TEST_SUITE(StatusLineTest);
	CPPUNIT_TEST(testEachStatusHasItsReason);
	CPPUNIT_TEST(testAnonymousRefusedBeforeTheBody);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEachStatusHasItsReason()
	{
		const auto customer = _host->createCustomer("Wire", "wire@example.com");
		_host->createInvoice(customer, "W-1", "10");
		const std::string duplicate = R"({"number": "W-1", "customer_id": )" + std::to_string(customer) +
									  R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10"})";
		const struct
		{
			const char* method;
			const char* path;
			std::string body;
			const std::string& token;
			const char* statusLine;
		} cases[] = {
			{"GET", "/api/customers", "", TestHost::ADMIN, "HTTP/1.1 200 OK"},
			{"POST", "/api/customers", R"({"name": "New"})", TestHost::ADMIN, "HTTP/1.1 201 Created"},
			{"POST", "/api/customers", R"({"email": "x@example.com"})", TestHost::ADMIN, "HTTP/1.1 400 Bad Request"},
			{"POST", "/api/customers", "not json", TestHost::ADMIN, "HTTP/1.1 400 Bad Request"},
			{"GET", "/api/customers", "", NO_TOKEN, "HTTP/1.1 401 Unauthorized"},
			{"GET", "/api/audit", "", TestHost::ACCOUNTANT, "HTTP/1.1 403 Forbidden"},
			{"GET", "/api/nothing-here", "", TestHost::ADMIN, "HTTP/1.1 404 Not Found"},
			{"DELETE", "/api/customers", "", TestHost::ADMIN, "HTTP/1.1 405 Method Not Allowed"},
			{"POST", "/api/invoices", duplicate, TestHost::ADMIN, "HTTP/1.1 409 Conflict"},
		};
		for (const auto& c: cases)
		{
			std::string request = std::string(c.method) + " " + c.path + " HTTP/1.1\r\nHost: localhost\r\n";
			if (!c.token.empty()) request += "Authorization: Bearer " + c.token + "\r\n";
			request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(c.body.size()) +
					   "\r\nConnection: close\r\n\r\n" + c.body;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(std::string(c.method) + " " + c.path, std::string(c.statusLine),
										 statusLine(request));
		}
		// A body over 1 MiB, announced and not sent: refused at once.
		CPPUNIT_ASSERT_EQUAL(std::string("HTTP/1.1 413 Request Entity Too Large"),
							 statusLine("POST /api/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
										TestHost::ADMIN + "\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n"));
	}

	void testAnonymousRefusedBeforeTheBody()
	{
		// Without a valid token the size of the body is nobody's business:
		// 401, not 413, and nothing is read.
		for (const std::string& authorization:
			 {std::string(), std::string("Authorization: Bearer not-a-known-token-000\r\n")})
			CPPUNIT_ASSERT_EQUAL(std::string("HTTP/1.1 401 Unauthorized"),
								 statusLine("POST /api/customers HTTP/1.1\r\nHost: localhost\r\n" + authorization +
											"Content-Length: 2000000\r\nConnection: close\r\n\r\n"));
	}

private:
	std::string statusLine(const std::string& request)
	/// Sends the raw request and returns the answer's first line.
	{
		Poco::Net::StreamSocket socket(
			Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(_host->runtime().httpPort())));
		// A guard against a server that waits for a body never sent, not a timing.
		socket.setReceiveTimeout(Poco::Timespan(30, 0));
		socket.sendBytes(request.data(), static_cast<int>(request.size()));
		std::string answer;
		char buffer[1024];
		while (answer.find("\r\n") == std::string::npos)
		{
			const int n = socket.receiveBytes(buffer, sizeof(buffer));
			if (n <= 0) break;
			answer.append(buffer, static_cast<std::size_t>(n));
		}
		return answer.substr(0, answer.find("\r\n"));
	}

	static const std::string NO_TOKEN;
};


const std::string StatusLineTest::NO_TOKEN;


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(StatusLineTest, "host");
