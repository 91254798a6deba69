//
// RunProgressJson.h
//


#ifndef Reminders_RunProgressJson_INCLUDED
#define Reminders_RunProgressJson_INCLUDED


#include "plugin/store/RunStore.h"
#include <Poco/JSON/Object.h>
#include <Poco/Timestamp.h>
#include <map>
#include <string>


namespace reminders {


class RunProgressJson
/// How far a run has come, from what the database holds (every instance's
/// committed work, and right after a restart), as GET runs/{id} answers it
/// under "progress":
///   planned        messages in the run's outbox (0 while it is planned)
///   decided        those in a final state (all but pending, sending, deferred)
///   sent           accepted or spooled
///   by_state       {"accepted": 12, "pending": 30, ...}
///   rate           decided messages per second since the run started (until
///                  it finished, for a finished one); null before a second
///   estimated_end  ISO 8601 UTC: now + what is left at that rate; null when
///                  the run is not running, nothing is left or no rate is known
/// The rate counts from the run's start, so a run resumed long after a
/// crash shows a low rate and a late estimate: an estimate, not a promise.
{
public:
	static Poco::JSON::Object::Ptr toJson(const RunRecord& run, const std::map<std::string, int>& states,
										  const Poco::Timestamp& now);
};


} // namespace reminders


#endif // Reminders_RunProgressJson_INCLUDED
