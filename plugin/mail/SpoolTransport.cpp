//
// SpoolTransport.cpp
//


#include "plugin/mail/SpoolTransport.h"
#include "plugin/mail/MimeBuilder.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>


namespace reminders {


std::string Delivery::name(State state)
{
	switch (state)
	{
	case State::ACCEPTED:
		return "accepted";
	case State::SPOOLED:
		return "spooled";
	case State::DEFERRED:
		return "deferred";
	case State::REJECTED:
		return "rejected";
	case State::UNKNOWN:
		break;
	}
	return "unknown";
}


SpoolTransport::SpoolTransport(const std::string& folder):
	_folder(Poco::Path(folder).absolute().toString())
{
	Poco::File(_folder).createDirectories();
}


Delivery SpoolTransport::send(const ComposedMessage& message)
{
	// The message id is made of [A-Za-z0-9.@-]: safe as a file name.
	std::string name = Poco::DateTimeFormatter::format(message.date, "%Y%m%dT%H%M%S-") + message.messageId;
	for (char& c: name)
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
			c = '_';
	const std::string final = Poco::Path(_folder, name + ".eml").toString();
	const std::string temporary = Poco::Path(_folder, "." + name + ".tmp").toString();
	try
	{
		{
			Poco::FileOutputStream out(temporary);
			out << MimeBuilder::bytes(message);
			out.close();
			if (!out.good()) throw Poco::WriteFileException(temporary);
		}
		Poco::File(temporary).renameTo(final);
	}
	catch (Poco::Exception& exc)
	{
		try
		{
			Poco::File(temporary).remove();
		}
		catch (...)
		{}
		// What the accountant reads in the history: no server path.
		return {Delivery::State::DEFERRED, 0,
				"the spool folder could not be written (" + std::string(exc.name()) + "); see the host's log"};
	}
	return {Delivery::State::SPOOLED, 0, "written to the spool folder as " + name + ".eml"};
}


std::string SpoolTransport::describe() const
{
	return "spool " + _folder;
}


} // namespace reminders
