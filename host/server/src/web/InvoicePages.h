//
// InvoicePages.h
//


#ifndef Host_InvoicePages_INCLUDED
#define Host_InvoicePages_INCLUDED


#include "CustomerResource.h"
#include "InvoiceResource.h"
#include "erp/Clock.h"
#include "web/FormErrors.h"
#include "web/ListExtras.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/RecordFieldsForm.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"
#include <map>


namespace host {


class InvoicePages
/// The invoices list (paged; filtered by status, customer and overdue),
/// the new-invoice form, and an invoice's page with its payments and a
/// form to record one. Everything goes through InvoiceResource and
/// CustomerResource, the JSON API's own code: the same validation, audit
/// and events; the API's field errors are shown beside the field.
/// Amounts and dates in the page's language (DisplayFormat).
{
public:
	static const int PAGE_SIZE;        /// 20 invoices a page
	static const int CUSTOMER_CHOICES; /// at most 50 customers in the form's choice

	InvoicePages(InvoiceResource& invoices, CustomerResource& customers, const erp::Clock& clock,
				 const PageRenderer& pages, const MessageCatalog& messages, const RecordFieldsForm& extra,
				 const ListExtras& rows);

	WebResponse list(const WebRequest& request, const SignedIn& who) const;
	/// GET /invoices?page=N&status=S&customer=NAME&customer_id=ID&overdue=1,
	/// newest first.

	WebResponse form(const WebRequest& request, const SignedIn& who) const;
	/// GET /invoices/new; ?customer_q=TEXT narrows the customers to choose
	/// from (the form's search asks for this page and keeps the choice).

	WebResponse create(const WebRequest& request, const SignedIn& who) const;
	/// POST /invoices/new: 303 to the list, or the form again (422) with
	/// the error beside its field. With "refresh" in the form: the form
	/// again (200), its plugin fields shown or hidden and preset for the
	/// customer and «Εξοφλήθηκε» chosen now (htmx asks so on each change).

	WebResponse detail(const WebRequest& request, const SignedIn& who, const std::string& id) const;
	/// GET /invoices/{id}; `id` is digits (the caller checks). Throws
	/// erp::ApiError (404) for an unknown invoice.

	WebResponse pay(const WebRequest& request, const SignedIn& who, const std::string& id) const;
	/// POST /invoices/{id}/payments: 303 to the invoice's page, or the page
	/// again (422) with the error beside its field.

private:
	using Fields = std::map<std::string, std::string>;
	struct Extras
	/// The plugins' invoice fields the form shows now, and their values.
	{
		std::vector<RecordFieldsForm::Field> shown;
		RecordFieldsForm::Values values;
	};

	Extras extras(const SignedIn& who, const Fields& values,
				  const std::multimap<std::string, std::string>* posted) const;
	/// Shown: each field whose visibleWhen holds for «Εξοφλήθηκε» and the
	/// chosen customer's fields. Values: the declared default, the plugin's
	/// preset from the customer, or what was posted for the same customer.
	WebResponse formPage(const SignedIn& who, const Fields& values, const std::string& search, const FormErrors& errors,
						 int status, const Extras& extra, const std::string& extraField = "",
						 const PluginUi::Refusal& extraError = {}) const;
	/// extraField: a plugin's field the API refused, with the plugin's words.
	WebResponse detailPage(const SignedIn& who, const std::string& id, const Fields& values, const FormErrors& errors,
						   int status, bool paid) const;
	Poco::JSON::Array::Ptr customerChoices(const SignedIn& who, const std::string& search,
										   const std::string& selected) const;

	InvoiceResource& _invoices;
	CustomerResource& _customers;
	const erp::Clock& _clock;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
	const RecordFieldsForm& _extra;
	const ListExtras& _rows;
};


} // namespace host


#endif // Host_InvoicePages_INCLUDED
