//
// HostClock.cpp
//


#include "HostClock.h"
#include "erp/JsonBody.h"
#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <chrono>
#include <date/tz.h>


namespace host {


HostClock::HostClock(const std::string& timeZone, const std::string& fixedToday):
	_timeZone(timeZone),
	_fixedToday(fixedToday)
{
	try
	{
		date::locate_zone(_timeZone);
	}
	catch (std::exception&)
	{
		throw Poco::InvalidArgumentException("business.timezone is not an IANA time zone", _timeZone);
	}
	if (!_fixedToday.empty() && !isDate(_fixedToday))
		throw Poco::InvalidArgumentException("not a YYYY-MM-DD date", _fixedToday);
}


Poco::Timestamp HostClock::now() const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _pinned.value_or(Poco::Timestamp());
}


std::string HostClock::today() const
{
	if (!_fixedToday.empty()) return _fixedToday;
	const std::chrono::system_clock::time_point instant{std::chrono::microseconds(now().epochMicroseconds())};
	const auto local = date::make_zoned(_timeZone, instant).get_local_time();
	return date::format("%Y-%m-%d", date::floor<date::days>(local));
}


void HostClock::pin(const Poco::Timestamp& instant)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_pinned = instant;
}


void HostClock::unpin()
{
	std::lock_guard<std::mutex> lock(_mutex);
	_pinned.reset();
}


std::string HostClock::timeZone() const
{
	return _timeZone;
}


bool HostClock::isDate(const std::string& text)
{
	return erp::JsonBody::isDate(text);
}


} // namespace host
