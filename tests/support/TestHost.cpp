//
// TestHost.cpp
//


#include "TestHost.h"
#include "TestMariaDb.h"
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <sstream>
#include <utility>


using namespace Poco::Data::Keywords;


namespace tests {


const std::string TestHost::ADMIN = "admin-token-for-tests-0001";
const std::string TestHost::ACCOUNTANT = "maria-token-for-tests-0002";


Poco::JSON::Object::Ptr Reply::object() const
{
	CPPUNIT_ASSERT_MESSAGE("not a JSON object: " + body, json.type() == typeid(Poco::JSON::Object::Ptr));
	return json.extract<Poco::JSON::Object::Ptr>();
}


std::string Reply::errorField() const
{
	Poco::JSON::Object::Ptr error = object()->getObject("error");
	CPPUNIT_ASSERT_MESSAGE("no error in " + body, !error.isNull());
	return error->optValue<std::string>("field", "");
}


std::string Reply::errorCode() const
{
	Poco::JSON::Object::Ptr error = object()->getObject("error");
	CPPUNIT_ASSERT_MESSAGE("no error in " + body, !error.isNull());
	return error->getValue<std::string>("code");
}


std::string TestHost::buildDirectory()
{
	return ERP_BUILD_DIR;
}


std::string TestHost::remindersPluginsDirectory()
{
	return buildDirectory() + "/plugins";
}


std::string TestHost::screenPluginsDirectory()
{
	return buildDirectory() + "/screen-plugins";
}


std::string TestHost::testPluginsDirectory()
{
	return buildDirectory() + "/test-plugins";
}


TestHost::TestHost(const std::string& pluginsDirectory, bool http, const std::string& folder,
				   const std::map<std::string, std::string>& extra)
{
	if (folder.empty())
	{
		_temporary = std::make_unique<Poco::TemporaryFile>();
		_folder = _temporary->path();
		Poco::File(_folder).createDirectories();
	}
	else
		_folder = folder;
	_config = new Poco::Util::MapConfiguration;
	_config->setString("database.connector", dialect());
	if (_temporary && TestMariaDb::enabled())
	{
		// A database of this host's own, dropped with it; the folder names
		// it for hosts started on the folder meanwhile (restarts).
		_ownedDatabase = TestMariaDb::createDatabase();
		Poco::FileOutputStream(_folder + "/mariadb-database") << _ownedDatabase << "\n";
		_config->setString("database.connection", TestMariaDb::connection(_ownedDatabase));
	}
	else
		_config->setString("database.connection", databaseFor(_folder));
	_config->setString("http.port", "0");
	_config->setString("plugins.directory", pluginsDirectory);
	_config->setString("business.timezone", "Europe/Athens");
	_config->setString("host.schema.directory", buildDirectory() + "/share/erp-host/sql");
	_config->setString("users.admin.role", "admin");
	_config->setString("users.admin.token", ADMIN);
	_config->setString("users.maria.role", "accountant");
	_config->setString("users.maria.token", ACCOUNTANT);
	_config->setString("reminders.spool.directory", _folder + "/spool");
	for (const auto& [key, value]: extra)
		_config->setString(key, value);
	host::HostRuntime::Options options;
	options.http = http;
	options.scheduler = false;
	_runtime = std::make_unique<host::HostRuntime>(*_config, options);
	_runtime->start();
}


TestHost::~TestHost()
{
	_runtime->stop();
	_runtime.reset();
	if (!_ownedDatabase.empty()) TestMariaDb::dropDatabase(_ownedDatabase);
}


std::string TestHost::dialect()
{
	return TestMariaDb::enabled() ? "mysql" : "sqlite";
}


std::string TestHost::databaseFor(const std::string& folder)
{
	if (!TestMariaDb::enabled()) return folder + "/erp.sqlite";
	// The folder remembers its database, so that a host started again on
	// it (a restart) finds the same data. The server's folder goes when
	// it stops, these databases with it.
	const std::string marker = folder + "/mariadb-database";
	std::string name;
	if (Poco::File(marker).exists())
	{
		Poco::FileInputStream in(marker);
		in >> name;
	}
	if (name.empty())
	{
		name = TestMariaDb::createDatabase();
		Poco::FileOutputStream out(marker);
		out << name << "\n";
	}
	return TestMariaDb::connection(name);
}


std::unique_ptr<host::SqlDatabase> TestHost::openDatabase(const std::string& folder, int maxSessions)
{
	return std::make_unique<host::SqlDatabase>(dialect(), databaseFor(folder), maxSessions);
}


bool TestHost::tableExists(erp::Database& database, const std::string& table)
{
	Poco::Data::Session session = database.session();
	int n = 0;
	std::string name = table;
	if (database.dialect() == "mysql")
		session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
			use(name), into(n), now;
	else
		session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?", use(name), into(n), now;
	return n == 1;
}


host::HostRuntime& TestHost::runtime()
{
	return *_runtime;
}


const std::string& TestHost::folder() const
{
	return _folder;
}


Reply TestHost::call(const std::string& method, const std::string& path, const std::string& body,
					 const std::string& token)
{
	// Over HTTPS when the host serves it (the certificate is the test's
	// own; what a client checks is tested in HttpsTest).
	std::unique_ptr<Poco::Net::HTTPClientSession> secure;
	if (_config->hasProperty("http.tls.certificate"))
		secure = std::make_unique<Poco::Net::HTTPSClientSession>(
			"127.0.0.1", static_cast<Poco::UInt16>(_runtime->httpPort()),
			new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE));
	Poco::Net::HTTPClientSession plain("127.0.0.1", static_cast<Poco::UInt16>(_runtime->httpPort()));
	Poco::Net::HTTPClientSession& session = secure ? *secure : plain;
	Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
	if (!token.empty()) request.set("Authorization", "Bearer " + token);
	request.setContentType("application/json");
	request.setContentLength(static_cast<std::streamsize>(body.size()));
	session.sendRequest(request) << body;
	Poco::Net::HTTPResponse response;
	std::istream& in = session.receiveResponse(response);
	Reply reply;
	reply.status = response.getStatus();
	Poco::StreamCopier::copyToString(in, reply.body);
	if (!reply.body.empty())
	{
		Poco::JSON::Parser parser;
		reply.json = parser.parse(reply.body);
	}
	return reply;
}


