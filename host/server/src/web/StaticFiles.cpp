//
// StaticFiles.cpp
//


#include "web/StaticFiles.h"
#include <Poco/DigestEngine.h>
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>


namespace host {


namespace {

std::string contentTypeOf(const std::string& name)
{
	const std::string extension = Poco::Path(name).getExtension();
	if (extension == "css") return "text/css; charset=utf-8";
	if (extension == "js") return "text/javascript; charset=utf-8";
	if (extension == "svg") return "image/svg+xml";
	if (extension == "png") return "image/png";
	if (extension == "txt") return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

} // namespace


StaticFiles::StaticFiles(const std::string& folder)
{
	if (!Poco::File(folder).exists()) return;
	for (Poco::DirectoryIterator it(folder), end; it != end; ++it)
	{
		if (!it->isFile()) continue;
		File file;
		Poco::FileInputStream in(it->path());
		Poco::StreamCopier::copyToString(in, file.content);
		file.contentType = contentTypeOf(it.name());
		Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
		engine.update(file.content);
		file.fingerprint = Poco::DigestEngine::digestToHex(engine.digest()).substr(0, 16);
		_files[it.name()] = std::move(file);
	}
}


bool StaticFiles::has(const std::string& name) const
{
	return _files.count(name) > 0;
}


std::string StaticFiles::url(const std::string& name) const
{
	auto it = _files.find(name);
	if (it == _files.end()) throw Poco::NotFoundException("no static file", name);
	return "/static/" + name + "?v=" + it->second.fingerprint;
}


WebResponse StaticFiles::serve(const std::string& name) const
{
	WebResponse response;
	auto it = _files.find(name);
	if (it == _files.end())
	{
		response.status = 404;
		response.contentType = "text/plain; charset=utf-8";
		response.body = "not found\n";
		return response;
	}
	response.contentType = it->second.contentType;
	response.body = it->second.content;
	response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
	return response;
}


} // namespace host
