//
// FormJson.h
//


#ifndef Host_FormJson_INCLUDED
#define Host_FormJson_INCLUDED


#include "erp/Http.h"
#include "erp/Screens.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <string>
#include <vector>


namespace host {


class FormJson
/// Pure: a posted form as the JSON body of a plugin's route, after the
/// fields the plugin declared (erp::ScreenField), so that the route decides
/// what is valid, as it does for the API:
/// - bool: the last value of the field: true unless it is "false" or "0"
///   (the screens put a hidden "0" before each checkbox, which the browser
///   sends only when ticked, so that unticking is sent too);
/// - int: the number, or the text as sent when it is not one (the route
///   refuses it, naming the field); empty: null when optional, else absent;
/// - text, email, time, zone, choice: the text (trimmed); empty: null when
///   optional, else "";
/// - password: only when typed (write-only: empty keeps the stored one);
/// - ids: every value of the repeated field that is a number, as an array.
/// Fields above the user's role are left out, and so are fields the form
/// lacks (the route keeps them as they are).
{
public:
	static Poco::JSON::Object::Ptr body(const std::vector<erp::ScreenField>& fields,
										const std::multimap<std::string, std::string>& form, erp::Role role);
};


} // namespace host


#endif // Host_FormJson_INCLUDED
