//
// ScreenContractTest.cpp
//
// The pure parts of the screens contract: what a declaration may say
// (ScreenRegistry::check), how a view model fills a plugin page's template
// (JsonDictionary), and how a posted form becomes a route's JSON body
// (FormJson).
//


#include "web/Condition.h"
#include "web/FormJson.h"
#include "web/JsonDictionary.h"
#include "web/ScreenRegistry.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <cppunit/extensions/HelperMacros.h>
#include <ctemplate/template.h>
#include <sstream>


namespace {

erp::Texts both(const char* text)
{
	return {{"el", text}, {"en", text}};
}

erp::ScreenSet valid()
{
	erp::ScreenSet set;
	erp::SettingsTab tab;
	tab.id = "mail";
	tab.label = both("Mail");
	tab.route = "settings";
	tab.switchField = "on";
	tab.pageAfterSwitchOn = "start";
	tab.fields.push_back({"on", "bool", both("On"), {}, {}, erp::Role::ACCOUNTANT});
	tab.fields.push_back({"days", "int", both("Days"), both("help"), {}, erp::Role::ADMIN});
	set.tabs.push_back(tab);
	erp::PluginPage page;
	page.id = "start";
	page.label = both("Start");
	page.templateFile = "start.tpl";
	page.viewRoute = "ui/start";
	page.actions.push_back(
		{"go", "POST", "go", erp::Role::ADMIN, {{"ids", "ids", both("Ids"), {}, {}, erp::Role::ACCOUNTANT}}, ""});
	set.pages.push_back(page);
	set.actions.push_back({"invoice", both("Star"), "stars", "stars/{id}", "starred"});
	set.views.push_back({"invoice", both("Notes"), "notes/{id}", {{"text", both("Text"), "text"}}, both("None"), {}});
	return set;
}

std::string json(const Poco::JSON::Object& object)
{
	std::ostringstream out;
	Poco::JSON::Stringifier::stringify(object, out);
	return out.str();
}

std::string render(const std::string& tpl, const std::string& model)
{
	ctemplate::TemplateCache cache;
	CPPUNIT_ASSERT(cache.StringToTemplateCache("t.tpl", tpl, ctemplate::DO_NOT_STRIP));
	cache.Freeze();
	ctemplate::TemplateDictionary dictionary("t");
	host::JsonDictionary::fill(dictionary, *Poco::JSON::Parser().parse(model).extract<Poco::JSON::Object::Ptr>());
	std::string out;
	CPPUNIT_ASSERT(cache.ExpandNoLoad("t.tpl", ctemplate::DO_NOT_STRIP, &dictionary, nullptr, &out));
	return out;
}

} // namespace


class ScreenContractTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(ScreenContractTest);
	CPPUNIT_TEST(testAValidDeclarationPasses);
	CPPUNIT_TEST(testEachRuleRefuses);
	CPPUNIT_TEST(testViewModelFillsTheTemplate);
	CPPUNIT_TEST(testViewModelIsEscapedByTheTemplate);
	CPPUNIT_TEST(testFormBecomesTypedJson);
	CPPUNIT_TEST(testFormKeepsWhatTheRoleMayNotSend);
	CPPUNIT_TEST(testConditions);
	CPPUNIT_TEST_SUITE_END();

