//
// RunSharing.cpp
//


#include "plugin/core/RunSharing.h"


namespace reminders {


bool RunSharing::live(const std::string& leaseUntil, const std::string& now)
{
	return !leaseUntil.empty() && leaseUntil > now;
}


RunSharing::Role RunSharing::role(const Found& found, const std::string& now, bool force)
{
	if (!found.exists) return Role::START;
	if (found.state == "done") return force ? Role::START : Role::ALREADY_DONE;
	if (found.planned) return Role::HELP;
	return live(found.leaseUntil, now) ? Role::WAIT_FOR_PLAN : Role::PLAN;
}


RunSharing::End RunSharing::end(int openBatches, int unsent, bool retriesLeft)
{
	End end;
	if (openBatches > 0 || unsent > 0) return end;
	end.finish = true;
	end.state = retriesLeft ? "waiting" : "done";
	end.reportKind = retriesLeft ? "first" : "final";
	return end;
}


} // namespace reminders
