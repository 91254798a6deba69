//
// ReminderFieldStore.h
//


#ifndef Reminders_ReminderFieldStore_INCLUDED
#define Reminders_ReminderFieldStore_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include <Poco/Data/Session.h>
#include <Poco/Types.h>
#include <optional>
#include <string>


namespace reminders {


struct CustomerFields
/// A customer's reminder fields; a customer never saved has the defaults.
{
	bool enabled = true;   /// «Ενεργοποίηση υπενθυμίσεων»: the customer may receive reminders
	bool defaultOn = true; /// «Προεπιλογή υπενθύμισης»: new invoices start "with reminder"
	std::string pausedUntil; /// «Παύση υπενθυμίσεων έως», YYYY-MM-DD: no reminder up to and including it; empty: none
};


struct InvoiceDispute
/// An invoice's dispute; an invoice never saved is not disputed.
{
	bool disputed = false; /// «Αμφισβητούμενο»: left out of the reminders while set
	std::string note;      /// «Σημείωση αμφισβήτησης»
};


struct InvoiceFacts
/// What the plugin needs of a host invoice.
{
	Poco::Int64 id = 0;
	Poco::Int64 customerId = 0;
	std::string number;
	std::string status;
};


struct CreationFacts
/// What the invoice.created hook decides on, and what the created
/// invoice's "reminders" section is worded from besides the host's
/// figures, read in one statement.
{
	bool switchOn = false;           /// the master switch (reminder_settings.enabled)
	CustomerFields customer;         /// the invoice's customer's fields (defaults when never saved)
	std::optional<bool> invoiceFlag; /// a flag already stored (an explicit choice in the request)
	bool storedFlag = false;         /// reminder_invoices.with_reminder as stored (false: no row)
	bool settingsSaved = false;      /// false: the settings below are the defaults (no row yet)
	int daysAfterDue = 0;
	int stopAfterMonths = 0;
	std::string timeZone;   /// empty: the host's
	InvoiceDispute dispute; /// a dispute given in the request (not disputed when none)
};


struct InvoiceView
/// What an invoice's "reminders" section is worded from, read in one statement.
{
	OpenInvoice invoice;
	bool settingsSaved = false; /// false: the settings below are the defaults (no row yet)
	bool switchOn = false;
	int daysAfterDue = 0;
	int stopAfterMonths = 0;
	std::string timeZone; /// empty: the host's
	bool customerEnabled = true;
	InvoiceDispute dispute; /// the invoice's dispute (not disputed when never saved)
};


class ReminderFieldStore
/// The per-customer and per-invoice reminder fields (tables
/// reminder_customers and reminder_invoices). Every call works inside the
/// caller's session and transaction. Stateless apart from the dialect;
/// thread-safe.
{
public:
	explicit ReminderFieldStore(const std::string& dialect);

	CustomerFields customer(Poco::Data::Session& session, Poco::Int64 customerId) const;
	void saveCustomer(Poco::Data::Session& session, Poco::Int64 customerId, const CustomerFields& fields,
					  const std::string& actor) const;

	std::optional<bool> invoiceFlag(Poco::Data::Session& session, Poco::Int64 invoiceId) const;
	/// nullopt when no flag was ever stored for the invoice.
	void saveInvoiceFlag(Poco::Data::Session& session, Poco::Int64 invoiceId, bool withReminder,
						 const std::string& actor) const;

	InvoiceDispute dispute(Poco::Data::Session& session, Poco::Int64 invoiceId) const;
	void saveDispute(Poco::Data::Session& session, Poco::Int64 invoiceId, const InvoiceDispute& dispute,
					 const std::string& actor) const;
	/// Creates the invoice's row unflagged when it has none.

	CreationFacts creationFacts(Poco::Data::Session& session, Poco::Int64 invoiceId, Poco::Int64 customerId) const;
	/// The switch and the window's settings, the customer's fields, the
	/// invoice's flag and dispute in one query, read in the caller's
	/// transaction: never stale, no cache (so nothing for another
	/// instance's settings change to invalidate).

	std::optional<InvoiceView> invoiceView(Poco::Data::Session& session, Poco::Int64 invoiceId) const;
	/// openInvoice() with the switch, the window's settings, the
	/// customer's switch and the invoice's dispute, in one query (each
	/// invoice the API answers reads it); nullopt when there is no such
	/// invoice.

	std::optional<InvoiceFacts> invoice(Poco::Data::Session& session, Poco::Int64 invoiceId) const;
	/// Reads the host's invoice row; nullopt when there is none.

	std::optional<OpenInvoice> openInvoice(Poco::Data::Session& session, Poco::Int64 invoiceId) const;
	/// The invoice as planning sees it (dates, amounts, status, flag); nullopt
	/// when there is none.

private:
	std::string _dialect;
};


} // namespace reminders


#endif // Reminders_ReminderFieldStore_INCLUDED
