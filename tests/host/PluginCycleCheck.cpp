//
// PluginCycleCheck.cpp
//
// Loads, starts, exercises, stops and unloads the reminders plugin N times
// in one process (run under valgrind by ctest: no definite or indirect
// leak), and checks that each cycle leaves no registration behind. Every
// other cycle goes through the administrator's API instead of the loader:
// PUT /api/plugins/reminders {"enabled": false}, then true.
//


#include "TestHost.h"
#include <Poco/Logger.h>
#include <cstdlib>
#include <iostream>


int main(int argc, char** argv)
{
	Poco::Logger::root().setLevel(Poco::Message::PRIO_FATAL);
	const int cycles = argc > 1 ? std::atoi(argv[1]) : 100;
	try
	{
		tests::TestHost host(tests::TestHost::testPluginsDirectory() + "/none", false);
		const std::string plugin = tests::TestHost::remindersPluginsDirectory() + "/reminders";
		for (int i = 0; i < cycles; ++i)
		{
			host::Router& router = host.runtime().services().router;
			const std::string admin = "Bearer " + tests::TestHost::ADMIN;
			const bool throughApi = i % 2 == 1;
			if (throughApi)
			{
				const erp::HttpResponse enabled =
					router.dispatch("PUT", "/api/plugins/reminders", {}, R"({"enabled": true})", admin);
				if (enabled.status != 200 || enabled.body.find("\"running\"") == std::string::npos)
				{
					std::cerr << "cycle " << i << ": enable: " << enabled.body << std::endl;
					return 1;
				}
			}
			else if (!host.runtime().plugins().load(plugin))
			{
				std::cerr << "cycle " << i << ": refused: " << host.runtime().plugins().status().back().reason
						  << std::endl;
				return 1;
			}
			if (host.runtime().events().subscriptions("reminders").size() != 2 ||
				host.runtime().scheduler().tasks().size() != 1)
			{
				std::cerr << "cycle " << i << ": registrations missing" << std::endl;
				return 1;
			}
			// Exercise the hooks and the record extension through the API.
			const std::string number = std::to_string(i);
			const erp::HttpResponse customer = router.dispatch(
				"POST", "/api/customers", {},
				R"({"name": "Cycle )" + number + R"(", "reminders": {"enabled": true, "default": true}})", admin);
			const erp::HttpResponse invoice =
				router.dispatch("POST", "/api/invoices", {},
								R"({"number": "CY-)" + number + R"(", "customer_id": )" + std::to_string(i + 1) +
									R"(, "issue_date": "2026-10-01", "currency": "EUR", "total": "10", )"
									R"("reminders": {"with_reminder": true}})",
								admin);
			if (customer.status != 201 || invoice.status != 201 ||
				invoice.body.find("\"with_reminder\":true") == std::string::npos)
			{
				std::cerr << "cycle " << i << ": " << customer.body << " " << invoice.body << std::endl;
				return 1;
			}
			const erp::TaskResult result = host.runtime().runTask("reminders.weekly", "2026-11-30", false, "check");
			if (result.summary.empty()) return 1;
			if (throughApi || i + 1 == cycles)
			{
				host.runtime().plugins().unloadAll();
			}
			else
			{
				const erp::HttpResponse disabled =
					router.dispatch("PUT", "/api/plugins/reminders", {}, R"({"enabled": false})", admin);
				if (disabled.status != 200 || disabled.body.find("\"disabled\"") == std::string::npos)
				{
					std::cerr << "cycle " << i << ": disable: " << disabled.body << std::endl;
					return 1;
				}
			}
			if (!host.runtime().events().subscriptions("reminders").empty() ||
				!host.runtime().scheduler().tasks().empty())
			{
				std::cerr << "cycle " << i << ": registrations left after unload" << std::endl;
				return 1;
			}
		}
		std::cout << cycles << " load/unload cycles, no registration left" << std::endl;
		return 0;
	}
	catch (Poco::Exception& exc)
	{
		std::cerr << exc.displayText() << std::endl;
		return 1;
	}
}
