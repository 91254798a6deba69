//
// SettingsResource.cpp
//


#include "plugin/SettingsResource.h"
#include "erp/FieldChecks.h"
#include "erp/Instant.h"
#include "erp/JsonBody.h"
#include "erp/Transaction.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/MinimumAmounts.h"
#include "plugin/core/SettingsRules.h"
#include <Poco/DateTimeFormatter.h>
#include <Poco/String.h>
#include <set>
#include <sstream>


namespace reminders {


namespace {

Poco::Dynamic::Var orNull(const std::string& text)
{
	return text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(text);
}

// A nullable string setting: absent keeps, null or "" clears.
bool sameValue(const Poco::Dynamic::Var& sent, const Poco::Dynamic::Var& current)
/// A field sent back as GET gave it: null for null, the same text otherwise.
{
	if (sent.isEmpty() || current.isEmpty()) return sent.isEmpty() && current.isEmpty();
	return sent.isString() && current.isString() && sent.extract<std::string>() == current.extract<std::string>();
}


void readText(const erp::JsonBody& body, const std::string& field, std::size_t maxLength, std::string& target)
{
	if (body.has(field)) target = body.text(field, false, maxLength).value_or("");
}

void readOverlay(const erp::JsonBody& body, const std::string& field, std::size_t maxLength, const std::string& inForce,
				 std::string& saved)
/// A delivery text: empty gives it back to the configuration; a value
/// other than the one in force is saved (the one in force is kept as it
/// is, saved or configured).
{
	if (!body.has(field)) return;
	const std::string value = body.text(field, false, maxLength).value_or("");
	if (value.empty())
		saved.clear();
	else if (value != inForce)
		saved = value;
}

} // namespace


SettingsResource::SettingsResource(erp::Host& host, const SettingsStore& store, const PlanningStore& planning,
								   const TransportFactory& transports, std::function<void()> scheduleChanged):
	_host(host),
	_store(store),
	_planning(planning),
	_transports(transports),
	_scheduleChanged(std::move(scheduleChanged))
{}


void SettingsResource::mount(erp::HttpRoutes& routes)
{
	routes.route("GET", "settings", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return get(r); });
	routes.route("PUT", "settings", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& r) { return put(r); });
}


MinimumAmounts::Map SettingsResource::readMinimums(const erp::JsonBody& body)
{
	try
	{
		if (body.isNull("min_amounts")) return {};
		const Poco::Dynamic::Var value = body.object().get("min_amounts");
		if (value.type() == typeid(Poco::JSON::Object::Ptr))
		{
			std::map<std::string, std::string> pairs;
			for (const auto& [code, amount]: *value.extract<Poco::JSON::Object::Ptr>())
			{
				if (!amount.isString())
					throw Poco::SyntaxException("the minimum for " + code +
												" must be a decimal string, e.g. \"50.00\"");
				pairs[code] = amount.extract<std::string>();
			}
			return MinimumAmounts::parsePairs(pairs);
		}
		return MinimumAmounts::parseText(body.text("min_amounts", false, 1000).value_or(""));
	}
	catch (Poco::SyntaxException& exc)
	{
		throw erp::ApiError::invalid("min_amounts", "min_amounts: " + exc.message());
	}
}


Poco::JSON::Object::Ptr SettingsResource::toJson(const ReminderSettings& s, bool administrator) const
{
	Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
	object->set("enabled", s.enabled);
	object->set("days_after_due", s.daysAfterDue);
	object->set("stop_after_months", s.stopAfterMonths);
	object->set("send_weekday", SettingsRules::weekdayName(s.sendWeekday));
	object->set("send_time", s.sendTime);
	object->set("time_zone", orNull(s.timeZone));
	object->set("effective_time_zone", ZonedClock::zoneOf(s, _host.clock()));
	object->set("owner_email", orNull(s.ownerEmail));
	object->set("from_address", orNull(s.fromAddress));
	object->set("from_name", orNull(s.fromName));
	object->set("reply_to", orNull(s.replyTo));
	object->set("fallback_language", s.fallbackLanguage);
	object->set("min_amounts", MinimumAmounts::toText(s.minAmounts));
	object->set("first_enabled_at", orNull(s.firstEnabledAt));
	object->set("updated_at", orNull(s.updatedAt));
	object->set("updated_by", orNull(s.updatedBy));
	if (!administrator) return object;
	const TransportFactory::Effective delivery = _transports.effective(s.delivery);
	object->set("delivery", delivery.mode);
	object->set("smtp_host", orNull(delivery.host));
	object->set("smtp_port", delivery.port);
	object->set("smtp_tls", delivery.tls);
	object->set("smtp_username", orNull(delivery.username));
	object->set("smtp_auth", delivery.auth);
	object->set("smtp_password_set", delivery.passwordSet);
	object->set("spool_directory", delivery.spool);
	return object;
}


