//
// SuppressionResource.cpp
//


#include "plugin/SuppressionResource.h"
#include "erp/ApiError.h"
#include "erp/Instant.h"
#include "erp/JsonBody.h"
#include "erp/Transaction.h"
#include <Poco/JSON/Object.h>


namespace reminders {


SuppressionResource::SuppressionResource(erp::Host& host, const BounceStore& store):
	_host(host),
	_store(store)
{}


void SuppressionResource::mount(erp::HttpRoutes& routes)
{
	routes.route("POST", "bounces/lift", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return lift(r); });
}


erp::HttpResponse SuppressionResource::lift(const erp::HttpRequest& request)
{
	const erp::JsonBody body(request.body);
	body.allowOnly([](const std::string& field) { return field == "address"; });
	const std::string address = *body.text("address", true, 254);
	if (address.empty()) throw erp::ApiError::invalid("address", "address must not be empty");
	Poco::Data::Session session = _host.database().session();
	erp::Transaction tx(session, _host.database().dialect());
	const int lifted = _store.lift(session, address, request.user, erp::Instant::format(_host.clock().now()));
	if (lifted == 0) throw erp::ApiError::notFound("a bounce of " + address + " to lift");
	Poco::JSON::Object details;
	details.set("address", address);
	details.set("lifted", lifted);
	_host.audit().append(session,
						 {request.user, "reminders.bounce.lift", "address", address, erp::AuditEntry::json(details)});
	tx.commit();
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("lifted", lifted);
	answer->set("summary", address + " is used again from the next run");
	answer->set("outcome", "lifted");
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
