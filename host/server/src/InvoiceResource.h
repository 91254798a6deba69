//
// InvoiceResource.h
//


#ifndef Host_InvoiceResource_INCLUDED
#define Host_InvoiceResource_INCLUDED


#include "HostServices.h"
#include "erp/Http.h"
#include <Poco/JSON/Object.h>


namespace host {


class InvoiceResource
/// /api/invoices and /api/invoices/{id}/payments. Accountants and admins.
///
/// An invoice: number (unique), customer_id, issue_date, optional
/// due_date (not before issue_date), currency (ISO 4217), total (decimal
/// string above zero), optional paid (true: paid in full at issue). Its
/// status follows its payments: issued, partially_paid, paid.
/// A payment: amount (decimal string above zero, at most what is
/// outstanding), paid_on (default: today), optional reference.
///
/// The list filters by customer_id, status, customer_name (part of the
/// name) and overdue=true (due before the business's today, not paid in
/// full), oldest first or with order=newest newest first; its items
/// carry customer_name.
///
/// invoice.created and payment.recorded are published inside the write
/// transaction, after the host's rows and the audit entry are written.
{
public:
	explicit InvoiceResource(HostServices& services);

	void mount();

	erp::HttpResponse create(const erp::HttpRequest& request);
	erp::HttpResponse list(const erp::HttpRequest& request);
	erp::HttpResponse get(const erp::HttpRequest& request);
	erp::HttpResponse pay(const erp::HttpRequest& request);

	static std::string statusFor(Poco::Int64 totalMinor, Poco::Int64 paidMinor);

private:
	Poco::JSON::Object::Ptr record(Poco::Data::Session& session, Poco::Int64 id, bool withPayments);
	Poco::Int64 insertPayment(Poco::Data::Session& session, Poco::Int64 invoiceId, Poco::Int64 amountMinor,
							  const std::string& paidOn, const std::string& reference, const std::string& actor);

	HostServices& _services;
};


} // namespace host


#endif // Host_InvoiceResource_INCLUDED
