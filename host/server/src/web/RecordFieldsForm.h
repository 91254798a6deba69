//
// RecordFieldsForm.h
//


#ifndef Host_RecordFieldsForm_INCLUDED
#define Host_RecordFieldsForm_INCLUDED


#include "erp/Records.h"
#include "web/PluginUi.h"
#include "web/SignedIn.h"
#include <Poco/JSON/Object.h>
#include <cstring> // ctemplate/str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <map>
#include <string>
#include <vector>


namespace host {


class RecordFieldsForm
/// The plugins' extra fields (erp::FieldSpec) on a host form, the customer
/// or the invoice form, rendered by the shared template plugin_fields.tpl
/// and sent back to the API as the plugin's section of the record's JSON.
/// Only plugins that are switched on (PluginUi::active) show theirs.
///
/// Form names are "<plugin>.<field>", as the API names the field in its
/// errors, so an error lands beside its field. A value is kept as text:
/// "1"/"0" for bool, the digits for int, the text for string.
{
public:
	struct Field
	{
		std::string plugin;
		erp::FieldSpec spec;

		std::string formName() const
		{
			return plugin + "." + spec.name;
		}
	};
	using Values = std::map<std::string, std::string>; /// form name -> value

	explicit RecordFieldsForm(const PluginUi& plugins);

	std::vector<Field> fields(const std::string& entity, const SignedIn& who) const;

	static Values context(const std::string& prefix, const Poco::JSON::Object& record);
	/// A record's plugin sections as the names a condition reads:
	/// {"reminders": {"enabled": true}} with prefix "customer" is
	/// "customer.reminders.enabled" = "1".

	static std::vector<Field> visible(const std::vector<Field>& fields, const Values& context);
	/// The fields whose visibleWhen holds over the context (Condition).

	Values presets(const std::string& entity, const std::vector<Field>& fields, const Values& context) const;
	/// The values the plugins' FormDefaults take from the context, by form name.

	static Values fromRecord(const std::vector<Field>& fields, const Poco::JSON::Object* record);
	/// The record's values (null: a new record, the declared defaults).

	static Values fromForm(const std::vector<Field>& fields, const std::multimap<std::string, std::string>& form);

	static void addTo(Poco::JSON::Object& body, const std::vector<Field>& fields, const Values& values);
	/// Each plugin's section, {"<plugin>": {"<field>": value}}, with the
	/// value typed as declared (an int that is not one is sent as text:
	/// the API refuses it, naming the field).

	void fill(ctemplate::TemplateDictionary& form, const std::vector<Field>& fields, const Values& values,
			  const std::string& language, const std::string& errorField, const PluginUi::Refusal& error) const;
	/// The include PLUGIN_FIELDS of the form's template; error is shown
	/// beside errorField ("<plugin>.<field>").

	PluginUi::Refusal refusal(const erp::ApiError& error, const std::string& language) const;
	/// The API's refusal of a plugin's field ("<plugin>.<field>"), in the
	/// plugin's words when its catalog has them (PluginUi::refusal).

private:
	const PluginUi& _plugins;
};


} // namespace host


#endif // Host_RecordFieldsForm_INCLUDED
