//
// RecordRegistry.cpp
//


#include "RecordRegistry.h"
#include "erp/ApiError.h"
#include "erp/InvalidFields.h"
#include "web/Condition.h"
#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <mutex>


namespace host {


Poco::Dynamic::Var RecordRegistry::defaultValue(const erp::FieldSpec& field)
{
	if (field.defaultValue.empty() || field.defaultValue == "null") return Poco::Dynamic::Var();
	if (field.type == "bool") return field.defaultValue == "true";
	Poco::Int64 number = 0;
	if (field.type == "int" && Poco::NumberParser::tryParse64(field.defaultValue, number)) return number;
	std::string text = field.defaultValue;
	if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
	return text;
}


void RecordRegistry::inSection(const std::string& owner, const std::function<void()>& call)
{
	try
	{
		call();
	}
	catch (const erp::ApiError& error)
	{
		// The extension names a field of its section ("with_reminder"); the
		// request names it inside the section ("reminders.with_reminder").
		const std::string prefix = owner + ".";
		auto named = [&](const erp::ApiError& each) {
			if (each.field().empty() || each.field() == owner || each.field().compare(0, prefix.size(), prefix) == 0)
				return each;
			return erp::ApiError(each.status(), each.code(), each.what(), prefix + each.field());
		};
		if (const auto* several = dynamic_cast<const erp::InvalidFields*>(&error))
		{
			std::vector<erp::ApiError> errors;
			for (const erp::ApiError& each: several->errors())
				errors.push_back(named(each));
			throw erp::InvalidFields(std::move(errors));
		}
		throw named(error);
	}
}


bool RecordRegistry::Extension::covers(const std::string& entity) const
{
	for (const erp::FieldSpec& field: fields)
		if (field.entity == entity) return true;
	return false;
}


void RecordRegistry::extend(const std::string& owner, const std::vector<erp::FieldSpec>& fields,
							erp::RecordExtension& extension)
{
	for (const erp::FieldSpec& field: fields)
	{
		if (field.entity != "customer" && field.entity != "invoice")
			throw Poco::InvalidArgumentException("record fields extend customer or invoice, not", field.entity);
		if (field.type != "bool" && field.type != "int" && field.type != "string")
			throw Poco::InvalidArgumentException("field type must be bool, int or string", field.name);
		// The screens evaluate it: a condition that does not parse refuses the plugin now.
		Condition::check(field.visibleWhen);
	}
	std::unique_lock<std::shared_mutex> lock(_mutex);
	_extensions[owner] = Extension{fields, &extension};
}


void RecordRegistry::withdraw(const std::string& owner)
{
	std::unique_lock<std::shared_mutex> lock(_mutex);
	_extensions.erase(owner);
}


bool RecordRegistry::knows(const std::string& owner) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	return _extensions.count(owner) > 0;
}


void RecordRegistry::validate(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
							  const Poco::JSON::Object& request) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const auto& [owner, extension]: _extensions)
	{
		if (!request.has(owner) || !extension.covers(entity)) continue;
		Poco::JSON::Object::Ptr section = request.getObject(owner);
		if (!section) throw erp::ApiError::invalid(owner, owner + " must be an object");
		inSection(owner, [&] { extension.extension->validate(transaction, entity, id, *section, request); });
	}
}


void RecordRegistry::write(Poco::Data::Session& transaction, const std::string& entity, Poco::Int64 id,
						   const Poco::JSON::Object& request, const std::string& actor) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const auto& [owner, extension]: _extensions)
	{
		if (!request.has(owner) || !extension.covers(entity)) continue;
		Poco::JSON::Object::Ptr section = request.getObject(owner);
		if (section) inSection(owner, [&] { extension.extension->write(transaction, entity, id, *section, actor); });
	}
}


void RecordRegistry::read(Poco::Data::Session& session, const std::string& entity, Poco::Int64 id,
						  Poco::JSON::Object& record) const
{
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const auto& [owner, extension]: _extensions)
	{
		if (!extension.covers(entity)) continue;
		Poco::JSON::Object::Ptr section = extension.extension->read(session, entity, id);
		if (section) record.set(owner, section);
	}
}


std::vector<erp::FieldSpec> RecordRegistry::specs(const std::string& owner, const std::string& entity) const
{
	std::vector<erp::FieldSpec> result;
	std::shared_lock<std::shared_mutex> lock(_mutex);
	auto it = _extensions.find(owner);
	if (it == _extensions.end()) return result;
	for (const erp::FieldSpec& field: it->second.fields)
		if (field.entity == entity) result.push_back(field);
	return result;
}


std::vector<std::string> RecordRegistry::owners() const
{
	std::vector<std::string> result;
	std::shared_lock<std::shared_mutex> lock(_mutex);
	for (const auto& entry: _extensions)
		result.push_back(entry.first);
	return result;
}


Poco::JSON::Array::Ptr RecordRegistry::fields(const std::string& owner) const
{
	Poco::JSON::Array::Ptr result = new Poco::JSON::Array;
	std::shared_lock<std::shared_mutex> lock(_mutex);
	auto it = _extensions.find(owner);
	if (it == _extensions.end()) return result;
	for (const erp::FieldSpec& field: it->second.fields)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("entity", field.entity);
		item->set("name", field.name);
		item->set("type", field.type);
		item->set("default", defaultValue(field));
		Poco::JSON::Object::Ptr label = new Poco::JSON::Object;
		for (const auto& [language, text]: field.label)
			label->set(language, text);
		item->set("label", label);
		Poco::JSON::Object::Ptr help = new Poco::JSON::Object;
		for (const auto& [language, text]: field.help)
			help->set(language, text);
		item->set("help", help);
		if (!field.visibleWhen.empty()) item->set("visible_when", field.visibleWhen);
		result->add(item);
	}
	return result;
}


} // namespace host
