//
// PauseDateRule.cpp
//


#include "plugin/core/PauseDateRule.h"


namespace reminders {


CalendarDate PauseDateRule::latest(const CalendarDate& today)
{
	return today.plusMonths(MAX_MONTHS_AHEAD);
}


PauseDateRule::Verdict PauseDateRule::check(const CalendarDate& until, const CalendarDate& today)
{
	if (until < today) return Verdict::IN_THE_PAST;
	if (until > latest(today)) return Verdict::TOO_FAR;
	return Verdict::ALLOWED;
}


std::string PauseDateRule::explain(Verdict verdict, const CalendarDate& today)
{
	switch (verdict)
	{
	case Verdict::IN_THE_PAST:
		return "paused_until is before today (" + today.toString() +
			   "): a pause that has ended holds nothing back; give today or a later date, or null to lift the pause";
	case Verdict::TOO_FAR:
		return "paused_until is more than " + std::to_string(MAX_MONTHS_AHEAD / 12) + " years ahead: at most " +
			   latest(today).toString();
	case Verdict::ALLOWED:
		break;
	}
	return "";
}


} // namespace reminders
