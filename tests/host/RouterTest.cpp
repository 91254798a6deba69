//
// RouterTest.cpp
//


#include "Router.h"
#include "SqlDatabase.h"
#include "TestHost.h"
#include "erp/ApiError.h"
#include <Poco/Event.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Util/MapConfiguration.h>
#include <atomic>
#include <cppunit/extensions/HelperMacros.h>
#include <set>
#include <thread>


class RouterTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(RouterTest);
	CPPUNIT_TEST(testDispatch);
	CPPUNIT_TEST(testErrors);
	CPPUNIT_TEST(testQueryParametersAreDeclared);
	CPPUNIT_TEST(testUndeclaredRoutesTakeAnyParameter);
	CPPUNIT_TEST(testRemoveAll);
	CPPUNIT_TEST(testRemoveAllWaitsForHandlersInFlight);
	CPPUNIT_TEST(testHandlerMayRemoveAnotherOwnersRoutes);
	CPPUNIT_TEST(testBootstrapRefusesWeakConfig);
	CPPUNIT_TEST_SUITE_END();

public:
	void setUp() override
	{
		_file = std::make_unique<Poco::TemporaryFile>();
		Poco::File(_file->path()).createDirectories();
		_database = tests::TestHost::openDatabase(_file->path());
		erp::Database& db = *_database;
		Poco::Data::Session session = db.session();
		// The host's users table, in either dialect.
		const std::string text = db.dialect() == "mysql" ? "VARCHAR(200)" : "TEXT";
		session << "CREATE TABLE users (name " + text + " PRIMARY KEY, role " + text + " NOT NULL, token_sha256 " +
					   text + " NOT NULL UNIQUE, updated_at " + text + " NOT NULL, disabled_at " + text + ", origin " +
					   text + " NOT NULL DEFAULT 'config', password_hash " + text + ", language " + text + ")",
			Poco::Data::Keywords::now;
		_users = std::make_unique<host::UserDirectory>(*_database);
		Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
		config->setString("users.boss.role", "admin");
		config->setString("users.boss.token", "boss-token-0123456789");
		config->setString("users.clerk.role", "accountant");
		config->setString("users.clerk.token", "clerk-token-0123456789");
		_users->bootstrap(*config);
		_router = std::make_unique<host::Router>(*_users, Poco::Logger::get("test"));
	}

	void tearDown() override
	{
		_router.reset();
		_users.reset();
		_database.reset();
		_file.reset();
	}

	void testDispatch()
	{
		_router->add("p", "GET", "/api/things/{id}/parts/{part}?x", erp::Role::ACCOUNTANT,
					 [](const erp::HttpRequest& request) {
						 return erp::HttpResponse::json(200, request.params.at("id") + "/" + request.params.at("part") +
																 "/" + request.user + "/" + request.query.at("x"));
					 });
		const erp::HttpResponse response =
			_router->dispatch("GET", "/api/things/7/parts/%CE%B1", {{"x", "1"}}, "", "Bearer clerk-token-0123456789");
		CPPUNIT_ASSERT_EQUAL(200, response.status);
		CPPUNIT_ASSERT_EQUAL(std::string("\"7/α/clerk/1\""), response.body);
	}

	void testErrors()
	{
		_router->add("p", "PUT", "/api/admin-only", erp::Role::ADMIN, [](const erp::HttpRequest&) -> erp::HttpResponse {
			throw erp::ApiError::invalid("size", "too big");
		});
		_router->add("p", "GET", "/api/broken", erp::Role::ACCOUNTANT,
					 [](const erp::HttpRequest&) -> erp::HttpResponse { throw std::runtime_error("secret detail"); });
		const std::string clerk = "Bearer clerk-token-0123456789";
		const std::string boss = "bearer boss-token-0123456789";
		CPPUNIT_ASSERT_EQUAL(401, _router->dispatch("GET", "/api/broken", {}, "", "").status);
		CPPUNIT_ASSERT_EQUAL(401, _router->dispatch("GET", "/api/broken", {}, "", "Bearer wrong-token-000000").status);
		CPPUNIT_ASSERT_EQUAL(401, _router->dispatch("GET", "/api/broken", {}, "", "Basic Y2xlcms6eA==").status);
		CPPUNIT_ASSERT_EQUAL(404, _router->dispatch("GET", "/api/nothing", {}, "", clerk).status);
		CPPUNIT_ASSERT_EQUAL(405, _router->dispatch("DELETE", "/api/broken", {}, "", clerk).status);
		CPPUNIT_ASSERT_EQUAL(403, _router->dispatch("PUT", "/api/admin-only", {}, "", clerk).status);
		const erp::HttpResponse invalid = _router->dispatch("PUT", "/api/admin-only", {}, "", boss);
		CPPUNIT_ASSERT_EQUAL(400, invalid.status);
		CPPUNIT_ASSERT(invalid.body.find("\"field\":\"size\"") != std::string::npos);
		const erp::HttpResponse broken = _router->dispatch("GET", "/api/broken", {}, "", clerk);
		CPPUNIT_ASSERT_EQUAL(500, broken.status);
		CPPUNIT_ASSERT(broken.body.find("secret detail") == std::string::npos);
		CPPUNIT_ASSERT_THROW(_router->add("q", "GET", "/api/broken", erp::Role::ADMIN,
										  [](const erp::HttpRequest&) { return erp::HttpResponse(); }),
							 Poco::ExistsException);
	}

	void testQueryParametersAreDeclared()
	{
		// What a route takes after '?'; anything else is refused by name
		// before the handler runs: a misspelt filter never lists
		// everything, a "dry_run" never starts the real thing.
		int called = 0;
		auto count = [&](const erp::HttpRequest& request) {
			++called;
			return erp::HttpResponse::json(200, static_cast<int>(request.query.size()));
		};
		_router->add("p", "GET", "/api/list?limit&status", erp::Role::ACCOUNTANT, count);
		_router->add("p", "POST", "/api/list", erp::Role::ACCOUNTANT, count);
		const std::string clerk = "Bearer clerk-token-0123456789";
		const erp::HttpResponse both =
			_router->dispatch("GET", "/api/list", {{"limit", "5"}, {"status", "paid"}}, "", clerk);
		CPPUNIT_ASSERT_EQUAL(200, both.status);
		CPPUNIT_ASSERT_EQUAL(std::string("2"), both.body);
		CPPUNIT_ASSERT_EQUAL(200, _router->dispatch("GET", "/api/list", {}, "", clerk).status);
		CPPUNIT_ASSERT_EQUAL(2, called);

		const erp::HttpResponse typo =
			_router->dispatch("GET", "/api/list", {{"limit", "5"}, {"stauts", "paid"}}, "", clerk);
		CPPUNIT_ASSERT_EQUAL(400, typo.status);
		CPPUNIT_ASSERT(typo.body.find("\"field\":\"stauts\"") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(typo.body, typo.body.find("takes limit, status") != std::string::npos);
		// Given twice (the map holds the last value): each takes one.
		const erp::HttpResponse twice =
			_router->dispatch("GET", "/api/list", {{"limit", "5"}, {"status", "paid"}}, "", clerk, {"status"});
		CPPUNIT_ASSERT_EQUAL(400, twice.status);
		CPPUNIT_ASSERT(twice.body.find("\"field\":\"status\"") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(twice.body, twice.body.find("status given more than once") != std::string::npos);
		const erp::HttpResponse dryRun = _router->dispatch("POST", "/api/list", {{"dry_run", "1"}}, "", clerk);
		CPPUNIT_ASSERT_EQUAL(400, dryRun.status);
		CPPUNIT_ASSERT_MESSAGE(dryRun.body, dryRun.body.find("takes none") != std::string::npos);
		CPPUNIT_ASSERT_EQUAL(2, called);
		// The role is checked first: a weaker role learns nothing of the parameters.
		_router->add("p", "PUT", "/api/list", erp::Role::ADMIN, count);
		CPPUNIT_ASSERT_EQUAL(403, _router->dispatch("PUT", "/api/list", {{"x", "1"}}, "", clerk).status);

		const std::set<std::string> declared{"limit", "status"};
		CPPUNIT_ASSERT(_router->acceptedQuery("GET", "/api/list") == declared);
		CPPUNIT_ASSERT(_router->acceptedQuery("POST", "/api/list") == std::set<std::string>());
		CPPUNIT_ASSERT(!_router->acceptedQuery("GET", "/api/nothing"));
		// The path alone names the route: the same path with other parameters is a duplicate.
		CPPUNIT_ASSERT_THROW(_router->add("q", "GET", "/api/list?x", erp::Role::ADMIN, count), Poco::ExistsException);
		for (const char* pattern: {"/api/bad?limit&limit", "/api/bad?limit&", "/api/bad?&limit"})
			CPPUNIT_ASSERT_THROW_MESSAGE(pattern, _router->add("q", "GET", pattern, erp::Role::ADMIN, count),
										 Poco::InvalidArgumentException);
	}

	void testUndeclaredRoutesTakeAnyParameter()
	{
		// A plugin built for ABI 1.4 or older could not declare its
		// parameters: its handlers see them all, as before.
		_router->add(
			"old", "GET", "/api/old", erp::Role::ACCOUNTANT,
			[](const erp::HttpRequest& request) { return erp::HttpResponse::json(200, request.query.at("anything")); },
			false);
		const erp::HttpResponse response = _router->dispatch("GET", "/api/old", {{"anything", "goes"}}, "",
															 "Bearer clerk-token-0123456789", {"anything"});
		CPPUNIT_ASSERT_EQUAL(200, response.status);
		CPPUNIT_ASSERT_EQUAL(std::string("\"goes\""), response.body);
		CPPUNIT_ASSERT(!_router->acceptedQuery("GET", "/api/old"));
	}

	void testRemoveAll()
	{
		auto ok = [](const erp::HttpRequest&) { return erp::HttpResponse::json(200, 1); };
		_router->add("p", "GET", "/api/p/a", erp::Role::ACCOUNTANT, ok);
		_router->add("p", "GET", "/api/p/b", erp::Role::ACCOUNTANT, ok);
		_router->add("q", "GET", "/api/q/a", erp::Role::ACCOUNTANT, ok);
		CPPUNIT_ASSERT_EQUAL(2, _router->removeAll("p"));
		const std::string clerk = "Bearer clerk-token-0123456789";
		CPPUNIT_ASSERT_EQUAL(404, _router->dispatch("GET", "/api/p/a", {}, "", clerk).status);
		CPPUNIT_ASSERT_EQUAL(200, _router->dispatch("GET", "/api/q/a", {}, "", clerk).status);
	}

	void testRemoveAllWaitsForHandlersInFlight()
	{
		Poco::Event entered, release;
		std::atomic<bool> finished(false);
		_router->add("p", "GET", "/api/p/slow", erp::Role::ACCOUNTANT, [&](const erp::HttpRequest&) {
			entered.set();
			release.wait();
			finished = true;
			return erp::HttpResponse::json(200, 1);
		});
		_router->add("q", "GET", "/api/q/a", erp::Role::ACCOUNTANT,
					 [](const erp::HttpRequest&) { return erp::HttpResponse::json(200, 1); });
		const std::string clerk = "Bearer clerk-token-0123456789";
		int slowStatus = 0;
		std::thread request([&] { slowStatus = _router->dispatch("GET", "/api/p/slow", {}, "", clerk).status; });
		entered.wait();
		// Another owner's routes serve while p's handler runs.
		CPPUNIT_ASSERT_EQUAL(200, _router->dispatch("GET", "/api/q/a", {}, "", clerk).status);
		bool finishedWhenRemoved = false;
		std::thread remover([&] {
			_router->removeAll("p");
			finishedWhenRemoved = finished;
		});
		release.set();
		remover.join();
		request.join();
		CPPUNIT_ASSERT(finishedWhenRemoved);
		CPPUNIT_ASSERT_EQUAL(200, slowStatus);
		CPPUNIT_ASSERT_EQUAL(404, _router->dispatch("GET", "/api/p/slow", {}, "", clerk).status);
	}

	void testHandlerMayRemoveAnotherOwnersRoutes()
	/// The host's PUT /api/plugins/{id} unloads a plugin from inside a
	/// handler: removing another owner's routes there must not deadlock.
	{
		_router->add("p", "GET", "/api/p/a", erp::Role::ACCOUNTANT,
					 [](const erp::HttpRequest&) { return erp::HttpResponse::json(200, 1); });
		_router->add("host", "PUT", "/api/switch", erp::Role::ADMIN,
					 [this](const erp::HttpRequest&) { return erp::HttpResponse::json(200, _router->removeAll("p")); });
		const erp::HttpResponse response =
			_router->dispatch("PUT", "/api/switch", {}, "", "Bearer boss-token-0123456789");
		CPPUNIT_ASSERT_EQUAL(200, response.status);
		CPPUNIT_ASSERT_EQUAL(std::string("1"), response.body);
		CPPUNIT_ASSERT_EQUAL(404, _router->dispatch("GET", "/api/p/a", {}, "", "Bearer clerk-token-0123456789").status);
	}

	void testBootstrapRefusesWeakConfig()
	{
		const struct
		{
			const char* key;
			const char* value;
		} cases[] = {
			{"users.eve.role", "root"},
			{"users.eve.token", "short"},
			{"users.Eve!.token", "long-enough-token-0123"},
		};
		for (const auto& c: cases)
		{
			Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
			config->setString("users.eve.role", "accountant");
			config->setString("users.eve.token", "eve-token-0123456789");
			if (std::string(c.key).find("Eve!") != std::string::npos)
			{
				config->setString("users.Eve!.role", "accountant");
			}
			config->setString(c.key, c.value);
			CPPUNIT_ASSERT_THROW_MESSAGE(c.key, _users->bootstrap(*config), Poco::InvalidArgumentException);
		}
		// Nothing was changed by the refused configurations.
		CPPUNIT_ASSERT(!_users->authenticate("Bearer eve-token-0123456789"));
		CPPUNIT_ASSERT(_users->authenticate("Bearer boss-token-0123456789"));
	}

private:
	std::unique_ptr<Poco::TemporaryFile> _file;
	std::unique_ptr<host::SqlDatabase> _database;
	std::unique_ptr<host::UserDirectory> _users;
	std::unique_ptr<host::Router> _router;
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(RouterTest, "host");
