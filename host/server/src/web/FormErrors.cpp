//
// FormErrors.cpp
//


#include "web/FormErrors.h"
#include "erp/InvalidFields.h"
#include <algorithm>


namespace host {


namespace {

std::string upper(std::string text)
{
	std::transform(text.begin(), text.end(), text.begin(), ::toupper);
	return text;
}

} // namespace


FormErrors::FormErrors(const erp::ApiError& refused, const std::vector<std::string>& fields, const KeyFor& keyFor)
{
	std::vector<erp::ApiError> each{refused};
	if (const auto* several = dynamic_cast<const erp::InvalidFields*>(&refused)) each = several->errors();
	for (const erp::ApiError& error: each)
	{
		const bool own = std::find(fields.begin(), fields.end(), error.field()) != fields.end();
		const std::string field = own ? error.field() : std::string("form");
		if (!has(field)) _errors.emplace_back(field, keyFor(error, own));
	}
}


bool FormErrors::has(const std::string& field) const
{
	return std::any_of(_errors.begin(), _errors.end(), [&](const auto& error) { return error.first == field; });
}


void FormErrors::describe(ctemplate::TemplateDictionary& form, const std::vector<std::string>& fields) const
{
	for (const std::string& name: fields)
	{
		std::string id = name;
		std::replace(id.begin(), id.end(), '_', '-');
		form.SetValue(upper(name) + "_DESCRIBEDBY", has(name) ? id + "-hint " + id + "-error" : id + "-hint");
	}
}


void FormErrors::show(ctemplate::TemplateDictionary& form, const std::map<std::string, std::string>& texts) const
{
	std::size_t fieldErrors = 0;
	for (const auto& [field, key]: _errors)
	{
		auto text = texts.find(key);
		form.SetValueAndShowSection("ERROR", text != texts.end() ? text->second : texts.at("form.error"),
									upper(field) + "_ERROR");
		form.ShowSection(upper(field) + "_INVALID");
		if (field != "form") ++fieldErrors;
	}
	// The form's own error says what to do; a summary would only repeat it.
	if (fieldErrors == 0 || has("form")) return;
	form.ShowSection(fieldErrors == 1 ? "HAS_ERROR" : "HAS_ERRORS");
}


} // namespace host
