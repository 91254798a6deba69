//
// AuditService.h
//


#ifndef Host_AuditService_INCLUDED
#define Host_AuditService_INCLUDED


#include "erp/AuditLog.h"
#include "erp/Database.h"
#include <Poco/JSON/Array.h>
#include <Poco/Types.h>
#include <string>
#include <vector>


namespace host {


class AuditService: public erp::AuditLog
/// The audit_log table: append for everyone, query for the API.
{
public:
	explicit AuditService(erp::Database& database);

	void append(const erp::AuditEntry& entry) override;
	void append(Poco::Data::Session& transaction, const erp::AuditEntry& entry) override;
	void appendAll(Poco::Data::Session& transaction, const std::vector<erp::AuditEntry>& entries) override;

	Poco::JSON::Array::Ptr query(const std::string& entity, const std::string& entityId, const std::string& action,
								 const std::string& plugin, Poco::Int64 beforeId, int limit);
	/// Newest first. Empty filters match everything; beforeId 0 means no
	/// bound. `plugin` keeps the actions that start with "<plugin>.".

private:
	erp::Database& _database;
};


} // namespace host


#endif // Host_AuditService_INCLUDED
