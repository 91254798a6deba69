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


namespace {

using BounceRow = Poco::Tuple<std::string, std::string, NullableText::Column, NullableText::Column,
							  NullableText::Column, int, std::string, std::string, int>;

const char* const BOUNCE_COLUMNS =
	"message_tag, kind, recipient, status, diagnostic, permanent, received_at, source, suppresses";

BounceRecord recordOf(const BounceRow& row)
{
	BounceRecord record;
	record.messageTag = row.get<0>();
	record.kind = row.get<1>();
	record.recipient = NullableText::text(row.get<2>());
	record.status = NullableText::text(row.get<3>());
	record.diagnostic = NullableText::text(row.get<4>());
	record.permanent = row.get<5>() != 0;
	record.receivedAt = row.get<6>();
	record.source = row.get<7>();
	record.suppresses = row.get<8>() != 0;
	return record;
}

std::string tagOf(const std::string& messageId)
{
	return messageId.substr(0, messageId.find('@'));
}

} // namespace


BounceStore::BounceStore(int softLimit):
	_softLimit(softLimit)
{}


int BounceStore::softLimit() const
{
	return _softLimit;
}


int BounceStore::softInARow(Poco::Data::Session& session, const BounceRecord& bounce) const
{
	// The messages sent to the address, newest first, from the one that
	// came back: what came back about each, until the row breaks.
	std::string recipient = bounce.recipient;
	std::vector<std::string> messageIds;
	session << "SELECT message_id FROM reminder_messages WHERE LOWER(recipient) = ? AND message_id IS NOT NULL "
			   "ORDER BY id DESC",
		use(recipient), into(messageIds), now;
	std::vector<SoftBounceRule::Returned> newestFirst;
	bool reached = false;
	for (const std::string& messageId: messageIds)
	{
		std::string tag = tagOf(messageId);
		if (!reached && tag != bounce.messageTag) continue; // sent after the one that came back
		reached = true;
		std::vector<Poco::Tuple<std::string, int, NullableText::Column>> rows;
		session << "SELECT kind, permanent, lifted_at FROM reminder_bounces WHERE message_tag = ?", use(tag),
			into(rows), now;
		std::vector<SoftBounceRule::Seen> seen;
		for (const auto& row: rows)
			seen.push_back({row.get<0>() == "bounce", row.get<1>() != 0, !row.get<2>().isNull()});
		if (tag == bounce.messageTag) seen.push_back({true, bounce.permanent, false});
		newestFirst.push_back(SoftBounceRule::returned(seen));
		if (newestFirst.back() != SoftBounceRule::Returned::SOFT || static_cast<int>(newestFirst.size()) >= _softLimit)
			break;
	}
	// A message not in the outbox (the owner's report): this bounce alone.
	if (!reached)
		newestFirst.push_back(bounce.permanent ? SoftBounceRule::Returned::HARD : SoftBounceRule::Returned::SOFT);
	return SoftBounceRule::softInARow(newestFirst);
}


bool BounceStore::record(Poco::Data::Session& session, BounceRecord& b) const
{
	int seen = 0;
	std::string source = b.source;
	session << "SELECT COUNT(*) FROM reminder_bounces WHERE source = ?", use(source), into(seen), now;
	if (seen) return false;
	b.suppresses = b.kind == "bounce" && !b.recipient.empty() &&
				   SoftBounceRule::suppresses(b.permanent, b.permanent ? 0 : softInARow(session, b), _softLimit);
	std::string tag = b.messageTag, kind = b.kind, receivedAt = b.receivedAt;
	NullableText::Column recipient = NullableText::column(b.recipient), status = NullableText::column(b.status),
						 diagnostic = NullableText::column(b.diagnostic);
	int permanent = b.permanent ? 1 : 0, suppresses = b.suppresses ? 1 : 0;
	session << "INSERT INTO reminder_bounces (message_tag, kind, recipient, status, diagnostic, permanent, "
			   "received_at, source, suppresses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		use(tag), use(kind), use(recipient), use(status), use(diagnostic), use(permanent), use(receivedAt), use(source),
		use(suppresses), now;
	return true;
}


int BounceStore::lift(Poco::Data::Session& session, const std::string& address, const std::string& actor,
					  const std::string& at) const
{
	std::string recipient = Poco::toLower(address), by = actor, when = at;
	Poco::Data::Statement update(session);
	update << "UPDATE reminder_bounces SET lifted_at = ?, lifted_by = ? "
			  "WHERE recipient = ? AND suppresses = 1 AND lifted_at IS NULL",
		use(when), use(by), use(recipient);
	const int lifted = static_cast<int>(update.execute());
	if (lifted > 0)
	{
		// The soft bounces so far start no new row with the next one.
		Poco::Data::Statement soft(session);
		soft << "UPDATE reminder_bounces SET lifted_at = ?, lifted_by = ? "
				"WHERE recipient = ? AND kind = 'bounce' AND lifted_at IS NULL",
			use(when), use(by), use(recipient);
		soft.execute();
	}
	return lifted;
}


std::map<std::string, BounceRecord> BounceStore::latest(Poco::Data::Session& session,
														const std::set<std::string>& tags) const
{
	std::map<std::string, BounceRecord> result;
	for (std::string tag: tags)
	{
		std::vector<BounceRow> rows;
		// A bounce ends the message; a delay only says it is still being tried.
		session << "SELECT " << BOUNCE_COLUMNS
				<< " FROM reminder_bounces WHERE message_tag = ? ORDER BY CASE kind WHEN 'bounce' THEN 0 ELSE 1 END, "
				   "id DESC",
			use(tag), into(rows), now;
		if (!rows.empty()) result[tag] = recordOf(rows.front());
	}
	return result;
}


std::optional<BounceRecord> BounceStore::suppressing(Poco::Data::Session& session, const std::string& address) const
{
	std::string recipient = Poco::toLower(address);
	std::vector<BounceRow> rows;
	session << "SELECT " << BOUNCE_COLUMNS
			<< " FROM reminder_bounces WHERE recipient = ? AND suppresses = 1 AND lifted_at IS NULL "
			   "ORDER BY received_at DESC, id DESC",
		use(recipient), into(rows), now;
	if (rows.empty()) return std::nullopt;
	return recordOf(rows.front());
}


std::vector<ListedBounce> BounceStore::bounced(Poco::Data::Session& session, const std::string& from,
											   const std::string& to) const
{
	std::string since = from, until = to;
	std::vector<BounceRow> rows;
	session << "SELECT " << BOUNCE_COLUMNS
			<< " FROM reminder_bounces WHERE kind = 'bounce' AND received_at >= ? AND received_at < ? "
			   "ORDER BY received_at, id",
		use(since), use(until), into(rows), now;
	std::vector<ListedBounce> result;
	for (const BounceRow& row: rows)
	{
		ListedBounce listed;
		listed.bounce = recordOf(row);
		std::string pattern = listed.bounce.messageTag + "@%";
		std::vector<Poco::Tuple<Poco::Int64, std::string>> customers;
		session << "SELECT c.id, c.name FROM reminder_messages m JOIN customers c ON c.id = m.customer_id "
				   "WHERE m.message_id LIKE ?",
			use(pattern), into(customers), now;
		if (!customers.empty())
		{
			listed.customerId = customers.front().get<0>();
			listed.customerName = customers.front().get<1>();
		}
		listed.suppressedNow = !listed.bounce.recipient.empty() && suppressing(session, listed.bounce.recipient);
		result.push_back(listed);
	}
	return result;
}


} // namespace reminders
