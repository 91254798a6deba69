//
// SessionLifetime.cpp
//


#include "SessionLifetime.h"
#include <Poco/Exception.h>
#include <string>


namespace host {


namespace {

const int MAX_MINUTES = 31 * 24 * 60;

Poco::Timestamp::TimeDiff minutes(int count)
{
	return static_cast<Poco::Timestamp::TimeDiff>(count) * 60 * Poco::Timestamp::resolution();
}

} // namespace


SessionLifetime::SessionLifetime(int idleMinutes, int lifetimeMinutes):
	_idleMinutes(idleMinutes),
	_lifetimeMinutes(lifetimeMinutes)
{
	if (lifetimeMinutes < 1 || lifetimeMinutes > MAX_MINUTES)
		throw Poco::InvalidArgumentException("web.session.lifetime_minutes must be between 1 and " +
											 std::to_string(MAX_MINUTES) + ", not " + std::to_string(lifetimeMinutes));
	if (idleMinutes < 1 || idleMinutes > lifetimeMinutes)
		throw Poco::InvalidArgumentException(
			"web.session.idle_minutes must be between 1 and web.session.lifetime_minutes (" +
			std::to_string(lifetimeMinutes) + "), not " + std::to_string(idleMinutes));
}


Poco::Timestamp SessionLifetime::end(const Poco::Timestamp& created) const
{
	return created + minutes(_lifetimeMinutes);
}


bool SessionLifetime::alive(const Poco::Timestamp& created, const Poco::Timestamp& lastSeen,
							const Poco::Timestamp& now) const
{
	return now < end(created) && now < lastSeen + minutes(_idleMinutes);
}


int SessionLifetime::idleMinutes() const
{
	return _idleMinutes;
}


int SessionLifetime::lifetimeMinutes() const
{
	return _lifetimeMinutes;
}


} // namespace host
