//
// SoftBounceRule.cpp
//


#include "plugin/core/SoftBounceRule.h"


namespace reminders {


SoftBounceRule::Returned SoftBounceRule::returned(const std::vector<Seen>& reports)
{
	bool soft = false, hard = false, lifted = false;
	for (const Seen& seen: reports)
	{
		if (!seen.bounce) continue; // a delay says the message is still being tried
		if (seen.lifted)
			lifted = true;
		else if (seen.permanent)
			hard = true;
		else
			soft = true;
	}
	if (hard) return Returned::HARD;
	if (soft) return Returned::SOFT;
	return lifted ? Returned::LIFTED : Returned::NOTHING;
}


int SoftBounceRule::softInARow(const std::vector<Returned>& newestFirst)
{
	int count = 0;
	for (Returned returned: newestFirst)
	{
		if (returned != Returned::SOFT) break;
		++count;
	}
	return count;
}


bool SoftBounceRule::suppresses(bool permanent, int softInARow, int limit)
{
	return permanent || (limit > 0 && softInARow >= limit);
}


} // namespace reminders
