//
// BounceReader.cpp
//


#include "plugin/bounces/BounceReader.h"
#include "erp/Instant.h"
#include "erp/Transaction.h"
#include "plugin/mail/BounceParser.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/String.h>


namespace reminders {


std::string BounceReader::Result::summary() const
{
	return std::to_string(read) + " read from the bounce mailbox: " + std::to_string(bounced) + " bounced, " +
		   std::to_string(delayed) + " delayed, " + std::to_string(ignored) + " not about a reminder" +
		   (again ? ", " + std::to_string(again) + " recorded before" : std::string());
}


BounceReader::BounceReader(erp::Host& host, const BounceStore& store, const ReturnPath& returnPath):
	_host(host),
	_store(store),
	_returnPath(returnPath)
{}


BounceReader::Result BounceReader::read(BounceMailbox& mailbox, const std::string& actor, std::size_t limit) const
{
	Result result;
	for (const std::string& id: mailbox.pending(limit))
	{
		std::string raw;
		try
		{
			raw = mailbox.read(id, BounceParser::MAXIMUM_SIZE);
		}
		catch (Poco::FileException&)
		{
			continue; // taken away meanwhile (another instance, a person)
		}
		const BounceReport report = BounceParser::parse(raw);
		++result.read;
		std::optional<std::string> tag;
		for (const std::string& address: report.addressedTo)
			if (!tag) tag = _returnPath.tagOf(address);
		const bool counts = report.kind == BounceReport::Kind::BOUNCE || report.kind == BounceReport::Kind::DELAY;
		if (!counts || !tag || report.recipients.empty())
		{
			++result.ignored;
			_host.logger().information("bounce mailbox: %s is not about a reminder (%s%s); set aside", id,
									   std::string(BounceReport::name(report.kind)),
									   std::string(tag ? "" : ", no valid return path"));
			mailbox.done(id);
			continue;
		}
		// The recipient the report is about: the first that failed, else the first.
		BounceRecipient about = report.recipients.front();
		for (const BounceRecipient& recipient: report.recipients)
			if (recipient.action == "failed")
			{
				about = recipient;
				break;
			}
		BounceRecord record;
		record.messageTag = *tag;
		record.kind = report.kind == BounceReport::Kind::BOUNCE ? "bounce" : "delay";
		record.recipient = Poco::toLower(about.address.substr(0, 254));
		record.status = about.status.substr(0, 16);
		record.diagnostic = about.diagnostic.substr(0, 2000);
		record.permanent = report.kind == BounceReport::Kind::BOUNCE && report.permanent();
		record.receivedAt = erp::Instant::format(_host.clock().now());
		record.source = mailbox.describe() + "/" + id.substr(0, id.find(':'));
		if (record.source.size() > 255) record.source = record.source.substr(record.source.size() - 255);

		Poco::Data::Session session = _host.database().session();
		erp::Transaction tx(session, _host.database().dialect());
		const bool recorded = _store.record(session, record);
		if (recorded)
		{
			Poco::JSON::Object details;
			details.set("message_tag", record.messageTag);
			details.set("kind", record.kind);
			details.set("recipient", record.recipient);
			details.set("status", record.status);
			details.set("permanent", record.permanent);
			details.set("suppresses", record.suppresses);
			details.set("diagnostic", record.diagnostic);
			_host.audit().append(
				session, {actor, "reminders.bounce", "message", record.messageTag, erp::AuditEntry::json(details)});
		}
		tx.commit();
		mailbox.done(id);
		if (!recorded)
			++result.again; // read before; its deletion was not confirmed
		else
			++(record.kind == "bounce" ? result.bounced : result.delayed);
	}
	try
	{
		mailbox.finish();
	}
	catch (Poco::Exception& exc)
	{
		// What was read is committed; the mailbox keeps the messages, and
		// the next read finds them recorded already.
		_host.logger().warning("bounce mailbox: %s did not confirm the end of the read (%s); its messages are read "
							   "again next time, not counted twice",
							   mailbox.describe(), exc.displayText());
	}
	return result;
}


} // namespace reminders
