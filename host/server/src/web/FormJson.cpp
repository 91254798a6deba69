//
// FormJson.cpp
//


#include "web/FormJson.h"
#include "erp/QueryParameters.h"
#include <Poco/JSON/Array.h>
#include <Poco/String.h>


namespace host {


Poco::JSON::Object::Ptr FormJson::body(const std::vector<erp::ScreenField>& fields,
									   const std::multimap<std::string, std::string>& form, erp::Role role)
{
	Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
	for (const erp::ScreenField& field: fields)
	{
		if (static_cast<int>(role) < static_cast<int>(field.minimum)) continue;
		auto found = form.find(field.name);
		if (field.type == "bool")
		{
			if (found == form.end()) continue;
			bool on = false;
			for (auto it = form.lower_bound(field.name); it != form.upper_bound(field.name); ++it)
				on = it->second != "false" && it->second != "0";
			body->set(field.name, on);
			continue;
		}
		if (field.type == "ids")
		{
			Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
			for (auto it = form.lower_bound(field.name); it != form.upper_bound(field.name); ++it)
			{
				if (auto id = erp::QueryParameters::decimal(Poco::trim(it->second))) ids->add(*id);
			}
			body->set(field.name, ids);
			continue;
		}
		if (found == form.end()) continue;
		const std::string text = Poco::trim(found->second);
		if (field.type == "password")
		{
			if (!found->second.empty()) body->set(field.name, found->second);
			continue;
		}
		if (text.empty())
		{
			// A required field emptied is sent as empty, for the route to
			// refuse: left out, the route kept the old value and the page
			// said "saved".
			if (field.optional)
				body->set(field.name, Poco::Dynamic::Var());
			else
				body->set(field.name, text);
			continue;
		}
		if (field.type == "int")
		{
			// Digits only: Poco's parser reads "7,5" as 75 (a thousands
			// separator); as text, the route refuses it.
			if (auto number = erp::QueryParameters::decimal(text))
				body->set(field.name, *number);
			else
				body->set(field.name, text);
			continue;
		}
		body->set(field.name, text);
	}
	return body;
}


} // namespace host
