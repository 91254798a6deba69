//
// MySqlLiveness.cpp
//


#include "MySqlLiveness.h"
#include <Poco/Data/MySQL/SessionImpl.h>
#include <Poco/Data/Statement.h>


namespace host {


namespace {

// A statement made through the pool's wrapper belongs to the connector's
// own session, which holds the connection; Poco names it to subclasses only.
class ConnectorSession: public Poco::Data::Statement
{
public:
	explicit ConnectorSession(Poco::Data::Session& session):
		Poco::Data::Statement(session)
	{}

	using Poco::Data::Statement::session;
};

} // namespace


bool MySqlLiveness::alive(Poco::Data::Session& session)
{
	ConnectorSession statement(session);
	Poco::Data::Session connector = statement.session();
	auto* mysql = dynamic_cast<Poco::Data::MySQL::SessionImpl*>(connector.impl());
	if (!mysql) return true;
	if (mysql->handle().ping()) return true;
	mysql->setLastError(SERVER_GONE);
	return false;
}


} // namespace host
