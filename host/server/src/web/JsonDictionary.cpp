//
// JsonDictionary.cpp
//


#include "web/JsonDictionary.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>


namespace host {


namespace {

const int MAX_DEPTH = 16;

std::string scalar(const Poco::Dynamic::Var& value)
{
	if (value.isInteger()) return std::to_string(value.convert<Poco::Int64>());
	return value.convert<std::string>();
}

} // namespace


std::string JsonDictionary::key(const std::string& name)
{
	std::string result;
	for (char c: name)
	{
		if (c >= 'a' && c <= 'z')
			result += static_cast<char>(c - 'a' + 'A');
		else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			result += c;
		else
			result += '_';
	}
	return result;
}


void JsonDictionary::fill(ctemplate::TemplateDictionary& dictionary, const Poco::JSON::Object& object)
{
	fillObject(dictionary, object, 0);
}


void JsonDictionary::fillObject(ctemplate::TemplateDictionary& dictionary, const Poco::JSON::Object& object, int depth)
{
	if (depth > MAX_DEPTH) throw Poco::DataFormatException("a view model nests too deep");
	for (const auto& [name, value]: object)
		member(dictionary, key(name), value, depth);
}


void JsonDictionary::member(ctemplate::TemplateDictionary& dictionary, const std::string& name,
							const Poco::Dynamic::Var& value, int depth)
{
	bool present = true;
	if (value.isEmpty())
	{
		present = false;
	}
	else if (value.type() == typeid(Poco::JSON::Object::Ptr))
	{
		Poco::JSON::Object::Ptr object = value.extract<Poco::JSON::Object::Ptr>();
		fillObject(*dictionary.AddSectionDictionary(name), *object, depth + 1);
	}
	else if (value.type() == typeid(Poco::JSON::Array::Ptr))
	{
		Poco::JSON::Array::Ptr array = value.extract<Poco::JSON::Array::Ptr>();
		present = array->size() > 0;
		for (std::size_t i = 0; i < array->size(); ++i)
		{
			ctemplate::TemplateDictionary* element = dictionary.AddSectionDictionary(name);
			element->SetIntValue("INDEX", static_cast<long>(i + 1));
			const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
			if (item.type() == typeid(Poco::JSON::Object::Ptr))
				fillObject(*element, *item.extract<Poco::JSON::Object::Ptr>(), depth + 1);
			else if (!item.isEmpty() && item.type() != typeid(Poco::JSON::Array::Ptr))
				element->SetValue("VALUE", scalar(item));
		}
	}
	else if (value.isBoolean())
	{
		present = value.convert<bool>();
		if (present) dictionary.ShowSection(name);
	}
	else
	{
		const std::string text = scalar(value);
		dictionary.SetValue(name, text);
		present = !text.empty();
	}
	dictionary.ShowSection(present ? "HAS_" + name : "NO_" + name);
}


} // namespace host
