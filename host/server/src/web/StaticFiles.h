//
// StaticFiles.h
//


#ifndef Host_StaticFiles_INCLUDED
#define Host_StaticFiles_INCLUDED


#include "web/WebResponse.h"
#include <map>
#include <string>


namespace host {


class StaticFiles
/// The files of one folder (not its subfolders), read once at start and
/// served from memory under /static/NAME. Only those names exist: no
/// path from a request ever reaches the file system. Each file's URL
/// carries a fingerprint of its content (?v=...), so it is cached for a
/// year and a new build's file is fetched anew. Immutable; thread-safe.
{
public:
	explicit StaticFiles(const std::string& folder);
	/// A missing folder serves nothing.

	bool has(const std::string& name) const;

	std::string url(const std::string& name) const;
	/// "/static/NAME?v=FINGERPRINT"; throws Poco::NotFoundException for an unknown name.

	WebResponse serve(const std::string& name) const;
	/// 200 with the file, or 404.

private:
	struct File
	{
		std::string content;
		std::string contentType;
		std::string fingerprint;
	};

	std::map<std::string, File> _files;
};


} // namespace host


#endif // Host_StaticFiles_INCLUDED
