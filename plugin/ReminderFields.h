//
// ReminderFields.h
//


#ifndef Reminders_ReminderFields_INCLUDED
#define Reminders_ReminderFields_INCLUDED


#include "erp/AuditLog.h"
#include "erp/Records.h"
#include "plugin/store/ReminderFieldStore.h"
#include <vector>


namespace reminders {


class ReminderFields: public erp::RecordExtension
/// The plugin's fields on the host's records:
///   customer "reminders": {"enabled": bool, "default": bool}
///   invoice  "reminders": {"with_reminder": bool}
/// Every change is audited with the acting user, old and new values.
{
public:
	ReminderFields(const ReminderFieldStore& store, erp::AuditLog& audit);

	static std::vector<erp::FieldSpec> specs();

	void validate(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
				  const Poco::JSON::Object& values, const Poco::JSON::Object& request) override;
	void write(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
			   const Poco::JSON::Object& values, const std::string& actor) override;
	Poco::JSON::Object::Ptr read(Poco::Data::Session& session, const std::string& entity, Poco::Int64 id) override;

	void setInvoiceFlag(Poco::Data::Session& transaction, const InvoiceFacts& invoice, bool withReminder,
						const std::string& actor, const std::string& source);
	/// Checks InvoiceFlagRule (erp::ApiError 400 when refused), stores the
	/// flag and audits a change. `source` tells why: "request", "toggle",
	/// "customer_default", ...

private:
	const ReminderFieldStore& _store;
	erp::AuditLog& _audit;
};


} // namespace reminders


#endif // Reminders_ReminderFields_INCLUDED
