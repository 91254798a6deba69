//
// Sql.h
//


#ifndef Host_Sql_INCLUDED
#define Host_Sql_INCLUDED


#include <Poco/Data/Session.h>
#include <Poco/Types.h>
#include <string>


namespace host {


class Sql
/// The few statements whose spelling differs between the dialects.
{
public:
	static Poco::Int64 lastInsertId(Poco::Data::Session& session, const std::string& dialect)
	{
		Poco::Int64 id = 0;
		session << (dialect == "mysql" ? "SELECT LAST_INSERT_ID()" : "SELECT last_insert_rowid()"),
			Poco::Data::Keywords::into(id), Poco::Data::Keywords::now;
		return id;
	}

	static std::string likeAnyCase(const std::string& column, const std::string& dialect)
	/// `column LIKE ?`, without regard to case in both dialects: SQLite's
	/// LIKE ignores the case of ASCII letters; MySQL's follows the column's
	/// collation, which is binary (utf8mb4_bin), so both sides are lowered.
	/// Its pattern is containing()'s: '!' escapes the wildcards.
	{
		return dialect == "mysql" ? "LOWER(" + column + ") LIKE LOWER(?) ESCAPE '!'" : column + " LIKE ? ESCAPE '!'";
	}

	static std::string containing(const std::string& text)
	/// The likeAnyCase() pattern of the values that contain text as typed:
	/// a '%' or '_' in it is itself, not a wildcard (a search for "%"
	/// listed every customer).
	{
		std::string pattern = "%";
		for (char c: text)
		{
			if (c == '%' || c == '_' || c == '!') pattern += '!';
			pattern += c;
		}
		return pattern + "%";
	}

	static std::string forUpdate(const std::string& dialect)
	/// The clause that locks the rows a SELECT reads until the transaction
	/// ends (MySQL); SQLite's write transactions (BEGIN IMMEDIATE) hold the
	/// one database write lock already.
	{
		return dialect == "mysql" ? " FOR UPDATE" : "";
	}
};


} // namespace host


#endif // Host_Sql_INCLUDED
