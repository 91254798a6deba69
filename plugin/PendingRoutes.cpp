//
// PendingRoutes.cpp
//


#include "plugin/PendingRoutes.h"


namespace reminders {


void PendingRoutes::mount(erp::HttpRoutes& routes)
{
	using erp::Role;
	const struct
	{
		const char* method;
		const char* pattern;
		Role role;
	} pending[] = {
		{"GET", "invoices/{id}/history", Role::ACCOUNTANT},
		{"POST", "runs", Role::ADMIN},
		{"GET", "runs", Role::ACCOUNTANT},
		{"GET", "runs/{id}", Role::ACCOUNTANT},
	};
	for (const auto& route: pending)
	{
		const std::string name = std::string(route.method) + " " + route.pattern;
		routes.route(route.method, route.pattern, route.role, [name](const erp::HttpRequest&) {
			return erp::HttpResponse::error(501, "not_implemented", name + " is not implemented yet");
		});
	}
}


} // namespace reminders