void SettingsResource::readDelivery(const erp::JsonBody& body, const DeliverySettings& before,
									DeliverySettings& after) const
{
	const TransportFactory::Effective inForce = _transports.effective(before);
	if (body.has("delivery"))
	{
		const std::string mode = body.text("delivery", false, 8).value_or("");
		if (!mode.empty() && mode != "smtp" && mode != "spool")
			throw erp::ApiError::invalid("delivery", "delivery must be smtp or spool");
		if (mode.empty())
			after.mode.clear();
		else if (mode != inForce.mode)
			after.mode = mode;
	}
	readOverlay(body, "smtp_host", 253, inForce.host, after.smtpHost);
	if (body.has("smtp_port"))
	{
		const std::optional<Poco::Int64> port = body.integer("smtp_port", false, 1, 65535);
		if (!port)
			after.smtpPort = 0;
		else if (*port != inForce.port)
			after.smtpPort = static_cast<int>(*port);
	}
	readOverlay(body, "smtp_tls", 16, inForce.tls, after.smtpTls);
	readOverlay(body, "smtp_auth", 16, inForce.auth, after.smtpAuth);
	readOverlay(body, "smtp_username", 254, inForce.username, after.smtpUsername);
	// No user, no password: clearing the user name clears the saved password.
	if (body.has("smtp_username") && after.smtpUsername.empty()) after.smtpPassword.clear();
	if (body.has("smtp_password")) after.smtpPassword = body.text("smtp_password", false, 512).value_or("");
}


void SettingsResource::checkDelivery(const DeliverySettings& delivery) const
{
	try
	{
		_transports.check(delivery);
	}
	catch (Poco::InvalidArgumentException& exc)
	{
		// The configuration's words into the tab's: "reminders.smtp.port is
		// not ..." is the field smtp_port, "smtp_port is not ...".
		std::string message = Poco::replace(exc.message(), std::string("reminders.smtp."), std::string("smtp_"));
		message = Poco::replace(message, std::string("reminders."), std::string());
		throw erp::ApiError::invalid(message.substr(0, message.find(' ')), message);
	}
}


erp::HttpResponse SettingsResource::get(const erp::HttpRequest& request)
{
	Poco::Data::Session session = _host.database().session();
	return erp::HttpResponse::json(200, toJson(_store.load(session), request.role == erp::Role::ADMIN));
}


