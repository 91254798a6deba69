//
// MetricsRegistryTest.cpp
//


#include "ops/MetricsRegistry.h"
#include <Poco/Exception.h>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <stdexcept>


namespace tests {


class MetricsRegistryTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(MetricsRegistryTest);
	CPPUNIT_TEST(testCounters);
	CPPUNIT_TEST(testPluginGauges);
	CPPUNIT_TEST(testGaugeNames);
	CPPUNIT_TEST(testFailingGaugeLeftOut);
	CPPUNIT_TEST_SUITE_END();

public:
	static bool has(const std::string& text, const std::string& line)
	{
		return text.find("\n" + line + "\n") != std::string::npos;
	}

	void testCounters()
	{
		host::MetricsRegistry registry(Poco::Logger::get("test.metrics"));
		registry.countRequest("GET", "/api/customers/{id}", 200);
		registry.countRequest("GET", "/api/customers/{id}", 200);
		registry.countRequest("BREW", "(unmatched)", 404);
		registry.countTask("probe.task", true, 0.5);
		registry.countTask("probe.task", false, 1.5);
		registry.countTask("probe.task", true, 0.25);
		const std::string text = registry.render();
		CPPUNIT_ASSERT_MESSAGE(
			text, has(text, R"(erp_http_requests_total{method="GET",route="/api/customers/{id}",status="200"} 2)"));
		CPPUNIT_ASSERT_MESSAGE(
			text, has(text, R"m(erp_http_requests_total{method="OTHER",route="(unmatched)",status="404"} 1)m"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_runs_total{outcome="ok",task="probe.task"} 2)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_runs_total{outcome="failed",task="probe.task"} 1)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_duration_seconds_sum{task="probe.task"} 2.25)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_duration_seconds_count{task="probe.task"} 3)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_task_last_duration_seconds{task="probe.task"} 0.25)"));
	}

	void testPluginGauges()
	{
		host::MetricsRegistry registry(Poco::Logger::get("test.metrics"));
		registry.addGauge("shop-front", "shop_front_items", "Items", [] {
			return std::vector<erp::GaugeSample>{{{{"state", "new"}}, 3}, {{{"state", "old"}}, 4}};
		});
		registry.addCollector([](host::PrometheusText& text) {
			text.family("erp_host_thing", "gauge", "A host gauge");
			text.sample("erp_host_thing", {}, 9);
		});
		std::string text = registry.render();
		CPPUNIT_ASSERT_MESSAGE(text, has(text, "# TYPE shop_front_items gauge"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(shop_front_items{state="new"} 3)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(shop_front_items{state="old"} 4)"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, "erp_host_thing 9"));
		CPPUNIT_ASSERT_EQUAL(1, registry.removeGauges("shop-front"));
		text = registry.render();
		CPPUNIT_ASSERT(text.find("shop_front_items") == std::string::npos);
		CPPUNIT_ASSERT_EQUAL(0, registry.removeGauges("shop-front"));
	}

	void testGaugeNames()
	{
		host::MetricsRegistry registry(Poco::Logger::get("test.metrics"));
		const auto none = [] { return std::vector<erp::GaugeSample>(); };
		CPPUNIT_ASSERT_THROW(registry.addGauge("reminders", "erp_http_requests_total", "", none),
							 Poco::InvalidArgumentException); // another's prefix
		CPPUNIT_ASSERT_THROW(registry.addGauge("reminders", "reminders_", "", none), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.addGauge("reminders", "reminders_Upper", "", none),
							 Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(registry.addGauge("reminders", "reminders_x", "", {}), Poco::InvalidArgumentException);
		registry.addGauge("reminders", "reminders_x", "", none);
		CPPUNIT_ASSERT_THROW(registry.addGauge("reminders", "reminders_x", "", none), Poco::ExistsException);
	}

	void testFailingGaugeLeftOut()
	{
		host::MetricsRegistry registry(Poco::Logger::get("test.metrics"));
		registry.addGauge("probe", "probe_broken", "Broken",
						  []() -> std::vector<erp::GaugeSample> { throw std::runtime_error("the database is away"); });
		registry.addGauge("probe", "probe_fine", "Fine", [] { return std::vector<erp::GaugeSample>{{{}, 1}}; });
		const std::string text = registry.render();
		CPPUNIT_ASSERT_MESSAGE(text, text.find("probe_broken") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(text, has(text, "probe_fine 1"));
		CPPUNIT_ASSERT_MESSAGE(text, has(text, R"(erp_metrics_collect_failures_total{owner="probe"} 1)"));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(MetricsRegistryTest, "ops");


} // namespace tests
