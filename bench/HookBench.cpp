//
// HookBench.cpp
//
// bench_hooks DATABASE PLUGINS_DIRECTORY [INVOICES] [CUSTOMERS]
//
// Starts a reference host on a new SQLite DATABASE with the plugins of
// PLUGINS_DIRECTORY (the build's plugins, or an empty folder for none),
// creates CUSTOMERS customers (100), switches reminders on when the
// reminders plugin is loaded, then times INVOICES (2000) invoice creations
// through the host's router, as POST /api/invoices serves them (the
// host's transaction, the plugins' record fields and invoice.created
// hooks, the answer with the plugins' sections), one after the other.
// Prints "invoices/s: RATE (..., CPU MS ms an invoice)": the process's CPU
// time in the loop, apart from the wall time that the database's fsync
// dominates.
//


#include "HostRuntime.h"
#include <Poco/AutoPtr.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/MapConfiguration.h>
#include <chrono>
#include <ctime>
#include <iostream>
#include <vector>


namespace {

const std::string TOKEN = "Bearer bench-admin-token-0000000000";

erp::HttpResponse call(host::HostRuntime& runtime, const std::string& method, const std::string& path,
					   const std::string& body)
{
	return runtime.services().router.dispatch(method, path, {}, body, TOKEN);
}

} // namespace


int main(int argc, char** argv)
{
	if (argc < 3)
	{
		std::cerr << "usage: bench_hooks DATABASE PLUGINS_DIRECTORY [INVOICES] [CUSTOMERS]" << std::endl;
		return 2;
	}
	const int invoices = argc > 3 ? std::stoi(argv[3]) : 2000;
	const int customers = argc > 4 ? std::stoi(argv[4]) : 100;
	Poco::Logger::root().setLevel(Poco::Message::PRIO_ERROR);
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
	config->setString("database.connection", argv[1]);
	config->setString("plugins.directory", argv[2]);
	config->setString("business.timezone", "Europe/Athens");
	config->setString("host.schema.directory", std::string(ERP_BUILD_DIR) + "/share/erp-host/sql");
	config->setString("users.bench.role", "admin");
	config->setString("users.bench.token", "bench-admin-token-0000000000");
	host::HostRuntime::Options options;
	options.http = false;
	options.scheduler = false;
	host::HostRuntime runtime(*config, options);
	runtime.start();

	bool plugin = false;
	if (call(runtime, "GET", "/api/plugins/reminders/settings", "").status == 200)
	{
		plugin = true;
		const erp::HttpResponse on = call(runtime, "PUT", "/api/plugins/reminders/settings",
										  R"({"enabled": true, "from_address": "billing@example.com"})");
		if (on.status != 200)
		{
			std::cerr << "switching reminders on answered " << on.status << ": " << on.body << std::endl;
			return 1;
		}
	}
	std::vector<std::string> ids;
	Poco::JSON::Parser parser;
	for (int i = 0; i < customers; ++i)
	{
		const erp::HttpResponse created = call(runtime, "POST", "/api/customers",
											   R"({"name": "Customer )" + std::to_string(i) + R"(", "email": "c)" +
												   std::to_string(i) + R"(@example.com", "language": "en"})");
		if (created.status != 201)
		{
			std::cerr << "customer answered " << created.status << ": " << created.body << std::endl;
			return 1;
		}
		parser.reset();
		ids.push_back(
			std::to_string(parser.parse(created.body).extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id")));
	}
	const auto started = std::chrono::steady_clock::now();
	const std::clock_t cpuStarted = std::clock();
	for (int i = 0; i < invoices; ++i)
	{
		const std::string body = R"({"number": "B-)" + std::to_string(i) + R"(", "customer_id": )" +
								 ids[static_cast<std::size_t>(i % customers)] +
								 R"(, "issue_date": "2026-10-01", "due_date": "2026-10-31", "currency": "EUR", )"
								 R"("total": "100.00"})";
		const erp::HttpResponse created = call(runtime, "POST", "/api/invoices", body);
		if (created.status != 201)
		{
			std::cerr << "invoice answered " << created.status << ": " << created.body << std::endl;
			return 1;
		}
		if (plugin && i == 0 && created.body.find(R"("with_reminder":true)") == std::string::npos)
		{
			std::cerr << "the hook did not flag the first invoice: " << created.body << std::endl;
			return 1;
		}
	}
	const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
	const double cpu = static_cast<double>(std::clock() - cpuStarted) / CLOCKS_PER_SEC;
	std::cout << "invoices/s: " << invoices / seconds << " (" << invoices << " in " << seconds << " s, plugin "
			  << (plugin ? "loaded" : "absent") << "; CPU " << 1000.0 * cpu / invoices << " ms an invoice)"
			  << std::endl;
	runtime.stop();
	return 0;
}
