//
// CustomerResource.h
//


#ifndef Host_CustomerResource_INCLUDED
#define Host_CustomerResource_INCLUDED


#include "HostServices.h"
#include "erp/Http.h"
#include <Poco/JSON/Object.h>


namespace host {


class CustomerResource
/// /api/customers: create, list, read, update. Accountants and admins.
/// Fields: name (required), email (optional, validated; null clears it),
/// language ("el" or "en"), plus plugin sections.
{
public:
	explicit CustomerResource(HostServices& services);

	void mount();

	erp::HttpResponse create(const erp::HttpRequest& request);
	erp::HttpResponse list(const erp::HttpRequest& request);
	erp::HttpResponse get(const erp::HttpRequest& request);
	erp::HttpResponse update(const erp::HttpRequest& request);

	static Poco::JSON::Object::Ptr load(Poco::Data::Session& session, Poco::Int64 id,
										const std::string& lockClause = "");
	/// The host's columns of one customer, or null. `lockClause`:
	/// Sql::forUpdate() to lock the row for the rest of the transaction.

private:
	Poco::JSON::Object::Ptr record(Poco::Data::Session& session, Poco::Int64 id);

	HostServices& _services;
};


} // namespace host


#endif // Host_CustomerResource_INCLUDED
