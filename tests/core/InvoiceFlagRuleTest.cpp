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
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(InvoiceFlagRuleTest, "core");
