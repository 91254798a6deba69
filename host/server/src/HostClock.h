//
// HostClock.h
//


#ifndef Host_HostClock_INCLUDED
#define Host_HostClock_INCLUDED


#include "erp/Clock.h"
#include <mutex>
#include <optional>
#include <string>


namespace host {


class HostClock: public erp::Clock
/// The system clock seen from the business's IANA time zone, with an
/// optional fixed business date (the operator's --today).
{
public:
	explicit HostClock(const std::string& timeZone, const std::string& fixedToday = "");
	/// Throws Poco::InvalidArgumentException for an unknown time zone or a
	/// fixed date that is not a real YYYY-MM-DD date.

	Poco::Timestamp now() const override;
	std::string today() const override;
	std::string timeZone() const override;

	void pin(const Poco::Timestamp& instant);
	/// From now on now() answers `instant` and today() its date in the
	/// business zone (unless a fixed date was given), until pinned again or
	/// unpinned: a clock that tests move by hand.

	void unpin();

	static bool isDate(const std::string& text);
	/// A real calendar date written YYYY-MM-DD.

private:
	std::string _timeZone;
	std::string _fixedToday;
	mutable std::mutex _mutex;
	std::optional<Poco::Timestamp> _pinned;
};


} // namespace host


#endif // Host_HostClock_INCLUDED
