//
// SettingsRules.cpp
//


#include "plugin/core/SettingsRules.h"
#include "erp/EmailAddress.h"
#include "erp/Utf8.h"


namespace reminders {


namespace {

const char* const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool isTime(const std::string& text)
{
	if (text.size() != 5 || text[2] != ':') return false;
	for (std::size_t i: {0, 1, 3, 4})
		if (text[i] < '0' || text[i] > '9') return false;
	const int hours = (text[0] - '0') * 10 + (text[1] - '0');
	const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
	return hours < 24 && minutes < 60;
}

std::optional<SettingsRules::Problem> address(const std::string& field, const std::string& value)
{
	if (!value.empty() && !erp::EmailAddress::isValid(value))
		return SettingsRules::Problem{field, field + " is not a valid address: " + value};
	return std::nullopt;
}

} // namespace


std::vector<SettingsRules::Problem> SettingsRules::problems(const ReminderSettings& s)
{
	// Every field's first problem, in the form's order: a form marks them
	// all at once.
	std::vector<Problem> found;
	auto add = [&](const std::string& field, const std::string& message) {
		for (const Problem& each: found)
			if (each.field == field) return;
		found.push_back(Problem{field, message});
	};
	if (s.daysAfterDue < 0 || s.daysAfterDue > MAX_DAYS_AFTER_DUE)
		add("days_after_due", "days_after_due must be a whole number from 0 to 365");
	if (s.stopAfterMonths < 1 || s.stopAfterMonths > MAX_STOP_AFTER_MONTHS)
		add("stop_after_months", "stop_after_months must be a whole number from 1 to 120");
	if (s.sendWeekday < 1 || s.sendWeekday > 7) add("send_weekday", "send_weekday must be monday ... sunday");
	if (!isTime(s.sendTime)) add("send_time", "send_time must be a local time written HH:MM, e.g. 09:00");
	for (auto problem:
		 {address("owner_email", s.ownerEmail), address("from_address", s.fromAddress), address("reply_to", s.replyTo)})
		if (problem) add(problem->field, problem->message);
	const std::optional<std::size_t> nameLength = erp::Utf8::length(s.fromName);
	if (!nameLength)
		add("from_name", "from_name must be valid UTF-8 text");
	else if (*nameLength > 200)
		add("from_name", "from_name is longer than 200 characters");
	for (unsigned char c: s.fromName)
		if (c < 0x20 || c == 0x7F) add("from_name", "from_name must not contain control characters");
	if (s.fallbackLanguage != "el" && s.fallbackLanguage != "en")
		add("fallback_language", "fallback_language must be el or en");
	if (s.enabled && s.fromAddress.empty())
		add("from_address", "reminders need a from_address (set by an administrator) before they can be turned on");
	return found;
}


std::optional<unsigned> SettingsRules::weekday(const std::string& name)
{
	for (unsigned i = 0; i < 7; ++i)
		if (name == WEEKDAYS[i]) return i + 1;
	return std::nullopt;
}


std::string SettingsRules::weekdayName(unsigned isoWeekday)
{
	return isoWeekday >= 1 && isoWeekday <= 7 ? WEEKDAYS[isoWeekday - 1] : "";
}


bool SettingsRules::administratorsOnly(const std::string& field)
{
	static const char* const FIELDS[] = {"send_weekday", "send_time", "time_zone", "from_address", "delivery"};
	for (const char* name: FIELDS)
		if (field == name) return true;
	return field.rfind("smtp_", 0) == 0 || field.rfind("spool_", 0) == 0;
}


bool SettingsRules::changesSchedule(const std::string& field)
{
	return field == "enabled" || field == "send_weekday" || field == "send_time" || field == "time_zone";
}


} // namespace reminders
