//
// Condition.h
//


#ifndef Host_Condition_INCLUDED
#define Host_Condition_INCLUDED


#include <map>
#include <string>


namespace host {


class Condition
/// Pure: a FieldSpec's visibleWhen over the values a form knows, e.g.
/// "!invoice.paid && customer.reminders.enabled".
///
/// Grammar: expression := term (("&&" | "||") term)*, with && binding
/// tighter than ||; term := "!" term | "(" expression ")" | name, a name
/// being letters, digits, '_', '-' and '.'. A name is true when `values`
/// has it as "1" or "true"; a name it lacks is false (a customer not
/// chosen yet has no fields). An empty condition is true.
{
public:
	using Values = std::map<std::string, std::string>;

	static bool holds(const std::string& condition, const Values& values);
	/// Throws Poco::SyntaxException for a condition that does not parse.

	static void check(const std::string& condition);
	/// Throws Poco::SyntaxException for a condition that does not parse.
};


} // namespace host


#endif // Host_Condition_INCLUDED
