//
// TemplateSet.cpp
//


#include "plugin/mail/TemplateSet.h"
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>


namespace reminders {


const char* const TemplateSet::LANGUAGES[] = {"el", "en"};
const char* const TemplateSet::NAMES[] = {"reminder.subject", "reminder.txt", "reminder.html",
										  "report.subject",   "report.txt",   "report.html",
										  "test.subject",     "test.txt",     "test.html"};


TemplateSet::TemplateSet(const std::string& folder):
	_cache(std::make_unique<ctemplate::TemplateCache>())
{
	for (const char* language: LANGUAGES)
		for (const char* name: NAMES)
		{
			const std::string path = folder + "/" + language + "/" + name + ".tpl";
			if (!Poco::File(path).exists()) throw Poco::FileNotFoundException("template missing", path);
			std::string content;
			Poco::FileInputStream in(path);
			Poco::StreamCopier::copyToString(in, content);
			const std::string key = std::string(language) + "/" + name;
			if (!_cache->StringToTemplateCache(key, content, ctemplate::DO_NOT_STRIP))
				throw Poco::DataFormatException("template cannot be parsed", path);
		}
	_cache->Freeze();
}


TemplateSet::~TemplateSet() = default;


std::string TemplateSet::expand(const std::string& language, const std::string& name,
								const ctemplate::TemplateDictionary& dictionary) const
{
	std::string out;
	if (!_cache->ExpandNoLoad(language + "/" + name, ctemplate::DO_NOT_STRIP, &dictionary, nullptr, &out))
		throw Poco::RuntimeException("template expansion failed", language + "/" + name);
	return out;
}


ComposedMessage TemplateSet::compose(const std::string& language, const std::string& kind,
									 const ctemplate::TemplateDictionary& dictionary) const
{
	ComposedMessage message;
	message.language = language;
	message.subject = Poco::trim(expand(language, kind + ".subject", dictionary));
	message.text = expand(language, kind + ".txt", dictionary);
	message.html = expand(language, kind + ".html", dictionary);
	return message;
}


} // namespace reminders
