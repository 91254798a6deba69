//
// BounceStore.cpp
//


#include "plugin/store/BounceStore.h"
#include "plugin/store/NullableText.h"
#include <Poco/Data/Statement.h>
#include <Poco/String.h>
#include <Poco/Tuple.h>
#include <vector>


using namespace Poco::Data::Keywords;


namespace reminders {


bool BounceStore::record(Poco::Data::Session& session, const BounceRecord& b) const
{
	int seen = 0;
	std::string source = b.source;
	session << "SELECT COUNT(*) FROM reminder_bounces WHERE source = ?", use(source), into(seen), now;
	if (seen) return false;
	std::string tag = b.messageTag, kind = b.kind, receivedAt = b.receivedAt;
	NullableText::Column recipient = NullableText::column(b.recipient), status = NullableText::column(b.status),
						 diagnostic = NullableText::column(b.diagnostic);
	int permanent = b.permanent ? 1 : 0;
	session << "INSERT INTO reminder_bounces (message_tag, kind, recipient, status, diagnostic, permanent, "
			   "received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		use(tag), use(kind), use(recipient), use(status), use(diagnostic), use(permanent), use(receivedAt), use(source),
		now;
	return true;
}


int BounceStore::lift(Poco::Data::Session& session, const std::string& address, const std::string& actor,
					  const std::string& at) const
{
	std::string recipient = Poco::toLower(address), by = actor, when = at;
	Poco::Data::Statement update(session);
	update << "UPDATE reminder_bounces SET lifted_at = ?, lifted_by = ? "
			  "WHERE recipient = ? AND permanent = 1 AND lifted_at IS NULL",
		use(when), use(by), use(recipient);
	return static_cast<int>(update.execute());
}


std::map<std::string, BounceRecord> BounceStore::latest(Poco::Data::Session& session,
														const std::set<std::string>& tags) const
{
	std::map<std::string, BounceRecord> result;
	for (std::string tag: tags)
	{
		std::vector<Poco::Tuple<std::string, NullableText::Column, NullableText::Column, NullableText::Column, int,
								std::string, std::string>>
			rows;
		// A bounce ends the message; a delay only says it is still being tried.
		session << "SELECT kind, recipient, status, diagnostic, permanent, received_at, source FROM reminder_bounces "
				   "WHERE message_tag = ? ORDER BY CASE kind WHEN 'bounce' THEN 0 ELSE 1 END, id DESC",
			use(tag), into(rows), now;
		if (rows.empty()) continue;
		const auto& row = rows.front();
		BounceRecord record;
		record.messageTag = tag;
		record.kind = row.get<0>();
		record.recipient = NullableText::text(row.get<1>());
		record.status = NullableText::text(row.get<2>());
		record.diagnostic = NullableText::text(row.get<3>());
		record.permanent = row.get<4>() != 0;
		record.receivedAt = row.get<5>();
		record.source = row.get<6>();
		result[tag] = record;
	}
	return result;
}


} // namespace reminders
