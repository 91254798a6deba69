//
// TestEmailResource.cpp
//


#include "plugin/TestEmailResource.h"
#include "erp/ApiError.h"
#include "erp/EmailAddress.h"
#include "erp/Instant.h"
#include "erp/JsonBody.h"
#include "plugin/ZonedClock.h"
#include "plugin/core/LocaleFormat.h"
#include "plugin/mail/MimeBuilder.h"
#include <Poco/Exception.h>


namespace reminders {


TestEmailResource::TestEmailResource(erp::Host& host, const SettingsStore& settings, const TemplateSet& templates,
									 const TransportFactory& transports):
	_host(host),
	_settings(settings),
	_templates(templates),
	_transports(transports)
{}


void TestEmailResource::mount(erp::HttpRoutes& routes)
{
	routes.route("POST", "test-email", erp::Role::ADMIN, [this](const erp::HttpRequest& r) { return send(r); });
}


erp::HttpResponse TestEmailResource::send(const erp::HttpRequest& request)
{
	const erp::JsonBody body(request.body);
	body.allowOnly([](const std::string& field) { return field == "to" || field == "language"; });
	const std::string to = *body.text("to", true, 254);
	if (!erp::EmailAddress::isValid(to)) throw erp::ApiError::invalid("to", "to is not an email address: " + to);

	ReminderSettings settings;
	{
		Poco::Data::Session session = _host.database().session();
		settings = _settings.load(session);
	}
	if (settings.fromAddress.empty())
		throw erp::ApiError::invalid("from_address",
									 "the reminders have no sender's address yet (from_address on the Email tab)");
	std::string language = body.text("language", false, 8).value_or(settings.fallbackLanguage);
	if (language != "el" && language != "en") throw erp::ApiError::invalid("language", "language must be el or en");

	const std::string delivery = _transports.describe(settings.delivery);
	const Poco::Timestamp now = _host.clock().now();
	const std::string zone = ZonedClock::zoneOf(settings, _host.clock());
	ctemplate::TemplateDictionary dictionary("test");
	dictionary.SetValue("SENDER", settings.fromAddress);
	dictionary.SetValue("ADMINISTRATOR", request.user);
	dictionary.SetValue("DATE", LocaleFormat::date(ZonedClock::today(settings, _host.clock()), language));
	ComposedMessage message = _templates.compose(language, "test", dictionary);
	message.fromAddress = settings.fromAddress;
	message.fromName = settings.fromName;
	message.replyTo = settings.replyTo;
	message.to = to;
	message.messageId =
		MimeBuilder::newMessageId(settings.fromAddress, "test." + std::to_string(now.epochMicroseconds()));
	message.date = now;
	message.timeZone = zone;

	Delivery outcome;
	try
	{
		std::unique_ptr<Transport> transport = _transports.create(settings.delivery);
		outcome = transport->send(message);
		transport->close();
	}
	catch (CredentialsRefused& exc)
	{
		outcome = {Delivery::State::REJECTED, exc.code(), exc.what()};
	}
	catch (Poco::Exception& exc)
	{
		outcome = {Delivery::State::DEFERRED, 0, exc.displayText()};
	}
	catch (std::exception& exc)
	{
		outcome = {Delivery::State::DEFERRED, 0, exc.what()};
	}

	const std::string state = Delivery::name(outcome.state);
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("to", to);
	answer->set("state", state);
	answer->set("reply_code", outcome.code ? Poco::Dynamic::Var(outcome.code) : Poco::Dynamic::Var());
	answer->set("reply_text", outcome.text.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(outcome.text));
	answer->set("delivery", delivery);
	answer->set("summary", "test email to " + to + " through " + delivery + ": " + state +
							   (outcome.text.empty() ? std::string() : " (" + outcome.text + ")"));
	{
		Poco::Data::Session session = _host.database().session();
		_host.audit().append(
			session, {request.user, "reminders.test_email", "settings", "reminders", erp::AuditEntry::json(*answer)});
	}
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
