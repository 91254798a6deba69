//
// HostServices.h
//


#ifndef Host_HostServices_INCLUDED
#define Host_HostServices_INCLUDED


#include "AuditService.h"
#include "EventBus.h"
#include "HostClock.h"
#include "RecordRegistry.h"
#include "Router.h"
#include "TaskScheduler.h"
#include "erp/Database.h"
#include "ops/MetricsRegistry.h"
#include "web/ScreenRegistry.h"
#include <Poco/Util/AbstractConfiguration.h>


namespace host {


struct HostServices
/// The host's shared services, owned by HostRuntime and handed by
/// reference to the parts that need several of them.
{
	erp::Database& database;
	AuditService& audit;
	EventBus& events;
	TaskScheduler& scheduler;
	RecordRegistry& records;
	ScreenRegistry& screens;
	Router& router;
	HostClock& clock;
	Poco::Util::AbstractConfiguration& config;
	MetricsRegistry& metrics;
};


} // namespace host


#endif // Host_HostServices_INCLUDED
