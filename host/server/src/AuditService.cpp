//
// AuditService.cpp
//


#include "AuditService.h"
#include "erp/Instant.h"
#include <Poco/Data/RecordSet.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>
#include <vector>


using namespace Poco::Data::Keywords;


namespace host {


AuditService::AuditService(erp::Database& database):
	_database(database)
{}


void AuditService::append(const erp::AuditEntry& entry)
{
	Poco::Data::Session session = _database.session();
	append(session, entry);
}


void AuditService::append(Poco::Data::Session& transaction, const erp::AuditEntry& entry)
{
	appendAll(transaction, {entry});
}


void AuditService::appendAll(Poco::Data::Session& transaction, const std::vector<erp::AuditEntry>& entries)
{
	if (entries.empty()) return;
	// One statement bound to vectors: prepared once, executed a row at a time.
	std::vector<std::string> at(entries.size(), erp::Instant::now()), actors, actions, entities;
	std::vector<Poco::Nullable<std::string>> entityIds, details;
	for (const erp::AuditEntry& entry: entries)
	{
		actors.push_back(entry.actor);
		actions.push_back(entry.action);
		entities.push_back(entry.entity);
		entityIds.push_back(entry.entityId.empty() ? Poco::Nullable<std::string>()
												   : Poco::Nullable<std::string>(entry.entityId));
		details.push_back(entry.details.empty() ? Poco::Nullable<std::string>()
												: Poco::Nullable<std::string>(entry.details));
	}
	transaction << "INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)",
		use(at), use(actors), use(actions), use(entities), use(entityIds), use(details), now;
}


Poco::JSON::Array::Ptr AuditService::query(const std::string& entity, const std::string& entityId,
										   const std::string& action, const std::string& plugin, Poco::Int64 beforeId,
										   int limit)
{
	Poco::Data::Session session = _database.session();
	using Row = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string,
							Poco::Nullable<std::string>, Poco::Nullable<std::string>>;
	std::vector<Row> rows;
	std::string e = entity, id = entityId, a = action;
	// "<plugin>." <= action < "<plugin>/": the actions that start with
	// "<plugin>." ('/' follows '.'), a range of the audit_action index.
	std::string from = plugin.empty() ? std::string() : plugin + ".";
	std::string to = plugin.empty() ? std::string() : plugin + "/";
	Poco::Int64 before = beforeId > 0 ? beforeId : std::numeric_limits<Poco::Int64>::max();
	session << "SELECT id, at, actor, action, entity, entity_id, details FROM audit_log "
			   "WHERE (? = '' OR entity = ?) AND (? = '' OR entity_id = ?) AND (? = '' OR action = ?) "
			   "AND (? = '' OR (action >= ? AND action < ?)) AND id < ? "
			   "ORDER BY id DESC LIMIT ?",
		use(e), use(e), use(id), use(id), use(a), use(a), use(from), use(from), use(to), use(before), use(limit),
		into(rows), now;

	Poco::JSON::Array::Ptr result = new Poco::JSON::Array;
	Poco::JSON::Parser parser;
	for (const Row& row: rows)
	{
		Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
		item->set("id", row.get<0>());
		item->set("at", row.get<1>());
		item->set("actor", row.get<2>());
		item->set("action", row.get<3>());
		item->set("entity", row.get<4>());
		item->set("entity_id", row.get<5>().isNull() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(row.get<5>().value()));
		if (!row.get<6>().isNull())
		{
			try
			{
				item->set("details", parser.parse(row.get<6>().value()));
			}
			catch (Poco::Exception&)
			{
				item->set("details", row.get<6>().value());
			}
			parser.reset();
		}
		result->add(item);
	}
	return result;
}


} // namespace host
