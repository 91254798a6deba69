//
// SignInThrottle.cpp
//


#include "SignInThrottle.h"
#include <algorithm>


namespace host {


const std::size_t SignInThrottle::MAX_KEYS = 100000;


namespace {

const Poco::Timestamp::TimeDiff SECOND = Poco::Timestamp::resolution();
const Poco::Timestamp::TimeDiff FORGET_AFTER = 24 * 3600 * SECOND;

} // namespace


SignInThrottle::SignInThrottle(const erp::Clock& clock, const Limits& limits):
	_clock(clock),
	_limits(limits)
{}


int SignInThrottle::delaySeconds(int failures, int free, int baseSeconds, int maxSeconds)
{
	if (failures < free || failures <= 0) return 0;
	long long delay = baseSeconds;
	for (int i = free; i < failures && delay < maxSeconds; ++i)
		delay *= 2;
	return static_cast<int>(std::min<long long>(delay, maxSeconds));
}


int SignInThrottle::wait(const std::string& key, int free, const Poco::Timestamp& now) const
{
	auto it = _counts.find(key);
	if (it == _counts.end()) return 0;
	const int delay = delaySeconds(it->second.failures, free, _limits.baseSeconds, _limits.maxSeconds);
	const Poco::Timestamp until = it->second.last + delay * SECOND;
	if (now >= until) return 0;
	// Whole seconds, rounded up: never "0" while still refused.
	return static_cast<int>((until - now + SECOND - 1) / SECOND);
}


int SignInThrottle::retryAfter(const std::string& user, const std::string& address) const
{
	const Poco::Timestamp now = _clock.now();
	std::lock_guard<std::mutex> lock(_mutex);
	return std::max(wait("user:" + user, _limits.freePerUser, now),
					wait("address:" + address, _limits.freePerAddress, now));
}


void SignInThrottle::count(const std::string& key, const Poco::Timestamp& now)
{
	Count& entry = _counts[key];
	if (entry.failures > 0 && now - entry.last >= FORGET_AFTER) entry.failures = 0;
	++entry.failures;
	entry.last = now;
}


void SignInThrottle::prune(const Poco::Timestamp& now)
{
	for (auto it = _counts.begin(); it != _counts.end();)
		it = now - it->second.last >= FORGET_AFTER ? _counts.erase(it) : std::next(it);
	while (_counts.size() > MAX_KEYS)
	{
		auto oldest = std::min_element(_counts.begin(), _counts.end(),
									   [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
		_counts.erase(oldest);
	}
}


void SignInThrottle::failed(const std::string& user, const std::string& address)
{
	const Poco::Timestamp now = _clock.now();
	std::lock_guard<std::mutex> lock(_mutex);
	count("user:" + user, now);
	count("address:" + address, now);
	if (_counts.size() > MAX_KEYS) prune(now);
}


void SignInThrottle::succeeded(const std::string& user)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_counts.erase("user:" + user);
}


} // namespace host
