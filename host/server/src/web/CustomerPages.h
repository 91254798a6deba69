//
// CustomerPages.h
//


#ifndef Host_CustomerPages_INCLUDED
#define Host_CustomerPages_INCLUDED


#include "CustomerResource.h"
#include "web/FormErrors.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/RecordFieldsForm.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"


namespace host {


class CustomerPages
/// The customers list (paged, searchable) and the customer form (new and
/// edit). Everything goes through CustomerResource, the JSON API's own
/// code: the same validation (plugins' included), audit and events; its
/// field errors are shown beside the field.
{
public:
	static const int PAGE_SIZE; /// 20

	CustomerPages(CustomerResource& customers, const PageRenderer& pages, const MessageCatalog& messages,
				  const RecordFieldsForm& extra);

	WebResponse list(const WebRequest& request, const SignedIn& who) const;
	/// GET /customers?page=N&q=TEXT

	WebResponse form(const SignedIn& who, const std::string& id) const;
	/// GET /customers/new (id empty) and /customers/{id}.

	WebResponse save(const WebRequest& request, const SignedIn& who, const std::string& id) const;
	/// POST /customers/new and /customers/{id}: 303 to the list, or the
	/// form again (422) with the error beside its field.

private:
	struct Values
	{
		std::string name;
		std::string email;
		std::string language = "el";
		RecordFieldsForm::Values extra; /// the plugins' fields
	};

	WebResponse page(const SignedIn& who, const std::string& id, const Values& values,
					 const std::vector<RecordFieldsForm::Field>& extra, const FormErrors& errors,
					 const std::string& extraField, const PluginUi::Refusal& extraError, int status) const;
	/// extraField: a plugin's field the API refused, with the plugin's words.
	erp::HttpRequest apiRequest(const SignedIn& who) const;

	CustomerResource& _customers;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
	const RecordFieldsForm& _extra;
};


} // namespace host


#endif // Host_CustomerPages_INCLUDED
