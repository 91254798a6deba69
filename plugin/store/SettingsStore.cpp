//
// SettingsStore.cpp
//


#include "plugin/store/SettingsStore.h"
#include "plugin/core/MinimumAmounts.h"
#include "plugin/store/NullableText.h"
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>
#include <vector>


using namespace Poco::Data::Keywords;


namespace reminders {


namespace {

using Text = NullableText::Column;
const auto text = NullableText::text;
const auto nullable = NullableText::column;

} // namespace


SettingsStore::SettingsStore(const std::string& dialect):
	_dialect(dialect)
{}


ReminderSettings SettingsStore::loadForUpdate(Poco::Data::Session& session) const
{
	if (_dialect != "mysql") return load(session);
	// Never saved: the defaults' row first, not by locking the missing row
	// (gap locks, which two transactions may both hold and then deadlock
	// on their inserts). A second transaction that also found no row
	// waits on the first's new one; on finding it there, ON DUPLICATE KEY
	// UPDATE locks it exclusively (INSERT IGNORE took a shared lock, and a
	// shared holder asking for the exclusive one while a third request
	// waited for it deadlocked: two accountants saving at once on a new
	// install). Saved: a plain exclusive lock.
	int saved = 0;
	session << "SELECT COUNT(*) FROM reminder_settings WHERE id = 1", into(saved), now;
	if (!saved)
		write(session, ReminderSettings(), "INSERT INTO reminder_settings ", " ON DUPLICATE KEY UPDATE id = id");
	return read(session, " FOR UPDATE");
}


bool SettingsStore::enabled(Poco::Data::Session& session) const
{
	std::vector<int> rows;
	session << "SELECT enabled FROM reminder_settings WHERE id = 1", into(rows), now;
	return !rows.empty() && rows.front() != 0;
}


ReminderSettings SettingsStore::load(Poco::Data::Session& session) const
{
	return read(session, "");
}


ReminderSettings SettingsStore::read(Poco::Data::Session& session, const std::string& lockClause) const
{
	std::vector<Poco::Tuple<int, int, int, int, std::string, Text, Text, Text, Text, Text, std::string, Text,
							std::string, std::string>>
		rows;
	session << "SELECT enabled, days_after_due, stop_after_months, send_weekday, send_time, time_zone, owner_email, "
			   "from_address, from_name, reply_to, fallback_language, first_enabled_at, updated_at, updated_by "
			   "FROM reminder_settings WHERE id = 1" +
				   lockClause,
		into(rows), now;
	// Poco's tuples bind at most 20 columns: the delivery apart.
	std::vector<Poco::Tuple<Text, Text, Poco::Nullable<int>, Text, Text, Text, Text>> deliveries;
	session << "SELECT delivery, smtp_host, smtp_port, smtp_tls, smtp_username, smtp_password, smtp_auth "
			   "FROM reminder_settings WHERE id = 1",
		into(deliveries), now;
	std::vector<Text> minimums;
	session << "SELECT min_amounts FROM reminder_settings WHERE id = 1", into(minimums), now;
	ReminderSettings settings;
	if (rows.empty()) return settings;
	if (!minimums.empty()) settings.minAmounts = MinimumAmounts::fromJson(text(minimums.front()));
	const auto& row = rows.front();
	settings.enabled = row.get<0>() != 0;
	settings.daysAfterDue = row.get<1>();
	settings.stopAfterMonths = row.get<2>();
	settings.sendWeekday = static_cast<unsigned>(row.get<3>());
	settings.sendTime = row.get<4>();
	settings.timeZone = text(row.get<5>());
	settings.ownerEmail = text(row.get<6>());
	settings.fromAddress = text(row.get<7>());
	settings.fromName = text(row.get<8>());
	settings.replyTo = text(row.get<9>());
	settings.fallbackLanguage = row.get<10>();
	settings.firstEnabledAt = text(row.get<11>());
	settings.updatedAt = row.get<12>();
	settings.updatedBy = row.get<13>();
	if (deliveries.empty()) return settings;
	const auto& delivery = deliveries.front();
	settings.delivery.mode = text(delivery.get<0>());
	settings.delivery.smtpHost = text(delivery.get<1>());
	settings.delivery.smtpPort = delivery.get<2>().isNull() ? 0 : delivery.get<2>().value();
	settings.delivery.smtpTls = text(delivery.get<3>());
	settings.delivery.smtpUsername = text(delivery.get<4>());
	settings.delivery.smtpPassword = text(delivery.get<5>());
	settings.delivery.smtpAuth = text(delivery.get<6>());
	return settings;
}


void SettingsStore::save(Poco::Data::Session& session, const ReminderSettings& settings) const
{
	write(session, settings,
		  _dialect == "mysql" ? "REPLACE INTO reminder_settings " : "INSERT OR REPLACE INTO reminder_settings ");
}


void SettingsStore::write(Poco::Data::Session& session, const ReminderSettings& s, const std::string& verb,
						  const std::string& suffix) const
{
	int enabled = s.enabled ? 1 : 0;
	int days = s.daysAfterDue;
	int months = s.stopAfterMonths;
	int weekday = static_cast<int>(s.sendWeekday);
	std::string sendTime = s.sendTime, language = s.fallbackLanguage, updatedAt = s.updatedAt, updatedBy = s.updatedBy;
	Text zone = nullable(s.timeZone), owner = nullable(s.ownerEmail), from = nullable(s.fromAddress),
		 fromName = nullable(s.fromName), replyTo = nullable(s.replyTo), firstEnabled = nullable(s.firstEnabledAt);
	const DeliverySettings& d = s.delivery;
	Text delivery = nullable(d.mode), smtpHost = nullable(d.smtpHost), smtpTls = nullable(d.smtpTls),
		 smtpUsername = nullable(d.smtpUsername), smtpPassword = nullable(d.smtpPassword),
		 smtpAuth = nullable(d.smtpAuth);
	Poco::Nullable<int> smtpPort;
	if (d.smtpPort != 0) smtpPort = d.smtpPort;
	Text minAmounts = nullable(MinimumAmounts::toJson(s.minAmounts));
	const std::string columns = "(id, enabled, days_after_due, stop_after_months, send_weekday, send_time, time_zone, "
								"owner_email, from_address, from_name, reply_to, fallback_language, first_enabled_at, "
								"updated_at, updated_by, delivery, smtp_host, smtp_port, smtp_tls, smtp_username, "
								"smtp_password, smtp_auth, min_amounts) "
								"VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	const std::string sql = verb + columns + suffix;
	session << sql, use(enabled), use(days), use(months), use(weekday), use(sendTime), use(zone), use(owner), use(from),
		use(fromName), use(replyTo), use(language), use(firstEnabled), use(updatedAt), use(updatedBy), use(delivery),
		use(smtpHost), use(smtpPort), use(smtpTls), use(smtpUsername), use(smtpPassword), use(smtpAuth),
		use(minAmounts), now;
}


} // namespace reminders
