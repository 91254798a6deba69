//
// AgeBand.h
//


#ifndef Reminders_AgeBand_INCLUDED
#define Reminders_AgeBand_INCLUDED


#include <string>


namespace reminders {


class AgeBand
/// How long an invoice has been overdue, in the four bands of the owner's
/// report: 1–30, 31–60, 61–90 and over 90 days. Pure and thread-safe.
{
public:
	static constexpr int COUNT = 4;

	static int of(long daysOverdue);
	/// 0 for 1–30 days (and for anything less, which planning never lists),
	/// 1 for 31–60, 2 for 61–90, 3 for 91 and more.

	static std::string code(int band);
	/// "1-30", "31-60", "61-90", "over_90".

	static std::string label(int band, const std::string& language);
	/// "1–30 ημέρες" / "1–30 days", ..., "πάνω από 90 ημέρες" / "over 90 days".
};


} // namespace reminders


#endif // Reminders_AgeBand_INCLUDED
