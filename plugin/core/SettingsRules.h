//
// SettingsRules.h
//


#ifndef Reminders_SettingsRules_INCLUDED
#define Reminders_SettingsRules_INCLUDED


#include "plugin/core/ReminderSettings.h"
#include <optional>
#include <string>
#include <vector>


namespace reminders {


class SettingsRules
/// What makes a set of settings valid (the time zone excepted: whether
/// a zone exists is a question for the zone database). Pure.
{
public:
	struct Problem
	{
		std::string field;
		std::string message;
	};

	static std::vector<Problem> problems(const ReminderSettings& settings);
	/// Each field's first problem, in the settings form's order; empty
	/// when the settings hold.

	static std::optional<unsigned> weekday(const std::string& name);
	/// "monday" ... "sunday" -> 1 ... 7.
	static std::string weekdayName(unsigned isoWeekday);

	static bool administratorsOnly(const std::string& field);
	/// Whether a settings field is transport or schedule, which only an
	/// administrator changes: send_weekday, send_time, time_zone,
	/// from_address, delivery, and any smtp_* or spool_* field. Every other field is
	/// the reminder policy (master switch, days, months, owner address,
	/// languages, wording), which accountants change too.

	static bool changesSchedule(const std::string& field);
	/// Whether a change to the field moves the next weekly run: the master
	/// switch, send_weekday, send_time, time_zone.

	static constexpr int MAX_DAYS_AFTER_DUE = 365;
	static constexpr int MAX_STOP_AFTER_MONTHS = 120;
};


} // namespace reminders


#endif // Reminders_SettingsRules_INCLUDED
