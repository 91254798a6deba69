//
// PrometheusTextTest.cpp
//


#include "ops/PrometheusText.h"
#include <Poco/Exception.h>
#include <cmath>
#include <cppunit/TestFixture.h>
#include <cppunit/extensions/HelperMacros.h>
#include <limits>


namespace tests {


class PrometheusTextTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(PrometheusTextTest);
	CPPUNIT_TEST(testFamilyAndSamples);
	CPPUNIT_TEST(testEscaping);
	CPPUNIT_TEST(testValues);
	CPPUNIT_TEST(testRefusals);
	CPPUNIT_TEST_SUITE_END();

public:
	void testFamilyAndSamples()
	{
		host::PrometheusText text;
		text.family("erp_things_total", "counter", "Things");
		text.sample("erp_things_total", {{"b", "2"}, {"a", "1"}}, 3);
		text.sample("erp_things_total", {}, 4);
		text.family("erp_time_seconds", "summary", "Time");
		text.sample("erp_time_seconds_sum", {{"task", "t"}}, 1.5);
		text.sample("erp_time_seconds_count", {{"task", "t"}}, 2);
		CPPUNIT_ASSERT_EQUAL(std::string("# HELP erp_things_total Things\n"
										 "# TYPE erp_things_total counter\n"
										 "erp_things_total{a=\"1\",b=\"2\"} 3\n"
										 "erp_things_total 4\n"
										 "# HELP erp_time_seconds Time\n"
										 "# TYPE erp_time_seconds summary\n"
										 "erp_time_seconds_sum{task=\"t\"} 1.5\n"
										 "erp_time_seconds_count{task=\"t\"} 2\n"),
							 text.str());
	}

	void testEscaping()
	{
		host::PrometheusText text;
		text.family("g", "gauge", "a \\ help\nline with \"quotes\"");
		text.sample("g", {{"v", "quo\"te back\\slash new\nline Ζωή \xFF"}}, 1);
		CPPUNIT_ASSERT_EQUAL(std::string("# HELP g a \\\\ help\\nline with \"quotes\"\n"
										 "# TYPE g gauge\n"
										 "g{v=\"quo\\\"te back\\\\slash new\\nline Ζωή \xEF\xBF\xBD\"} 1\n"),
							 text.str());
	}

	void testValues()
	{
		CPPUNIT_ASSERT_EQUAL(std::string("0"), host::PrometheusText::formatValue(0));
		CPPUNIT_ASSERT_EQUAL(std::string("-7"), host::PrometheusText::formatValue(-7));
		CPPUNIT_ASSERT_EQUAL(std::string("0.25"), host::PrometheusText::formatValue(0.25));
		CPPUNIT_ASSERT_EQUAL(std::string("NaN"), host::PrometheusText::formatValue(std::nan("")));
		CPPUNIT_ASSERT_EQUAL(std::string("+Inf"),
							 host::PrometheusText::formatValue(std::numeric_limits<double>::infinity()));
		CPPUNIT_ASSERT_EQUAL(std::string("1e+20"), host::PrometheusText::formatValue(1e20));
	}

	void testRefusals()
	{
		host::PrometheusText text;
		CPPUNIT_ASSERT_THROW(text.sample("x", {}, 1), Poco::InvalidArgumentException); // no family yet
		CPPUNIT_ASSERT_THROW(text.family("1bad", "gauge", ""), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(text.family("bad-name", "gauge", ""), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(text.family("ok", "histogramm", ""), Poco::InvalidArgumentException);
		text.family("ok", "gauge", "");
		CPPUNIT_ASSERT_THROW(text.family("ok", "gauge", ""), Poco::ExistsException);
		CPPUNIT_ASSERT_THROW(text.sample("other", {}, 1), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(text.sample("ok_sum", {}, 1), Poco::InvalidArgumentException); // not a summary
		CPPUNIT_ASSERT_THROW(text.sample("ok", {{"__reserved", "x"}}, 1), Poco::InvalidArgumentException);
		CPPUNIT_ASSERT_THROW(text.sample("ok", {{"bad-label", "x"}}, 1), Poco::InvalidArgumentException);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(PrometheusTextTest, "ops");


} // namespace tests
