//
// JsonInput.cpp
//


#include "JsonInput.h"


namespace host {


void JsonInput::allowOnly(const std::set<std::string>& fields, const RecordRegistry& sections) const
{
	erp::JsonBody::allowOnly([&](const std::string& name) { return fields.count(name) > 0 || sections.knows(name); });
}


} // namespace host