public:
	void testAValidDeclarationPasses()
	{
		host::ScreenRegistry::check(valid());
		host::ScreenRegistry::check(erp::ScreenSet());
	}

	void testEachRuleRefuses()
	{
		const struct
		{
			const char* what;
			void (*spoil)(erp::ScreenSet&);
		} cases[] = {
			{"a label without Greek", [](erp::ScreenSet& s) { s.tabs[0].label.erase("el"); }},
			{"an empty English label", [](erp::ScreenSet& s) { s.tabs[0].fields[0].label["en"] = ""; }},
			{"a tab id with a slash", [](erp::ScreenSet& s) { s.tabs[0].id = "a/b"; }},
			{"an upper-case page id",
			 [](erp::ScreenSet& s) {
				 s.pages[0].id = "Start";
				 s.tabs[0].pageAfterSwitchOn = "Start";
			 }},
			{"an absolute route", [](erp::ScreenSet& s) { s.tabs[0].route = "/api/x"; }},
			{"a route climbing out", [](erp::ScreenSet& s) { s.pages[0].viewRoute = "../../customers"; }},
			{"an unknown field type", [](erp::ScreenSet& s) { s.tabs[0].fields[1].type = "date"; }},
			{"a switch that is not bool", [](erp::ScreenSet& s) { s.tabs[0].switchField = "days"; }},
			{"a switch that is no field", [](erp::ScreenSet& s) { s.tabs[0].switchField = "gone"; }},
			{"a choice without choices", [](erp::ScreenSet& s) { s.tabs[0].fields[1].type = "choice"; }},
			{"an undeclared page after switch-on", [](erp::ScreenSet& s) { s.tabs[0].pageAfterSwitchOn = "nope"; }},
			{"two tabs of one id",
			 [](erp::ScreenSet& s) {
				 s.tabs.push_back(s.tabs[0]);
				 s.tabs[1].switchField.clear();
			 }},
			{"two switches",
			 [](erp::ScreenSet& s) {
				 s.tabs.push_back(s.tabs[0]);
				 s.tabs[1].id = "other";
			 }},
			{"an unknown role", [](erp::ScreenSet& s) { s.pages[0].minimum = static_cast<erp::Role>(7); }},
			{"an action with GET", [](erp::ScreenSet& s) { s.pages[0].actions[0].method = "GET"; }},
			{"an action field of a settings type",
			 [](erp::ScreenSet& s) { s.pages[0].actions[0].fields[0].type = "zone"; }},
			{"a template in a subfolder", [](erp::ScreenSet& s) { s.pages[0].templateFile = "../x.tpl"; }},
			{"a list action on an unknown entity", [](erp::ScreenSet& s) { s.actions[0].entity = "order"; }},
			{"a list action without a field", [](erp::ScreenSet& s) { s.actions[0].toggleField.clear(); }},
			{"a view column of an unknown kind", [](erp::ScreenSet& s) { s.views[0].columns[0].kind = "html"; }},
			{"a view without an empty text", [](erp::ScreenSet& s) { s.views[0].empty.clear(); }},
			{"a form default on the customer",
			 [](erp::ScreenSet& s) {
				 s.defaults.push_back({"customer", "x", "customer.a.b"});
			 }},
			{"a form default from the invoice",
			 [](erp::ScreenSet& s) {
				 s.defaults.push_back({"invoice", "x", "invoice.a.b"});
			 }},
		};
		for (const auto& each: cases)
		{
			erp::ScreenSet set = valid();
			each.spoil(set);
			CPPUNIT_ASSERT_THROW_MESSAGE(each.what, host::ScreenRegistry::check(set), Poco::InvalidArgumentException);
		}
	}

	void testViewModelFillsTheTemplate()
	{
		const std::string tpl =
			"{{TITLE}}|{{#ON}}on{{/ON}}{{#NO_OFF}}off{{/NO_OFF}}|{{#NO_GONE}}gone{{/NO_GONE}}|"
			"{{#HAS_ITEMS}}[{{#ITEMS}}{{INDEX}}:{{NAME}}{{#ITEMS_separator}},{{/ITEMS_separator}}{{/ITEMS}}]{{/"
			"HAS_ITEMS}}|"
			"{{#NO_EMPTY}}none{{/NO_EMPTY}}|{{#CUSTOMER}}{{NAME}}@{{ID}}{{/CUSTOMER}}|{{#TAGS}}{{VALUE}};{{/TAGS}}|"
			"{{COUNT}}|{{#HAS_NOTE}}note{{/HAS_NOTE}}{{#NO_NOTE}}no note{{/NO_NOTE}}|{{#NO_BLANK}}blank{{/NO_BLANK}}";
		const std::string model = R"({"title": "Τίτλος", "on": true, "off": false, "gone": null,
			"items": [{"name": "a"}, {"name": "b"}], "empty": [], "customer": {"name": "Μαρία", "id": 7},
			"tags": ["x", 2], "count": 12345678901, "note": "n", "blank": ""})";
		CPPUNIT_ASSERT_EQUAL(std::string("Τίτλος|onoff|gone|[1:a,2:b]|none|Μαρία@7|x;2;|12345678901|note|blank"),
							 render(tpl, model));
	}

	void testViewModelIsEscapedByTheTemplate()
	{
		const std::string out = render("{{%AUTOESCAPE context=\"HTML\"}}<p title=\"{{T}}\">{{T}}</p>",
									   R"({"t": "<script>alert(\"x\")</script> & 'q'"})");
		CPPUNIT_ASSERT_MESSAGE(out, out.find("<script>") == std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(out, out.find("&lt;script&gt;") != std::string::npos);
		CPPUNIT_ASSERT_MESSAGE(out, out.find("&quot;") != std::string::npos);
	}

	void testFormBecomesTypedJson()
	{
		std::vector<erp::ScreenField> fields = {
			{"on", "bool", both("On"), {}, {}, erp::Role::ACCOUNTANT},
			{"off", "bool", both("Off"), {}, {}, erp::Role::ACCOUNTANT},
			{"days", "int", both("Days"), {}, {}, erp::Role::ACCOUNTANT},
			{"bad", "int", both("Bad"), {}, {}, erp::Role::ACCOUNTANT},
			{"name", "text", both("Name"), {}, {}, erp::Role::ACCOUNTANT},
			{"ids", "ids", both("Ids"), {}, {}, erp::Role::ACCOUNTANT},
			{"secret", "password", both("Secret"), {}, {}, erp::Role::ACCOUNTANT, true},
			{"absent", "text", both("Absent"), {}, {}, erp::Role::ACCOUNTANT},
		};
		erp::ScreenField cleared{"reply", "email", both("Reply"), {}, {}, erp::Role::ACCOUNTANT};
		cleared.optional = true;
		fields.push_back(cleared);
		const std::multimap<std::string, std::string> form = {
			{"on", "0"},  {"on", "1"},  {"off", "0"}, {"days", " 14 "}, {"bad", "12abc"}, {"name", "  Μαρία "},
			{"ids", "3"}, {"ids", "x"}, {"ids", "5"}, {"secret", ""},   {"reply", ""},    {"unknown", "ignored"}};
		CPPUNIT_ASSERT_EQUAL(
			std::string(R"({"bad":"12abc","days":14,"ids":[3,5],"name":"Μαρία","off":false,"on":true,"reply":null})"),
			json(*host::FormJson::body(fields, form, erp::Role::ACCOUNTANT)));
		// A typed secret is sent as typed, spaces and all.
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"secret":" s3 "})"),
							 json(*host::FormJson::body({fields[6]}, {{"secret", " s3 "}}, erp::Role::ACCOUNTANT)));
	}

	void testConditions()
	{
		using host::Condition;
		const std::string reminders = "!invoice.paid && customer.reminders.enabled";
		CPPUNIT_ASSERT(Condition::holds(reminders, {{"invoice.paid", "0"}, {"customer.reminders.enabled", "1"}}));
		CPPUNIT_ASSERT(!Condition::holds(reminders, {{"invoice.paid", "1"}, {"customer.reminders.enabled", "1"}}));
		CPPUNIT_ASSERT(!Condition::holds(reminders, {{"invoice.paid", "0"}, {"customer.reminders.enabled", "0"}}));
		// No customer chosen yet: its fields are unknown, so false.
		CPPUNIT_ASSERT(!Condition::holds(reminders, {{"invoice.paid", "0"}}));
		CPPUNIT_ASSERT(Condition::holds("", {}));
		CPPUNIT_ASSERT(Condition::holds("a || b && c", {{"a", "true"}}));
		CPPUNIT_ASSERT(!Condition::holds("(a || b) && c", {{"a", "true"}}));
		CPPUNIT_ASSERT(Condition::holds("!!a", {{"a", "1"}}));
		CPPUNIT_ASSERT(Condition::holds(" !( a&&b ) ", {{"a", "1"}}));
		for (const char* bad: {"a &&", "&& a", "(a", "a)", "a & b", "a b", "!", "a || || b", "a == b"})
			CPPUNIT_ASSERT_THROW_MESSAGE(bad, Condition::check(bad), Poco::SyntaxException);
	}

	void testFormKeepsWhatTheRoleMayNotSend()
	{
		const std::vector<erp::ScreenField> fields = {
			{"days", "int", both("Days"), {}, {}, erp::Role::ACCOUNTANT},
			{"time", "time", both("Time"), {}, {}, erp::Role::ADMIN},
		};
		const std::multimap<std::string, std::string> form = {{"days", "3"}, {"time", "09:00"}};
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"days":3})"),
							 json(*host::FormJson::body(fields, form, erp::Role::ACCOUNTANT)));
		CPPUNIT_ASSERT_EQUAL(std::string(R"({"days":3,"time":"09:00"})"),
							 json(*host::FormJson::body(fields, form, erp::Role::ADMIN)));
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(ScreenContractTest, "web");
