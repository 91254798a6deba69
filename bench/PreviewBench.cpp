//
// PreviewBench.cpp
//
// bench_preview DATABASE [RUNS] [DATE]
//
// Loads the reminders plugin into a reference host on DATABASE (made by
// bench_generate) and times GET /api/plugins/reminders/preview for the
// whole day, as the API serves it: the median and the slowest of RUNS
// runs after one warm-up, with the day's counts.
//


#include "HostRuntime.h"
#include <Poco/AutoPtr.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/MapConfiguration.h>
#include <algorithm>
#include <chrono>
#include <iostream>
#include <vector>


int main(int argc, char** argv)
{
	if (argc < 2)
	{
		std::cerr << "usage: bench_preview DATABASE [RUNS] [DATE]" << std::endl;
		return 2;
	}
	const int runs = argc > 2 ? std::stoi(argv[2]) : 5;
	const std::string date = argc > 3 ? argv[3] : "2026-11-30";
	Poco::Logger::root().setLevel(Poco::Message::PRIO_ERROR);
	Poco::AutoPtr<Poco::Util::MapConfiguration> config = new Poco::Util::MapConfiguration;
	config->setString("database.connection", argv[1]);
	config->setString("plugins.directory", std::string(ERP_BUILD_DIR) + "/plugins");
	config->setString("business.timezone", "Europe/Athens");
	config->setString("host.schema.directory", std::string(ERP_BUILD_DIR) + "/share/erp-host/sql");
	config->setString("users.bench.role", "accountant");
	config->setString("users.bench.token", "bench-token-000000000000");
	host::HostRuntime::Options options;
	options.http = false;
	options.scheduler = false;
	host::HostRuntime runtime(*config, options);
	runtime.start();

	std::vector<double> seconds;
	std::string body;
	for (int i = 0; i <= runs; ++i)
	{
		const auto started = std::chrono::steady_clock::now();
		const erp::HttpResponse response = runtime.services().router.dispatch("GET", "/api/plugins/reminders/preview",
																			  {{"date", date}, {"limit", "1000"}}, "",
																			  "Bearer bench-token-000000000000");
		const auto elapsed = std::chrono::steady_clock::now() - started;
		if (response.status != 200)
		{
			std::cerr << "preview answered " << response.status << ": " << response.body << std::endl;
			return 1;
		}
		if (i > 0) seconds.push_back(std::chrono::duration<double>(elapsed).count());
		body = response.body;
	}
	std::sort(seconds.begin(), seconds.end());
	Poco::JSON::Parser parser;
	const auto summary = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getObject("summary");
	std::cout << "preview " << date << ": " << summary->getValue<int>("customers_to_remind") << " customers to remind, "
			  << summary->getValue<int>("customers_without_valid_email") << " without a valid address, "
			  << summary->getValue<int>("invoices") << " invoices; median " << seconds[seconds.size() / 2]
			  << " s, slowest " << seconds.back() << " s over " << runs << " runs" << std::endl;
	runtime.stop();
	return summary->getValue<int>("customers_to_remind") > 0 ? 0 : 1;
}
