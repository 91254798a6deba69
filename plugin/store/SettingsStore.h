//
// SettingsStore.h
//


#ifndef Reminders_SettingsStore_INCLUDED
#define Reminders_SettingsStore_INCLUDED


#include "plugin/core/ReminderSettings.h"
#include <Poco/Data/Session.h>
#include <string>


namespace reminders {


class SettingsStore
/// The settings row (reminder_settings, id 1). Works in the caller's
/// session and transaction; thread-safe.
{
public:
	explicit SettingsStore(const std::string& dialect);

	ReminderSettings load(Poco::Data::Session& session) const;
	/// The saved settings, or the defaults when none were ever saved.

	void save(Poco::Data::Session& session, const ReminderSettings& settings) const;

private:
	std::string _dialect;
};


} // namespace reminders


#endif // Reminders_SettingsStore_INCLUDED
