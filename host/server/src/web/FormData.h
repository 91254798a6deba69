//
// FormData.h
//


#ifndef Host_FormData_INCLUDED
#define Host_FormData_INCLUDED


#include <map>
#include <string>


namespace host {


class FormData
/// Pure: an application/x-www-form-urlencoded body as name -> value (the
/// first value of a repeated name wins; '+' is a space).
{
public:
	static std::map<std::string, std::string> parse(const std::string& body);

	static std::multimap<std::string, std::string> parseAll(const std::string& body);
	/// Every value of every name, in the order sent (a list of checkboxes).
};


} // namespace host


#endif // Host_FormData_INCLUDED
