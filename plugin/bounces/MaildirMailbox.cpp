//
// MaildirMailbox.cpp
//


#include "plugin/bounces/MaildirMailbox.h"
#include <Poco/DirectoryIterator.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <algorithm>


namespace reminders {


namespace {

bool isFolder(const std::string& path)
{
	Poco::File file(path);
	return file.exists() && file.isDirectory();
}

} // namespace


MaildirMailbox::MaildirMailbox(const std::string& folder):
	_folder(folder)
{
	if (!isFolder(_folder + "/new") || !isFolder(_folder + "/cur"))
		throw Poco::InvalidArgumentException("reminders.bounces.maildir is not a Maildir folder (no new/ and cur/): " +
											 folder);
}


std::vector<std::string> MaildirMailbox::pending(std::size_t limit)
{
	// Maildir names start with the delivery time: sorted, oldest first.
	std::vector<std::string> names;
	for (Poco::DirectoryIterator it(_folder + "/new"), end; it != end; ++it)
		if (it->isFile() && !it.name().empty() && it.name()[0] != '.') names.push_back(it.name());
	std::sort(names.begin(), names.end());
	if (names.size() > limit) names.resize(limit);
	return names;
}


std::string MaildirMailbox::read(const std::string& id, std::size_t maximum)
{
	Poco::FileInputStream in(_folder + "/new/" + id);
	std::string text(maximum, '\0');
	in.read(&text[0], static_cast<std::streamsize>(maximum));
	text.resize(static_cast<std::size_t>(in.gcount()));
	return text;
}


void MaildirMailbox::done(const std::string& id)
{
	// The name before any ":2," flags, marked seen.
	const std::string base = id.substr(0, id.find(':'));
	Poco::File(_folder + "/new/" + id).renameTo(_folder + "/cur/" + base + ":2,S");
}


std::string MaildirMailbox::describe() const
{
	return "Maildir " + _folder;
}


} // namespace reminders
