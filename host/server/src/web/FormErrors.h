//
// FormErrors.h
//


#ifndef Host_FormErrors_INCLUDED
#define Host_FormErrors_INCLUDED


#include "erp/ApiError.h"
#include <cstring> // ctemplate/str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>


namespace host {


class FormErrors
/// What a form's submission got wrong, as the API refused it: each of the
/// form's fields it named (an erp::InvalidFields names several), with the
/// message catalog key to show beside it, in the order the API checked
/// them. An error that names none of the form's fields is the form's
/// ("form"): shown above it, in place of the summary.
{
public:
	using KeyFor = std::function<std::string(const erp::ApiError& error, bool ownField)>;
	/// The catalog key for one refusal: ownField says whether its field is
	/// one of the form's.

	FormErrors() = default;

	FormErrors(const erp::ApiError& refused, const std::vector<std::string>& fields, const KeyFor& keyFor);

	bool has(const std::string& field) const;

	void describe(ctemplate::TemplateDictionary& form, const std::vector<std::string>& fields) const;
	/// Each field's <FIELD>_DESCRIBEDBY: its hint, and its error when it has one.

	void show(ctemplate::TemplateDictionary& form, const std::map<std::string, std::string>& texts) const;
	/// Each refused field's <FIELD>_ERROR (its text as ERROR) and
	/// <FIELD>_INVALID; above the form, the summary (HAS_ERROR for one
	/// field, HAS_ERRORS for more) or the form's own error (FORM_ERROR).
	/// texts: the page's message catalog; a key it lacks shows "form.error".

private:
	std::vector<std::pair<std::string, std::string>> _errors;
};


} // namespace host


#endif // Host_FormErrors_INCLUDED
