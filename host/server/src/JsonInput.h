//
// JsonInput.h
//


#ifndef Host_JsonInput_INCLUDED
#define Host_JsonInput_INCLUDED


#include "RecordRegistry.h"
#include <Poco/JSON/Object.h>
#include <Poco/Types.h>
#include <map>
#include <optional>
#include <set>
#include <string>


namespace host {


class JsonInput
/// Reads a request's JSON object field by field; every problem is an
/// erp::ApiError 400 naming the field.
{
public:
	static Poco::JSON::Object::Ptr parse(const std::string& body);
	/// Throws 400 invalid_json unless the body is one JSON object.

	explicit JsonInput(Poco::JSON::Object::Ptr object);

	void allowOnly(const std::set<std::string>& fields, const RecordRegistry& sections) const;
	/// Refuses a key that is neither a known field nor a registered plugin's section.

	bool has(const std::string& field) const;
	bool isNull(const std::string& field) const;

	std::optional<std::string> text(const std::string& field, bool required, std::size_t maxLength) const;
	/// A string, trimmed; empty counts as missing. No control characters.
	std::optional<std::string> date(const std::string& field, bool required) const;
	std::optional<Poco::Int64> id(const std::string& field, bool required) const;
	std::optional<bool> boolean(const std::string& field) const;

	static Poco::Int64 pathId(const std::map<std::string, std::string>& params, const std::string& name);
	/// A positive id from the URL, or 404.
	static int queryInt(const std::map<std::string, std::string>& query, const std::string& name, int fallback,
						int minimum, int maximum);

	const Poco::JSON::Object& object() const;

private:
	Poco::JSON::Object::Ptr _object;
};


} // namespace host


#endif // Host_JsonInput_INCLUDED
