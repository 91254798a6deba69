//
// LanguageChoice.cpp
//


#include "web/LanguageChoice.h"
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>


namespace host {


std::string LanguageChoice::fromAcceptLanguage(const std::string& header)
{
	std::string best = "el";
	double bestQ = 0.0;
	Poco::StringTokenizer ranges(header, ",",
								 Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
	for (const std::string& range: ranges)
	{
		Poco::StringTokenizer parts(range, ";", Poco::StringTokenizer::TOK_TRIM);
		const std::string tag = Poco::toLower(parts[0]);
		const std::string primary = tag.substr(0, tag.find('-'));
		double q = 1.0;
		for (std::size_t i = 1; i < parts.count(); ++i)
			if (parts[i].compare(0, 2, "q=") == 0 && !Poco::NumberParser::tryParseFloat(parts[i].substr(2), q)) q = 0.0;
		if ((primary == "el" || primary == "en") && q > bestQ)
		{
			best = primary;
			bestQ = q;
		}
	}
	return best;
}


} // namespace host
