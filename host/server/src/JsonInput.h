//
// JsonInput.h
//


#ifndef Host_JsonInput_INCLUDED
#define Host_JsonInput_INCLUDED


#include "RecordRegistry.h"
#include "erp/JsonBody.h"
#include <set>
#include <string>


namespace host {


class JsonInput: public erp::JsonBody
/// erp::JsonBody with the host's own checks: the fields a record allows
/// besides registered plugins' sections, and URL parameters.
{
public:
	using erp::JsonBody::JsonBody;

	void allowOnly(const std::set<std::string>& fields, const RecordRegistry& sections) const;
	/// Refuses a key that is neither a known field nor a registered plugin's section.
};


} // namespace host


#endif // Host_JsonInput_INCLUDED
