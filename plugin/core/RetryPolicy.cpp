//
// RetryPolicy.cpp
//


#include "plugin/core/RetryPolicy.h"
#include <algorithm>


namespace reminders {


std::optional<long> RetryPolicy::delaySeconds(int attemptsMade) const
{
	if (attemptsMade >= maxAttempts) return std::nullopt;
	// Doubling: 1, 2, 4, ... times the first delay (the exponent is capped
	// so that a large attempts setting cannot overflow).
	const int doublings = std::clamp(attemptsMade - 1, 0, 20);
	return 60L * firstDelayMinutes * (1L << doublings);
}


} // namespace reminders
