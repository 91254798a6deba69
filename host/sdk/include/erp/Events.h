//
// Events.h
//
// Business events the host publishes to plugins.
//


#ifndef Erp_Events_INCLUDED
#define Erp_Events_INCLUDED


#include "erp/Abi.h"
#include <Poco/Data/Session.h>
#include <Poco/JSON/Object.h>
#include <Poco/Types.h>
#include <functional>
#include <string>


namespace erp {


struct InvoiceCreated
/// Published after an invoice row is written, inside the host's open
/// write transaction: whatever a subscriber writes through `transaction`
/// commits or rolls back with the invoice.
///
/// Versioned: fields are only ever appended; `version` tells which are
/// filled. Version 1 is everything below.
{
	static constexpr int CURRENT_VERSION = 1;
	int version = CURRENT_VERSION;

	Poco::Int64 invoiceId = 0;
	Poco::Int64 customerId = 0;
	std::string number;
	std::string issueDate; /// YYYY-MM-DD
	std::string dueDate;   /// YYYY-MM-DD, empty when the invoice has none
	std::string currency;  /// ISO 4217
	Poco::Int64 totalMinor = 0;
	Poco::Int64 paidMinor = 0;
	std::string status; /// issued | partially_paid | paid | void

	std::string actor;                          /// the user who created the invoice
	Poco::Data::Session* transaction = nullptr; /// the host's open transaction

	Poco::JSON::Object::Ptr extensions;
	/// The request's plugin sections, keyed by plugin id (may be null or
	/// lack the subscriber's id). E.g. {"reminders": {"with_reminder": true}}.
};


struct PaymentRecorded
/// Published after a payment row is written and the invoice's paid
/// amount and status updated, inside the host's open write transaction.
/// Versioned like InvoiceCreated.
{
	static constexpr int CURRENT_VERSION = 1;
	int version = CURRENT_VERSION;

	Poco::Int64 paymentId = 0;
	Poco::Int64 invoiceId = 0;
	Poco::Int64 customerId = 0;
	std::string currency;
	Poco::Int64 amountMinor = 0; /// this payment
	std::string paidOn;          /// YYYY-MM-DD
	Poco::Int64 invoiceTotalMinor = 0;
	Poco::Int64 invoicePaidMinor = 0; /// all payments so far, this one included
	std::string invoiceStatus;        /// after this payment

	std::string actor;
	Poco::Data::Session* transaction = nullptr;
};


class ERP_API Events
/// Subscriptions to the host's events.
///
/// Handlers run synchronously on the thread that made the change, in
/// subscription order, each inside its own savepoint of the host's
/// transaction. A handler that throws has its own writes rolled back; the
/// host logs and audits the failure, the change itself stands and the
/// other subscribers still run. Handlers should still catch what they can:
/// an exception is a defect, not a way to report an outcome.
///
/// Thread-safe.
{
public:
	using SubscriptionId = Poco::UInt64;
	using InvoiceCreatedHandler = std::function<void(const InvoiceCreated&)>;
	using PaymentRecordedHandler = std::function<void(const PaymentRecorded&)>;

	static constexpr const char* INVOICE_CREATED = "invoice.created";
	static constexpr const char* PAYMENT_RECORDED = "payment.recorded";

	virtual ~Events() = default;

	virtual SubscriptionId onInvoiceCreated(InvoiceCreatedHandler handler) = 0;
	virtual SubscriptionId onPaymentRecorded(PaymentRecordedHandler handler) = 0;

	virtual void unsubscribe(SubscriptionId id) = 0;
	/// Removes a subscription; unknown ids are ignored. Waits for running
	/// calls of the handler to finish.
};


} // namespace erp


#endif // Erp_Events_INCLUDED
