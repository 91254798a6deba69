//
// MessageCatalog.h
//


#ifndef Host_MessageCatalog_INCLUDED
#define Host_MessageCatalog_INCLUDED


#include <map>
#include <string>
#include <vector>


namespace host {


class MessageCatalog
/// The web interface's words, one JSON file per language
/// (<folder>/el.json, <folder>/en.json: one object of key -> text).
/// Every language must have the same keys, so that no page shows a key
/// instead of words. Immutable after construction; thread-safe.
{
public:
	static const std::vector<std::string> LANGUAGES; /// el, en

	explicit MessageCatalog(const std::string& folder);
	/// Throws Poco::FileNotFoundException for a missing file and
	/// Poco::DataFormatException for a file that is not one object of
	/// strings, or whose keys differ from the first language's (naming the key).

	const std::string& text(const std::string& language, const std::string& key) const;
	/// Throws Poco::NotFoundException for an unknown language or key.

	const std::map<std::string, std::string>& all(const std::string& language) const;

private:
	std::map<std::string, std::map<std::string, std::string>> _texts;
};


} // namespace host


#endif // Host_MessageCatalog_INCLUDED
