//
// RetryPolicy.h
//


#ifndef Reminders_RetryPolicy_INCLUDED
#define Reminders_RetryPolicy_INCLUDED


#include <optional>


namespace reminders {


struct RetryPolicy
/// When a message the mail server deferred (4xx) is tried again: after
/// `firstDelayMinutes`, doubling with each attempt, for `maxAttempts`
/// attempts in all. Pure.
{
	int maxAttempts = 5;
	int firstDelayMinutes = 15;

	std::optional<long> delaySeconds(int attemptsMade) const;
	/// The pause before the next attempt once `attemptsMade` attempts were
	/// deferred; nullopt when no attempt is left (the message has failed).
};


} // namespace reminders


#endif // Reminders_RetryPolicy_INCLUDED
