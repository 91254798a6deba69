//
// TemplateSet.h
//


#ifndef Reminders_TemplateSet_INCLUDED
#define Reminders_TemplateSet_INCLUDED


#include "plugin/mail/ComposedMessage.h"
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <memory>
#include <string>


namespace reminders {


class TemplateSet
/// The reminder and report templates of every language, read once from
/// <folder>/<language>/<name> into a private ctemplate cache (no global
/// state, so the plugin unloads cleanly). HTML templates start with
/// {{%AUTOESCAPE context="HTML"}}: every value is escaped for where it
/// stands (text, attribute, URL). Thread-safe once built.
{
public:
	explicit TemplateSet(const std::string& folder);
	/// Throws Poco::FileNotFoundException for a missing template and
	/// Poco::DataFormatException for one ctemplate cannot parse.

	~TemplateSet();

	std::string expand(const std::string& language, const std::string& name,
					   const ctemplate::TemplateDictionary& dictionary) const;
	/// E.g. expand("el", "reminder.html", ...). Throws Poco::RuntimeException
	/// when the expansion fails.

	ComposedMessage compose(const std::string& language, const std::string& kind,
							const ctemplate::TemplateDictionary& dictionary) const;
	/// Subject (trimmed to one line), text and HTML of "reminder" or
	/// "report" in that language; the envelope is left to the caller.

	static const char* const LANGUAGES[];
	static const char* const NAMES[];

private:
	std::unique_ptr<ctemplate::TemplateCache> _cache;
};


} // namespace reminders


#endif // Reminders_TemplateSet_INCLUDED
