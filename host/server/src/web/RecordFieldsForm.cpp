//
// RecordFieldsForm.cpp
//


#include "web/RecordFieldsForm.h"
#include "erp/QueryParameters.h"
#include "web/Condition.h"
#include <Poco/String.h>
#include <algorithm>


namespace host {


RecordFieldsForm::RecordFieldsForm(const PluginUi& plugins):
	_plugins(plugins)
{}


std::vector<RecordFieldsForm::Field> RecordFieldsForm::fields(const std::string& entity, const SignedIn& who) const
{
	std::vector<Field> result;
	for (const std::string& plugin: _plugins.records().owners())
	{
		const auto declared = _plugins.screens().find(plugin);
		if (declared && !_plugins.active(*declared, who)) continue;
		for (const erp::FieldSpec& spec: _plugins.records().specs(plugin, entity))
			result.push_back({plugin, spec});
	}
	return result;
}


RecordFieldsForm::Values RecordFieldsForm::context(const std::string& prefix, const Poco::JSON::Object& record)
{
	Values values;
	for (const auto& [plugin, section]: record)
	{
		if (section.type() != typeid(Poco::JSON::Object::Ptr)) continue;
		for (const auto& [name, value]: *section.extract<Poco::JSON::Object::Ptr>())
		{
			if (value.isEmpty()) continue;
			values[prefix + "." + plugin + "." + name] =
				value.isBoolean() ? (value.convert<bool>() ? "1" : "0") : value.convert<std::string>();
		}
	}
	return values;
}


std::vector<RecordFieldsForm::Field> RecordFieldsForm::visible(const std::vector<Field>& fields, const Values& context)
{
	std::vector<Field> shown;
	for (const Field& field: fields)
		if (Condition::holds(field.spec.visibleWhen, context)) shown.push_back(field);
	return shown;
}


RecordFieldsForm::Values RecordFieldsForm::presets(const std::string& entity, const std::vector<Field>& fields,
												   const Values& context) const
{
	Values values;
	for (const Field& field: fields)
	{
		const auto declared = _plugins.screens().find(field.plugin);
		if (!declared) continue;
		for (const erp::FormDefault& preset: declared->screens.defaults)
		{
			if (preset.entity != entity || preset.field != field.spec.name) continue;
			auto it = context.find(preset.from);
			if (it != context.end()) values[field.formName()] = it->second;
		}
	}
	return values;
}


RecordFieldsForm::Values RecordFieldsForm::fromRecord(const std::vector<Field>& fields,
													  const Poco::JSON::Object* record)
{
	Values values;
	for (const Field& field: fields)
	{
		std::string value = field.spec.defaultValue;
		if (record && record->has(field.plugin) && record->isObject(field.plugin))
		{
			Poco::JSON::Object::Ptr section = record->getObject(field.plugin);
			if (section->has(field.spec.name) && !section->isNull(field.spec.name))
			{
				const Poco::Dynamic::Var stored = section->get(field.spec.name);
				value =
					stored.isBoolean() ? (stored.convert<bool>() ? "true" : "false") : stored.convert<std::string>();
			}
		}
		if (field.spec.type == "bool")
			value = value == "true" || value == "1" ? "1" : "0";
		else if (field.spec.type == "string" && value.size() >= 2 && value.front() == '"' && value.back() == '"' &&
				 !record)
			value = value.substr(1, value.size() - 2);
		values[field.formName()] = value;
	}
	return values;
}


RecordFieldsForm::Values RecordFieldsForm::fromForm(const std::vector<Field>& fields,
													const std::multimap<std::string, std::string>& form)
{
	Values values;
	for (const Field& field: fields)
	{
		const std::string name = field.formName();
		auto range = form.equal_range(name);
		if (range.first == range.second) continue;
		std::string value;
		for (auto it = range.first; it != range.second; ++it)
			value = it->second;
		if (field.spec.type == "bool") value = value == "0" || value == "false" || value.empty() ? "0" : "1";
		values[name] = value;
	}
	return values;
}


void RecordFieldsForm::addTo(Poco::JSON::Object& body, const std::vector<Field>& fields, const Values& values)
{
	for (const Field& field: fields)
	{
		auto it = values.find(field.formName());
		if (it == values.end()) continue;
		Poco::JSON::Object::Ptr section;
		if (body.has(field.plugin) && body.isObject(field.plugin))
			section = body.getObject(field.plugin);
		else
		{
			section = new Poco::JSON::Object;
			body.set(field.plugin, section);
		}
		const std::string text = Poco::trim(it->second);
		if (field.spec.type == "bool")
			section->set(field.spec.name, text == "1");
		else if (field.spec.type == "int")
		{
			// Digits only: Poco's parser reads "7,5" as 75 (a thousands
			// separator); as text, the plugin refuses it.
			if (auto number = erp::QueryParameters::decimal(text))
				section->set(field.spec.name, *number);
			else
				section->set(field.spec.name, text);
		}
		else
			section->set(field.spec.name, text);
	}
}


PluginUi::Refusal RecordFieldsForm::refusal(const erp::ApiError& error, const std::string& language) const
{
	const std::string& named = error.field();
	const std::size_t dot = named.find('.');
	if (dot == std::string::npos) return {error.what(), "en"};
	return _plugins.refusal(named.substr(0, dot), language, error.code(), named.substr(dot + 1), error.what());
}


void RecordFieldsForm::fill(ctemplate::TemplateDictionary& form, const std::vector<Field>& fields, const Values& values,
							const std::string& language, const std::string& errorField,
							const PluginUi::Refusal& error) const
{
	ctemplate::TemplateDictionary* include = form.AddIncludeDictionary("PLUGIN_FIELDS");
	include->SetFilename("plugin_fields.tpl");
	if (fields.empty()) return;
	ctemplate::TemplateDictionary* group = include->AddSectionDictionary("GROUP");
	for (const Field& field: fields)
	{
		const std::string name = field.formName();
		std::string id = "pf-" + name;
		std::replace(id.begin(), id.end(), '.', '-');
		ctemplate::TemplateDictionary* row = group->AddSectionDictionary("FIELD");
		row->SetValue("ID", id);
		row->SetValue("NAME", name);
		row->SetValue("LABEL", PluginUi::text(field.spec.label, language));
		std::string describedBy;
		const std::string help = PluginUi::text(field.spec.help, language);
		if (!help.empty())
		{
			row->SetValueAndShowSection("HELP", help, "HAS_HELP");
			describedBy = id + "-help";
		}
		if (errorField == name)
		{
			row->SetValueAndShowSection("ERROR", error.text, "HAS_ERROR");
			row->SetValue("ERROR_LANG", error.language);
			row->ShowSection("INVALID");
			describedBy += (describedBy.empty() ? "" : " ") + id + "-error";
		}
		if (!describedBy.empty()) row->SetValueAndShowSection("DESCRIBEDBY", describedBy, "HAS_DESCRIBEDBY");
		auto it = values.find(name);
		const std::string value = it == values.end() ? std::string() : it->second;
		if (field.spec.type == "bool")
		{
			ctemplate::TemplateDictionary* box = row->AddSectionDictionary("CHECKBOX");
			if (value == "1") box->ShowSection("CHECKED");
		}
		else
		{
			ctemplate::TemplateDictionary* input = row->AddSectionDictionary("INPUT");
			// A whole number as text with a numeric keyboard: a number input
			// drops what it cannot read ("7,5" reached the server as "75"),
			// where the plugin should see it and refuse it.
			input->SetValue("TYPE", "text");
			if (field.spec.type == "int") input->ShowSection("NUMERIC");
			input->SetValue("VALUE", value);
		}
	}
}


} // namespace host
