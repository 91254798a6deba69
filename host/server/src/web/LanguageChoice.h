//
// LanguageChoice.h
//


#ifndef Host_LanguageChoice_INCLUDED
#define Host_LanguageChoice_INCLUDED


#include <string>


namespace host {


class LanguageChoice
/// Pure: the interface's language ("el" or "en") from an Accept-Language
/// header: the supported language the browser ranks highest (by q, then
/// by order); Greek when it names neither (the product's first language).
{
public:
	static std::string fromAcceptLanguage(const std::string& header);
};


} // namespace host


#endif // Host_LanguageChoice_INCLUDED
