//
// HealthSource.h
//


#ifndef Host_HealthSource_INCLUDED
#define Host_HealthSource_INCLUDED


#include <string>
#include <vector>


namespace host {


class HealthSource
/// What GET /api/health looks at, behind one small interface (the
/// running host's in RuntimeHealth, fakes in the tests).
{
public:
	struct Plugin
	{
		std::string id;
		std::string state;  /// running, disabled (by an administrator) or refused
		std::string reason; /// why it was refused
	};

	virtual ~HealthSource() = default;

	virtual std::string databaseProblem() = 0;
	/// Empty when the database answers; else what failed.

	virtual std::vector<Plugin> plugins() = 0;

	virtual bool schedulerEnabled() = 0;
	/// False when this process runs no scheduler (not a failure).

	virtual std::string schedulerProblem() = 0;
	/// Empty when the scheduler is alive and keeping up; else what is wrong.
};


} // namespace host


#endif // Host_HealthSource_INCLUDED
