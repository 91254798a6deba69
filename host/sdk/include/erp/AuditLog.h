//
// AuditLog.h
//
// The host's append-only audit log.
//


#ifndef Erp_AuditLog_INCLUDED
#define Erp_AuditLog_INCLUDED


#include "erp/Abi.h"
#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <sstream>
#include <string>
#include <vector>


namespace erp {


struct AuditEntry
{
	std::string actor;    /// user name, or "scheduler" / "system"
	std::string action;   /// dotted verb, plugin actions prefixed with the plugin id: "reminders.invoice.flag"
	std::string entity;   /// "customer", "invoice", "settings", ...
	std::string entityId; /// the entity's id, or empty
	std::string details;  /// a JSON object as text (never secrets), or empty

	static std::string json(const Poco::JSON::Object& details)
	/// The details object as the entry's text.
	{
		std::ostringstream text;
		details.stringify(text);
		return text.str();
	}
};


class ERP_API AuditLog
/// Appends audit entries. Thread-safe.
{
public:
	virtual ~AuditLog() = default;

	virtual void append(const AuditEntry& entry) = 0;
	/// Appends in its own transaction.

	virtual void append(Poco::Data::Session& transaction, const AuditEntry& entry) = 0;
	/// Appends inside the caller's open transaction: the entry commits or
	/// rolls back with the change it describes.

	virtual void appendAll(Poco::Data::Session& transaction, const std::vector<AuditEntry>& entries)
	/// Since ABI 1.4. Appends the entries, in order, inside the caller's open
	/// transaction, as append(transaction, entry) each would; a host writes
	/// them with one statement prepared once. Nothing for an empty list.
	{
		for (const AuditEntry& entry: entries)
			append(transaction, entry);
	}
};


} // namespace erp


#endif // Erp_AuditLog_INCLUDED
