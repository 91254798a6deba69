//
// SignInThrottle.h
//


#ifndef Host_SignInThrottle_INCLUDED
#define Host_SignInThrottle_INCLUDED


#include "erp/Clock.h"
#include <map>
#include <mutex>
#include <string>


namespace host {


class SignInThrottle
/// Failed sign-ins slow down the next ones, per user name and per client
/// address, in memory. After `free` failures in a row for a key, each
/// further attempt must wait base * 2^(failures - free) seconds from the
/// last failure, up to `max`; the caller answers 429 with Retry-After
/// instead of waiting (no worker thread sleeps). A success clears the
/// user name's count (not the address's: one account of its own must not
/// let an address guess others' passwords faster). A key unused for a day
/// is forgotten, and at most MAX_KEYS keys are kept (the oldest go first).
///
/// Thread-safe.
{
public:
	struct Limits
	{
		int freePerUser = 3;     /// failures before a user name is slowed down
		int freePerAddress = 20; /// failures before an address is slowed down (offices share one)
		int baseSeconds = 1;
		int maxSeconds = 15 * 60;
	};

	static const std::size_t MAX_KEYS;

	SignInThrottle(const erp::Clock& clock, const Limits& limits);

	int retryAfter(const std::string& user, const std::string& address) const;
	/// Seconds to wait before this user name may be tried from this
	/// address; 0: now.

	void failed(const std::string& user, const std::string& address);
	void succeeded(const std::string& user);

	static int delaySeconds(int failures, int free, int baseSeconds, int maxSeconds);
	/// Pure: the wait after `failures` failures in a row.

private:
	struct Count
	{
		int failures = 0;
		Poco::Timestamp last;
	};

	int wait(const std::string& key, int free, const Poco::Timestamp& now) const;
	void count(const std::string& key, const Poco::Timestamp& now);
	void prune(const Poco::Timestamp& now);

	const erp::Clock& _clock;
	const Limits _limits;
	mutable std::mutex _mutex;
	std::map<std::string, Count> _counts; /// guarded by _mutex; "user:NAME", "address:IP"
};


} // namespace host


#endif // Host_SignInThrottle_INCLUDED
