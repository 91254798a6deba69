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

	bool enabled(Poco::Data::Session& session) const;
	/// The master switch alone (one column of one row: the invoice hook
	/// asks it at every invoice created).

	ReminderSettings loadForUpdate(Poco::Data::Session& session) const;
	/// As load(), for a transaction that writes what it read: the row is
	/// locked until the transaction ends (MySQL; on SQLite the write
	/// transaction holds the database already), so that two changes of
	/// different fields never undo each other. Never saved yet: the
	/// defaults' row is inserted first (undone with the transaction unless
	/// save() follows), so that there is a row to lock.

	void save(Poco::Data::Session& session, const ReminderSettings& settings) const;

private:
	ReminderSettings read(Poco::Data::Session& session, const std::string& lockClause) const;
	void write(Poco::Data::Session& session, const ReminderSettings& settings, const std::string& verb,
			   const std::string& suffix = "") const;

	std::string _dialect;
};


} // namespace reminders


#endif // Reminders_SettingsStore_INCLUDED
