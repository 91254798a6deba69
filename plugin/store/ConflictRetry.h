//
// ConflictRetry.h
//


#ifndef Reminders_ConflictRetry_INCLUDED
#define Reminders_ConflictRetry_INCLUDED


#include <Poco/Exception.h>
#include <string>


namespace reminders {


class ConflictRetry
/// Runs one whole write transaction again when the database rolled it back
/// for a conflict with another instance's (MySQL/MariaDB: a deadlock,
/// 1213, or a lock wait timeout, 1205; SQLite: the database stayed locked
/// past the busy timeout), a bounded number of times; the last failure
/// propagates.
{
public:
	static const int ATTEMPTS = 5;

	static bool retryable(const Poco::Exception& exc)
	{
		const std::string text = exc.displayText();
		for (const char* sign: {"Deadlock", "deadlock", "1213", "1205", "Lock wait timeout", "database is locked"})
			if (text.find(sign) != std::string::npos) return true;
		return false;
	}

	template <typename Function> static auto run(Function&& function) -> decltype(function())
	{
		for (int attempt = 1;; ++attempt)
		{
			try
			{
				return function();
			}
			catch (Poco::Exception& exc)
			{
				if (attempt >= ATTEMPTS || !retryable(exc)) throw;
			}
		}
	}
};


} // namespace reminders


#endif // Reminders_ConflictRetry_INCLUDED
