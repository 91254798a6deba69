//
// StateWords.h
//


#ifndef Reminders_StateWords_INCLUDED
#define Reminders_StateWords_INCLUDED


#include <string>


namespace reminders {


class StateWords
/// A message's state or a skip reason in words, in Greek or English, as
/// the owner's report and the screens show it. Honest about what is
/// known: "accepted" is "accepted by the mail server", never "delivered"
/// or "read". Pure and thread-safe.
{
public:
	static std::string label(const std::string& code, const std::string& language);
	/// An unknown code is returned as it is.
};


} // namespace reminders


#endif // Reminders_StateWords_INCLUDED
