//
// Records.h
//
// Extra fields a plugin adds to the host's records.
//


#ifndef Erp_Records_INCLUDED
#define Erp_Records_INCLUDED


#include "erp/Abi.h"
#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/Types.h>
#include <map>
#include <string>
#include <vector>


namespace erp {


struct FieldSpec
/// One extra field on a host record, as the screens show it.
{
	std::string entity;                       /// "customer" or "invoice"
	std::string name;                         /// key inside the plugin's section, e.g. "enabled"
	std::string type;                         /// "bool", "int" or "string"
	std::string defaultValue;                 /// as JSON text, e.g. "false"
	std::map<std::string, std::string> label; /// language code -> label, e.g. {"el": "...", "en": "..."}
	std::map<std::string, std::string> help;  /// language code -> one-line explanation
	std::string visibleWhen;                  /// a condition the screens evaluate, or empty; see docs/host-contract.md
};


class ERP_API RecordExtension
/// The plugin's side of its extra fields: the host stores and shows them
/// through this object. A record's extra fields travel in the record's
/// JSON under the plugin id: {"id": 7, ..., "reminders": {"enabled": true}}.
///
/// Called on the HTTP threads, concurrently.
{
public:
	virtual ~RecordExtension() = default;

	virtual void validate(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
						  const Poco::JSON::Object& values, const Poco::JSON::Object& request) = 0;
	/// Checks the plugin's section (`values`) of a create or update request
	/// before anything is written; `request` is the whole request body, for
	/// rules that depend on the host's fields (id is 0 for a record about to
	/// be created). Throws ApiError naming the field when refused, either as
	/// the section names it ("enabled") or as the request does
	/// ("reminders.enabled"): the host answers with the latter.

	virtual void write(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
					   const Poco::JSON::Object& values, const std::string& actor) = 0;
	/// Stores the section inside the host's open transaction, after the host
	/// wrote its own columns. Only called when the request has the section.

	virtual Poco::JSON::Object::Ptr read(Poco::Data::Session& session, const std::string& entity, Poco::Int64 id) = 0;
	/// Returns the section for one record (defaults when nothing is stored).
};


class ERP_API Records
/// Registry of record extensions. Thread-safe.
{
public:
	virtual ~Records() = default;

	virtual void extend(const std::vector<FieldSpec>& fields, RecordExtension& extension) = 0;
	/// Declares the plugin's fields and the object that stores them. The
	/// extension must outlive the registration (until withdraw() or stop()).

	virtual void withdraw() = 0;
	/// Removes the plugin's fields and extension.
};


} // namespace erp


#endif // Erp_Records_INCLUDED
