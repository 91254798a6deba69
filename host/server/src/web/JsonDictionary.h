//
// JsonDictionary.h
//


#ifndef Host_JsonDictionary_INCLUDED
#define Host_JsonDictionary_INCLUDED


#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>
#include <cstring> // ctemplate/str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <string>


namespace host {


class JsonDictionary
/// A JSON view model as a ctemplate dictionary, the same way for every
/// plugin page (docs/host-contract.md, "Plugin pages"). For each member of
/// an object, with NAME its key in upper case:
/// - a string or number: the value {{NAME}};
/// - true: the section {{#NAME}} shown once;
/// - an object: the section {{#NAME}} shown once, filled from it;
/// - an array: the section {{#NAME}} repeated for each element (an object
///   element fills it; any other element is {{VALUE}}; {{INDEX}} counts
///   from 1), with {{#NAME_separator}} between them;
/// and, for every member, {{#HAS_NAME}} shown once when it has something
/// (not null, false, "" or []), {{#NO_NAME}} otherwise. A member the model
/// lacks shows neither (a template tests for it with HAS_).
/// Values are escaped by the template's auto-escaping, never here.
{
public:
	static void fill(ctemplate::TemplateDictionary& dictionary, const Poco::JSON::Object& object);

	static std::string key(const std::string& name);
	/// The template's name for a JSON key: upper case, other characters '_'.

private:
	static void member(ctemplate::TemplateDictionary& dictionary, const std::string& name,
					   const Poco::Dynamic::Var& value, int depth);
	static void fillObject(ctemplate::TemplateDictionary& dictionary, const Poco::JSON::Object& object, int depth);
};


} // namespace host


#endif // Host_JsonDictionary_INCLUDED
