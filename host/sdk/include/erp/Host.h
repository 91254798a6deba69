//
// Host.h
//
// What the host offers a plugin.
//


#ifndef Erp_Host_INCLUDED
#define Erp_Host_INCLUDED


#include "erp/Abi.h"
#include "erp/AuditLog.h"
#include "erp/Clock.h"
#include "erp/Database.h"
#include "erp/Events.h"
#include "erp/Http.h"
#include "erp/Records.h"
#include "erp/Scheduler.h"
#include "erp/Screens.h"
#include <Poco/Logger.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <string>


namespace erp {


class ERP_API Host
/// The host as one plugin sees it. Each plugin gets its own Host object,
/// so that everything it registers is known to be its own; the host
/// releases what the plugin left registered after stop().
///
/// The references returned stay valid until the plugin's stop() returns.
/// Thread-safe.
///
/// Evolution: new services are added at the end of this class (a minor
/// ABI version) or offered through service(name, version); nothing here
/// changes meaning within a major version.
{
public:
	virtual ~Host() = default;

	virtual std::string pluginId() const = 0;
	/// The plugin's id from its manifest.

	virtual std::string pluginDirectory() const = 0;
	/// The folder holding the plugin's manifest, library, sql/ and templates/.

	virtual unsigned abiMinor() const = 0;
	/// The host's ERP_ABI_MINOR, to probe for additions.

	virtual Database& database() = 0;
	virtual Events& events() = 0;
	virtual Scheduler& scheduler() = 0;
	virtual AuditLog& audit() = 0;
	virtual Records& records() = 0;
	virtual HttpRoutes& http() = 0;
	virtual Clock& clock() = 0;

	virtual const Poco::Util::AbstractConfiguration& config() = 0;
	/// The plugin's section of the host configuration: for plugin "reminders"
	/// the key "smtp.host" reads "reminders.smtp.host".

	virtual Poco::Logger& logger() = 0;
	/// The logger "erp.plugin.<id>".

	virtual void* service(const std::string& name, unsigned version) = 0;
	/// Probes for an optional service added after this contract's 1.0;
	/// returns nullptr when the host does not offer it. None yet.

	virtual Screens& screens() = 0;
	/// Since 1.2: what the plugin shows on the host's web screens. Check
	/// abiMinor() >= 2 before calling it on a host that may be older.
};


} // namespace erp


#endif // Erp_Host_INCLUDED