Poco::Int64 TestHost::createCustomer(const std::string& name, const std::string& email, const std::string& extra)
{
	std::string body = "{\"name\": \"" + name + "\"";
	if (!email.empty()) body += ", \"email\": \"" + email + "\"";
	if (!extra.empty()) body += ", " + extra;
	body += "}";
	Reply reply = call("POST", "/api/customers", body);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 201, reply.status);
	return reply.object()->getValue<Poco::Int64>("id");
}


Poco::Int64 TestHost::createInvoice(Poco::Int64 customerId, const std::string& number, const std::string& total,
									const std::string& extra)
{
	std::string body = "{\"number\": \"" + number + "\", \"customer_id\": " + std::to_string(customerId) +
					   ", \"total\": \"" + total + "\"";
	// A field of `extra` replaces the default (a key twice is refused).
	for (const auto& [key, value]: {std::pair<const char*, const char*>{"issue_date", "2026-10-01"},
									{"due_date", "2026-10-31"},
									{"currency", "EUR"}})
		if (extra.find(std::string("\"") + key + "\"") == std::string::npos)
			body += std::string(", \"") + key + "\": \"" + value + "\"";
	if (!extra.empty()) body += ", " + extra;
	body += "}";
	Reply reply = call("POST", "/api/invoices", body);
	CPPUNIT_ASSERT_EQUAL_MESSAGE(reply.body, 201, reply.status);
	return reply.object()->getValue<Poco::Int64>("id");
}


int TestHost::auditCount(const std::string& action, const std::string& entityId)
{
	Poco::Data::Session session = _runtime->database().session();
	int count = 0;
	std::string a = action, id = entityId;
	session << "SELECT COUNT(*) FROM audit_log WHERE action = ? AND (? = '' OR entity_id = ?)", use(a), use(id),
		use(id), into(count), now;
	return count;
}


} // namespace tests
