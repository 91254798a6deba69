//
// Database.h
//
// The host's database, shared with plugins.
//


#ifndef Erp_Database_INCLUDED
#define Erp_Database_INCLUDED


#include "erp/Abi.h"
#include <Poco/Data/Session.h>
#include <string>


namespace erp {


class ERP_API Database
/// The host's database: a pool of Poco::Data sessions and the SQL dialect
/// spoken by it. Plugins keep their own tables in the same database
/// (created by the migrations their manifest names).
///
/// Thread-safe. A session must not be shared between threads.
{
public:
	virtual ~Database() = default;

	virtual Poco::Data::Session session() = 0;
	/// Returns a session from the pool; it goes back when the last copy is
	/// destroyed. Throws Poco::Data::SessionPoolExhaustedException when the
	/// pool is exhausted.

	virtual std::string dialect() const = 0;
	/// "sqlite" or "mysql".
};


} // namespace erp


#endif // Erp_Database_INCLUDED
