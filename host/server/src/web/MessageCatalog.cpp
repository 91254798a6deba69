//
// MessageCatalog.cpp
//


#include "web/MessageCatalog.h"
#include "erp/ApiError.h"
#include "erp/JsonBody.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>


namespace host {


const std::vector<std::string> MessageCatalog::LANGUAGES = {"el", "en"};


MessageCatalog::MessageCatalog(const std::string& folder)
{
	for (const std::string& language: LANGUAGES)
	{
		const std::string path = folder + "/" + language + ".json";
		if (!Poco::File(path).exists()) throw Poco::FileNotFoundException("message catalog missing", path);
		Poco::FileInputStream in(path);
		std::string content;
		Poco::StreamCopier::copyToString(in, content);
		Poco::JSON::Object::Ptr parsed;
		try
		{
			// The API's strict reader: one object of UTF-8, no key twice (a
			// key written twice would silently keep only its last text).
			parsed = erp::JsonBody::parse(content);
		}
		catch (const erp::ApiError& error)
		{
			throw Poco::DataFormatException(path + " must hold one JSON object", error.what());
		}
		std::map<std::string, std::string>& texts = _texts[language];
		for (const auto& [key, value]: *parsed)
		{
			if (!value.isString()) throw Poco::DataFormatException(path + ": " + key + " must be a string");
			texts[key] = value.toString();
		}
	}
	const auto& reference = _texts.at(LANGUAGES.front());
	for (const std::string& language: LANGUAGES)
	{
		const auto& texts = _texts.at(language);
		for (const auto& [key, value]: reference)
			if (!texts.count(key)) throw Poco::DataFormatException(language + ".json lacks " + key);
		for (const auto& [key, value]: texts)
			if (!reference.count(key))
				throw Poco::DataFormatException(language + ".json has " + key + ", which " + LANGUAGES.front() +
												".json lacks");
	}
}


const std::string& MessageCatalog::text(const std::string& language, const std::string& key) const
{
	auto texts = _texts.find(language);
	if (texts == _texts.end()) throw Poco::NotFoundException("no messages in language", language);
	auto it = texts->second.find(key);
	if (it == texts->second.end()) throw Poco::NotFoundException("no message", key);
	return it->second;
}


const std::map<std::string, std::string>& MessageCatalog::all(const std::string& language) const
{
	auto texts = _texts.find(language);
	if (texts == _texts.end()) throw Poco::NotFoundException("no messages in language", language);
	return texts->second;
}


} // namespace host
