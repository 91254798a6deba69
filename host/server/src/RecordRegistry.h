//
// RecordRegistry.h
//


#ifndef Host_RecordRegistry_INCLUDED
#define Host_RecordRegistry_INCLUDED


#include "erp/Records.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <functional>
#include <map>
#include <shared_mutex>
#include <string>
#include <vector>


namespace host {


class RecordRegistry
/// The extra fields plugins add to customers and invoices, and the
/// extension objects that store them, keyed by plugin id.
///
/// Thread-safe. Calls into extensions happen under a shared lock, so
/// withdraw() waits for them.
{
public:
	void extend(const std::string& owner, const std::vector<erp::FieldSpec>& fields, erp::RecordExtension& extension);
	/// Throws Poco::InvalidArgumentException for a field of an unknown entity.
	void withdraw(const std::string& owner);

	bool knows(const std::string& owner) const;

	void validate(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
				  const Poco::JSON::Object& request) const;
	/// Passes each plugin section of the request to its extension.

	void write(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
			   const Poco::JSON::Object& request, const std::string& actor) const;

	void read(Poco::Data::Session& session, const std::string& entity, Poco::Int64 id,
			  Poco::JSON::Object& record) const;
	/// Adds each plugin's section to the record.

	Poco::JSON::Array::Ptr fields(const std::string& owner) const;
	/// The owner's field declarations as JSON, for the screens.

	std::vector<erp::FieldSpec> specs(const std::string& owner, const std::string& entity) const;

	std::vector<std::string> owners() const;
	/// The plugins that extend records, in id order.
	/// The owner's fields of one entity, as declared, in their order.

private:
	struct Extension
	{
		std::vector<erp::FieldSpec> fields;
		erp::RecordExtension* extension;
		bool covers(const std::string& entity) const;
	};

	static void inSection(const std::string& owner, const std::function<void()>& call);
	/// Runs an extension's call; an ApiError naming a field of the section
	/// is thrown again naming it as the request does: "<owner>.<field>".

	static Poco::Dynamic::Var defaultValue(const erp::FieldSpec& field);
	/// The declared default ("true", "3", "\"text\"") as a JSON value.

	mutable std::shared_mutex _mutex;
	std::map<std::string, Extension> _extensions;
};


} // namespace host


#endif // Host_RecordRegistry_INCLUDED
