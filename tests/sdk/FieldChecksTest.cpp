//
// FieldChecksTest.cpp
//
// Every field a request got wrong is refused at once: FieldChecks gathers
// them, InvalidFields carries them, HttpResponse::error lists them.
//


#include "erp/FieldChecks.h"
#include "erp/Http.h"
#include <Poco/JSON/Parser.h>
#include <cppunit/extensions/HelperMacros.h>


class FieldChecksTest: public CppUnit::TestFixture
{
	CPPUNIT_TEST_SUITE(FieldChecksTest);
	CPPUNIT_TEST(testEveryRefusedFieldIsKeptInOrder);
	CPPUNIT_TEST(testOneRefusalIsAPlainApiError);
	CPPUNIT_TEST(testAnErrorOfNoFieldIsThrownAtOnce);
	CPPUNIT_TEST(testAFieldsFirstErrorStands);
	CPPUNIT_TEST(testTheAnswerListsEveryField);
	CPPUNIT_TEST_SUITE_END();

public:
	void testEveryRefusedFieldIsKeptInOrder()
	{
		erp::FieldChecks checks;
		const auto name = checks.value([]() -> std::string { throw erp::ApiError::invalid("name", "name is empty"); });
		const auto total = checks.value([] { return 42; });
		CPPUNIT_ASSERT(!checks.passes([] { throw erp::ApiError::invalid("email", "email is not an address"); }));
		CPPUNIT_ASSERT(checks.passes([] {}));
		checks.refuse(erp::ApiError(409, "duplicate_number", "an invoice numbered A-1 exists", "number"));
		CPPUNIT_ASSERT(!name);
		CPPUNIT_ASSERT_EQUAL(42, *total);
		CPPUNIT_ASSERT(checks.refused("name") && checks.refused("email") && checks.refused("number"));
		CPPUNIT_ASSERT(!checks.refused("total"));
		try
		{
			checks.throwIfAny();
			CPPUNIT_FAIL("three fields were refused");
		}
		catch (const erp::InvalidFields& refused)
		{
			// The first is what a client that knows one error shows.
			CPPUNIT_ASSERT_EQUAL(400, refused.status());
			CPPUNIT_ASSERT_EQUAL(std::string("name"), refused.field());
			CPPUNIT_ASSERT_EQUAL(std::string("name is empty"), std::string(refused.what()));
			CPPUNIT_ASSERT_EQUAL(std::size_t(3), refused.errors().size());
			CPPUNIT_ASSERT_EQUAL(std::string("email"), refused.errors()[1].field());
			CPPUNIT_ASSERT_EQUAL(std::string("duplicate_number"), refused.errors()[2].code());
			CPPUNIT_ASSERT_EQUAL(409, refused.errors()[2].status());
		}
	}

	void testOneRefusalIsAPlainApiError()
	{
		erp::FieldChecks checks;
		checks.throwIfAny(); // nothing refused: returns
		checks.value([]() -> int { throw erp::ApiError::invalid("total", "total must be above zero"); });
		try
		{
			checks.throwIfAny();
			CPPUNIT_FAIL("total was refused");
		}
		catch (const erp::ApiError& refused)
		{
			CPPUNIT_ASSERT(dynamic_cast<const erp::InvalidFields*>(&refused) == nullptr);
			CPPUNIT_ASSERT_EQUAL(std::string("total"), refused.field());
		}
	}

	void testAnErrorOfNoFieldIsThrownAtOnce()
	{
		erp::FieldChecks checks;
		checks.value([]() -> int { throw erp::ApiError::invalid("total", "total must be above zero"); });
		CPPUNIT_ASSERT_THROW_MESSAGE("a body that is not JSON is nobody's field", checks.value([]() -> int {
			throw erp::ApiError(400, "invalid_json", "the body is not JSON");
		}),
									 erp::ApiError);
		bool ran = false;
		CPPUNIT_ASSERT_THROW(checks.passes([&] {
			ran = true;
			throw erp::ApiError::notFound("invoice 7");
		}),
							 erp::ApiError);
		CPPUNIT_ASSERT(ran);
		CPPUNIT_ASSERT(!checks.refused(""));
	}

	void testAFieldsFirstErrorStands()
	{
		erp::FieldChecks checks;
		checks.refuse(erp::ApiError::invalid("due_date", "due_date must not be before issue_date"));
		checks.refuse(erp::ApiError::invalid("due_date", "due_date must be a date"));
		checks.refuse(erp::ApiError::invalid("total", "total must be above zero"));
		try
		{
			checks.throwIfAny();
			CPPUNIT_FAIL("two fields were refused");
		}
		catch (const erp::InvalidFields& refused)
		{
			CPPUNIT_ASSERT_EQUAL(std::size_t(2), refused.errors().size());
			CPPUNIT_ASSERT_EQUAL(std::string("due_date must not be before issue_date"),
								 std::string(refused.errors()[0].what()));
		}
		CPPUNIT_ASSERT_THROW(erp::InvalidFields({}), std::invalid_argument);
	}

	void testTheAnswerListsEveryField()
	{
		const erp::InvalidFields refused({erp::ApiError::invalid("name", "name is empty"),
										  erp::ApiError::invalid("email", "email is not an address: a\xff")});
		const erp::HttpResponse answer = erp::HttpResponse::error(refused);
		CPPUNIT_ASSERT_EQUAL(400, answer.status);
		Poco::JSON::Parser parser;
		Poco::JSON::Object::Ptr error =
			parser.parse(answer.body).extract<Poco::JSON::Object::Ptr>()->getObject("error");
		CPPUNIT_ASSERT_EQUAL(std::string("invalid_field"), error->getValue<std::string>("code"));
		CPPUNIT_ASSERT_EQUAL(std::string("name"), error->getValue<std::string>("field"));
		Poco::JSON::Array::Ptr errors = error->getArray("errors");
		CPPUNIT_ASSERT(!errors.isNull());
		CPPUNIT_ASSERT_EQUAL(std::size_t(2), errors->size());
		CPPUNIT_ASSERT_EQUAL(std::string("email"), errors->getObject(1)->getValue<std::string>("field"));
		// Bytes that are not UTF-8 are shown, not passed on.
		CPPUNIT_ASSERT_EQUAL(std::string("email is not an address: a\\xFF"),
							 errors->getObject(1)->getValue<std::string>("message"));
		// A plain ApiError's answer has no list.
		const erp::HttpResponse one = erp::HttpResponse::error(erp::ApiError::invalid("name", "name is empty"));
		CPPUNIT_ASSERT(one.body.find("errors") == std::string::npos);
		CPPUNIT_ASSERT(one.body.find(R"("field":"name")") != std::string::npos);
	}
};


CPPUNIT_TEST_SUITE_NAMED_REGISTRATION(FieldChecksTest, "sdk");
