//
// PendingRoutes.h
//


#ifndef Reminders_PendingRoutes_INCLUDED
#define Reminders_PendingRoutes_INCLUDED


#include "erp/Http.h"


namespace reminders {


class PendingRoutes
/// The routes of the plugin's contract that are not built yet (the
/// weekly run and its history): they answer 501 not_implemented, after
/// the host's usual authentication and role checks.
{
public:
	static void mount(erp::HttpRoutes& routes);
};


} // namespace reminders


#endif // Reminders_PendingRoutes_INCLUDED
