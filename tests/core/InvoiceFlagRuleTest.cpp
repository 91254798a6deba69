//
// InvoiceFlagRuleTest.cpp
//


#include "plugin/core/InvoiceFlagRule.h"
#include <cppunit/extensions/HelperMacros.h>


using reminders::InvoiceFlagRule;


class InvoiceFlagRuleTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(InvoiceFlagRuleTest);
	CPPUNIT_TEST(testTable);
	CPPUNIT_TEST(testExplanations);
	CPPUNIT_TEST(testEffectiveState);
	CPPUNIT_TEST_SUITE_END();

public:
	void testTable()
	{
		using V = InvoiceFlagRule::Verdict;
		const struct
		{
			bool withReminder;
			bool customerEnabled;
			const char* status;
			V expected;
		} cases[] = {
			{true, true, "issued", V::ALLOWED},       {true, true, "partially_paid", V::ALLOWED},
			{true, true, "paid", V::INVOICE_PAID},    {true, true, "void", V::INVOICE_VOID},
			{true, false, "issued", V::CUSTOMER_OFF}, {true, false, "paid", V::INVOICE_PAID},
			{false, true, "paid", V::ALLOWED},        {false, false, "issued", V::ALLOWED},
			{false, false, "void", V::ALLOWED},
		};
		for (const auto& c: cases)
			CPPUNIT_ASSERT_MESSAGE(std::string(c.status) + (c.withReminder ? " on" : " off") +
									   (c.customerEnabled ? " enabled" : " disabled"),
								   InvoiceFlagRule::check(c.withReminder, c.customerEnabled, c.status) == c.expected);
	}

	void testExplanations()
	{
		using V = InvoiceFlagRule::Verdict;
		CPPUNIT_ASSERT(InvoiceFlagRule::explain(V::INVOICE_PAID).find("paid") != std::string::npos);
		CPPUNIT_ASSERT(InvoiceFlagRule::explain(V::INVOICE_VOID).find("void") != std::string::npos);
		CPPUNIT_ASSERT(InvoiceFlagRule::explain(V::CUSTOMER_OFF).find("turned off") != std::string::npos);
	}

	void testEffectiveState()
	{
		// feature on, flag, customer on, status, outstanding, window ended -> effective, because
		const struct
		{
			bool feature;
			bool flag;
			bool customer;
			const char* status;
			long long outstanding;
			bool ended;
			bool effective;
			const char* because;
		} cases[] = {
			{true, true, true, "issued", 100, false, true, ""},
			{true, true, true, "partially_paid", 40, false, true, ""},
			{true, true, false, "issued", 100, false, false, "customer_off"},
			{false, true, true, "issued", 100, false, false, "feature_off"},
			{false, true, false, "issued", 100, false, false, "feature_off"},
			{true, true, true, "paid", 0, false, false, "paid"},
			{true, true, false, "paid", 0, false, false, "paid"},
			{true, true, true, "issued", 0, false, false, "paid"}, // nothing left to pay
			{true, true, true, "void", 100, false, false, "void"},
			{true, false, true, "issued", 100, false, false, "not_flagged"},
			{true, false, false, "issued", 100, false, false, "customer_off"},
			{true, true, true, "issued", 100, true, false, "reminders_ended"},
		};
		for (const auto& c: cases)
		{
			const InvoiceFlagRule::Effect effect =
				InvoiceFlagRule::effect(c.feature, c.flag, c.customer, c.status, c.outstanding, c.ended);
			const std::string what = std::string(c.status) + " " + c.because;
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, c.effective, effect.effective);
			CPPUNIT_ASSERT_EQUAL_MESSAGE(what, std::string(c.because), effect.because);
		}
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InvoiceFlagRuleTest, "core");
