//
// AgeBand.cpp
//


#include "plugin/core/AgeBand.h"


namespace reminders {


int AgeBand::of(long daysOverdue)
{
	if (daysOverdue <= 30) return 0;
	if (daysOverdue <= 60) return 1;
	if (daysOverdue <= 90) return 2;
	return 3;
}


std::string AgeBand::code(int band)
{
	static const char* const CODES[COUNT] = {"1-30", "31-60", "61-90", "over_90"};
	return band >= 0 && band < COUNT ? CODES[band] : "";
}


std::string AgeBand::label(int band, const std::string& language)
{
	static const char* const EL[COUNT] = {"1–30 ημέρες", "31–60 ημέρες", "61–90 ημέρες", "πάνω από 90 ημέρες"};
	static const char* const EN[COUNT] = {"1–30 days", "31–60 days", "61–90 days", "over 90 days"};
	if (band < 0 || band >= COUNT) return "";
	return language == "el" ? EL[band] : EN[band];
}


} // namespace reminders