erp::HttpResponse SettingsResource::put(const erp::HttpRequest& request)
{
	static const std::set<std::string> FIELDS = {"enabled",   "days_after_due", "stop_after_months", "send_weekday",
												 "send_time", "time_zone",      "owner_email",       "from_address",
												 "from_name", "reply_to",       "fallback_language", "delivery",
												 "smtp_host", "smtp_port",      "smtp_tls",          "smtp_username",
												 "smtp_auth", "smtp_password",  "min_amounts"};
	// What GET answers may be sent back whole: its read-only fields are
	// ignored, and an accountant may send an administrator's field when it
	// keeps its current value.
	static const std::set<std::string> READ_ONLY = {"effective_time_zone", "first_enabled_at",  "updated_at",
													"updated_by",          "smtp_password_set", "spool_directory"};
	const erp::JsonBody body(request.body);
	body.allowOnly([](const std::string& field) { return FIELDS.count(field) > 0 || READ_ONLY.count(field) > 0; });

	Poco::Data::Session session = _host.database().session();
	erp::Transaction tx(session, _host.database().dialect());
	const ReminderSettings before = _store.loadForUpdate(session);
	if (request.role != erp::Role::ADMIN)
	{
		const Poco::JSON::Object::Ptr current = toJson(before, true);
		for (const auto& entry: body.object())
			if (SettingsRules::administratorsOnly(entry.first) &&
				(entry.first == "smtp_password" || !sameValue(entry.second, current->get(entry.first))))
				throw erp::ApiError(403, "forbidden",
									entry.first + " is transport or schedule: only an administrator may change it",
									entry.first);
	}
	ReminderSettings after = before;
	// Every field's error at once, so that the settings tab marks all of them.
	erp::FieldChecks checks;
	checks.passes([&] {
		if (!body.has("enabled")) return;
		if (body.isNull("enabled")) throw erp::ApiError::invalid("enabled", "enabled must be true or false");
		after.enabled = *body.boolean("enabled");
	});
	checks.passes([&] {
		if (auto days = body.integer("days_after_due", false, 0, SettingsRules::MAX_DAYS_AFTER_DUE))
			after.daysAfterDue = static_cast<int>(*days);
	});
	checks.passes([&] {
		if (auto months = body.integer("stop_after_months", false, 1, SettingsRules::MAX_STOP_AFTER_MONTHS))
			after.stopAfterMonths = static_cast<int>(*months);
	});
	checks.passes([&] {
		if (auto weekday = body.text("send_weekday", false, 16))
		{
			std::optional<unsigned> iso = SettingsRules::weekday(*weekday);
			if (!iso)
				throw erp::ApiError::invalid("send_weekday", "send_weekday must be monday, tuesday, ... or sunday");
			after.sendWeekday = *iso;
		}
	});
	checks.passes([&] {
		if (auto time = body.text("send_time", false, 5)) after.sendTime = *time;
	});
	checks.passes([&] { readText(body, "time_zone", 64, after.timeZone); });
	checks.passes([&] { readText(body, "owner_email", 254, after.ownerEmail); });
	checks.passes([&] { readText(body, "from_address", 254, after.fromAddress); });
	checks.passes([&] { readText(body, "from_name", 200, after.fromName); });
	checks.passes([&] { readText(body, "reply_to", 254, after.replyTo); });
	checks.passes([&] {
		if (auto language = body.text("fallback_language", false, 8)) after.fallbackLanguage = *language;
	});
	checks.passes([&] {
		if (body.has("min_amounts")) after.minAmounts = readMinimums(body);
	});
	checks.passes([&] {
		if (request.role == erp::Role::ADMIN) readDelivery(body, before.delivery, after.delivery);
	});

	// What was read well is judged as a whole; a field already refused
	// keeps its first word.
	for (const SettingsRules::Problem& problem: SettingsRules::problems(after))
		if (!checks.refused(problem.field)) checks.refuse(erp::ApiError::invalid(problem.field, problem.message));
	if (!after.timeZone.empty() && !ZonedClock::isZone(after.timeZone) && !checks.refused("time_zone"))
		checks.refuse(erp::ApiError::invalid("time_zone", "time_zone is not an IANA time zone: " + after.timeZone));
	checks.throwIfAny();

	if (after.delivery != before.delivery) checkDelivery(after.delivery);

	const Poco::JSON::Object::Ptr old = toJson(before, true);
	const bool firstEnabled = after.enabled && before.firstEnabledAt.empty();
	const std::string now = erp::Instant::format(_host.clock().now());
	if (firstEnabled) after.firstEnabledAt = now;
	after.updatedAt = now;
	after.updatedBy = request.user;
	const Poco::JSON::Object::Ptr updated = toJson(after, true);

	Poco::JSON::Object changes;
	for (const std::string& field: FIELDS)
	{
		const Poco::Dynamic::Var was = old->get(field), is = updated->get(field);
		if (was.isEmpty() && is.isEmpty()) continue;
		if (!was.isEmpty() && !is.isEmpty() && was.toString() == is.toString()) continue;
		Poco::JSON::Object::Ptr change = new Poco::JSON::Object;
		change->set("old", was);
		change->set("new", is);
		changes.set(field, change);
	}
	if (after.delivery.smtpPassword != before.delivery.smtpPassword)
	{
		// That it changed, never what it is or was.
		Poco::JSON::Object::Ptr change = new Poco::JSON::Object;
		change->set("old", before.delivery.smtpPassword.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var("(saved)"));
		change->set("new", after.delivery.smtpPassword.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var("(saved)"));
		changes.set("smtp_password", change);
	}
	if (changes.size() > 0)
	{
		_store.save(session, after);
		_host.audit().append(session, {request.user, "reminders.settings.update", "settings", "reminders",
									   erp::AuditEntry::json(changes)});
		tx.commit();
	}
	const bool switchedOn = changes.size() > 0 && !before.enabled && after.enabled;
	const int candidates = switchedOn ? _planning.countUnflaggedOutstanding(session) : 0;
	Poco::JSON::Object::Ptr answer = toJson(changes.size() > 0 ? after : before, request.role == erp::Role::ADMIN);
	answer->set("bulk_enable_suggested", candidates > 0);
	answer->set("bulk_enable_candidates", switchedOn ? Poco::Dynamic::Var(candidates) : Poco::Dynamic::Var());

	if (after.delivery != before.delivery)
		_host.logger().information("reminders: delivery changed by %s: %s", request.user,
								   _transports.describe(after.delivery));

	bool scheduleMoved = false;
	for (const auto& entry: changes)
		scheduleMoved = scheduleMoved || SettingsRules::changesSchedule(entry.first);
	if (scheduleMoved && _scheduleChanged)
	{
		try
		{
			_scheduleChanged();
		}
		catch (std::exception& exc)
		{
			// The settings are saved; the timer catches up at its next wake-up.
			_host.logger().error("reminders: re-arming the weekly timer failed: %s", std::string(exc.what()));
		}
	}
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
