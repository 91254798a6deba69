//
// FormData.cpp
//


#include "web/FormData.h"
#include <Poco/Exception.h>
#include <Poco/URI.h>
#include <algorithm>


namespace host {


std::map<std::string, std::string> FormData::parse(const std::string& body)
{
	std::map<std::string, std::string> fields;
	for (const auto& [name, value]: parseAll(body))
		fields.emplace(name, value);
	return fields;
}


std::multimap<std::string, std::string> FormData::parseAll(const std::string& body)
{
	std::multimap<std::string, std::string> fields;
	std::size_t start = 0;
	while (start <= body.size())
	{
		std::size_t end = body.find('&', start);
		if (end == std::string::npos) end = body.size();
		const std::string pair = body.substr(start, end - start);
		if (!pair.empty())
		{
			// '+' is a space in a form (Poco's decode does that only after a '?').
			std::string plain = pair;
			std::replace(plain.begin(), plain.end(), '+', ' ');
			const std::size_t equals = plain.find('=');
			std::string name, value;
			try
			{
				Poco::URI::decode(plain.substr(0, equals), name);
				if (equals != std::string::npos) Poco::URI::decode(plain.substr(equals + 1), value);
			}
			catch (Poco::SyntaxException&)
			{
				// A broken %-escape: the pair is dropped, as a browser never sends one.
				start = end + 1;
				continue;
			}
			fields.emplace(name, value);
		}
		start = end + 1;
	}
	return fields;
}


} // namespace host
