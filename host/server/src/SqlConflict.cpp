//
// SqlConflict.cpp
//


#include "SqlConflict.h"
#include <Poco/Data/MySQL/MySQLException.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <cctype>


namespace host {


bool SqlConflict::mysqlError(const Poco::Exception& exc, int code)
{
	if (!dynamic_cast<const Poco::Data::MySQL::MySQLException*>(&exc)) return false;
	if (exc.code() == code) return true;
	// Poco's statement errors carry the server's number in their text only
	// ("... [mysql_stmt_errno]: 1213 ...").
	const std::string text = exc.message();
	const std::string number = std::to_string(code);
	for (std::string::size_type at = text.find(number); at != std::string::npos; at = text.find(number, at + 1))
	{
		const bool digitBefore = at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]));
		const std::string::size_type after = at + number.size();
		const bool digitAfter = after < text.size() && std::isdigit(static_cast<unsigned char>(text[after]));
		if (!digitBefore && !digitAfter && text.rfind("errno", at) != std::string::npos) return true;
	}
	return false;
}


bool SqlConflict::retryable(const Poco::Exception& exc)
{
	if (dynamic_cast<const Poco::Data::SQLite::DBLockedException*>(&exc) ||
		dynamic_cast<const Poco::Data::SQLite::TableLockedException*>(&exc))
		return true;
	return mysqlError(exc, 1213) || mysqlError(exc, 1205);
}


bool SqlConflict::duplicateKey(const Poco::Exception& exc)
{
	if (dynamic_cast<const Poco::Data::SQLite::ConstraintViolationException*>(&exc))
		return exc.message().find("UNIQUE") != std::string::npos ||
			   exc.displayText().find("UNIQUE") != std::string::npos;
	return mysqlError(exc, 1062);
}


} // namespace host
