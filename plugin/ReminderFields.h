//
// ReminderFields.h
//


#ifndef Reminders_ReminderFields_INCLUDED
#define Reminders_ReminderFields_INCLUDED


#include "erp/AuditLog.h"
#include "erp/Clock.h"
#include "erp/Records.h"
#include "plugin/store/ReminderFieldStore.h"
#include "plugin/store/SettingsStore.h"
#include <map>
#include <mutex>
#include <optional>
#include <vector>


namespace reminders {


class ReminderFields: public erp::RecordExtension
/// The plugin's fields on the host's records:
///   customer "reminders": {"enabled": bool, "default": bool, "paused_until": "YYYY-MM-DD"|null}
///   invoice  "reminders": {"with_reminder": bool, "effective": bool, "because": string|null,
///                          "disputed": bool, "dispute_note": string|null}
/// "with_reminder" is the stored flag; "effective" says whether it takes
/// effect (the invoice is in the weekly reminders, now or once it is
/// due), "because" why not (InvoiceFlagRule::effect: "feature_off",
/// "paid", "void", "customer_off", "not_flagged", "reminders_ended").
/// ("disputed" too). "paused_until" ("" or null lifts the pause),
/// "with_reminder", "disputed" and "dispute_note" (at most NOTE_LENGTH
/// characters) are written. Every change is audited with the acting
/// user, old and new values.
{
public:
	ReminderFields(const ReminderFieldStore& store, const SettingsStore& settings, erp::AuditLog& audit,
				   const erp::Clock& clock);

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

	void setDispute(Poco::Data::Session& transaction, const InvoiceFacts& invoice, const Poco::JSON::Object& values,
					const std::string& actor);
	/// Stores "disputed" and "dispute_note" when the section has them and
	/// they change, and audits it (reminders.invoice.dispute). Validate first.

	void setInvoiceFlag(Poco::Data::Session& transaction, const InvoiceFacts& invoice, bool withReminder,
						const std::string& actor, const std::string& source, const CustomerFields& customer,
						std::optional<bool> before);
	/// The same, for a caller that has just read the customer's fields and
	/// the invoice's flag in its transaction (the invoice.created hook).

	Poco::JSON::Object::Ptr invoiceSection(Poco::Data::Session& session, Poco::Int64 id) const;
	/// {"with_reminder", "effective", "because", "disputed", "dispute_note"} for an invoice as it is now.

	void handOver(Poco::Data::Session& transaction, const InvoiceView& view);
	/// The invoice.created hook, as its last act in the creating
	/// transaction, hands over what the created invoice's section is
	/// worded from (what it just read and decided), so that the host's
	/// answer to POST /api/invoices, which reads the section in that same
	/// transaction, need not read it again. Not a cache: the next read()
	/// on the same connection takes it, and uses it only for the same
	/// invoice; any read() or write through these fields on the
	/// connection drops it. See read().

	void dropHandOver(Poco::Data::Session& session);
	/// Forgets what handOver() left for this connection (the hook calls it
	/// first, so that nothing of an earlier transaction can outlive a
	/// failure of its own).

	static constexpr std::size_t NOTE_LENGTH = 500;

private:
	Poco::JSON::Object::Ptr wordSection(const InvoiceView& view) const;
	std::optional<InvoiceView> takeHandOver(Poco::Data::Session& session);

	const ReminderFieldStore& _store;
	const SettingsStore& _settings;
	erp::AuditLog& _audit;
	const erp::Clock& _clock;

	// What handOver() left, by connection (at most one per connection, and
	// only from the hook to the answer of the same transaction).
	std::mutex _handOverMutex;
	std::map<const void*, InvoiceView> _handedOver;
};


} // namespace reminders


#endif // Reminders_ReminderFields_INCLUDED
