//
// BouncesResource.cpp
//


#include "plugin/BouncesResource.h"
#include "erp/ApiError.h"
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>


namespace reminders {


BouncesResource::BouncesResource(erp::Host& host, std::unique_ptr<BounceMailbox> mailbox, const BounceReader& reader,
								 int intervalMinutes):
	_host(host),
	_mailbox(std::move(mailbox)),
	_reader(reader),
	_interval(static_cast<Poco::Timestamp::TimeDiff>(intervalMinutes) * 60 * Poco::Timestamp::resolution()),
	_lastRead(host.clock().now())
{}


void BouncesResource::mount(erp::HttpRoutes& routes)
{
	routes.route("POST", "bounces/read", erp::Role::ADMIN, [this](const erp::HttpRequest& r) { return readNow(r); });
}


std::string BouncesResource::describe() const
{
	return _mailbox->describe();
}


std::optional<Poco::Timestamp> BouncesResource::nextRun(const Poco::Timestamp&) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _lastRead + _interval;
}


erp::TaskResult BouncesResource::run(const std::string& actor)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_lastRead = _host.clock().now();
	try
	{
		const BounceReader::Result result = _reader.read(*_mailbox, actor);
		if (result.read > 0) _host.logger().information("reminders: %s", result.summary());
		return {true, result.summary()};
	}
	catch (Poco::Exception& exc)
	{
		// Tried again at the next interval; nothing was removed unrecorded.
		const std::string why = "the bounce mailbox could not be read: " + exc.displayText();
		_host.logger().error("reminders: %s", why);
		return {false, why};
	}
}


erp::HttpResponse BouncesResource::readNow(const erp::HttpRequest& request)
{
	std::lock_guard<std::mutex> lock(_mutex);
	_lastRead = _host.clock().now();
	BounceReader::Result result;
	try
	{
		result = _reader.read(*_mailbox, request.user);
	}
	catch (erp::ApiError&)
	{
		throw;
	}
	catch (Poco::Exception& exc)
	{
		// The mailbox's server refused or failed: what was read before the
		// failure is committed and will not be counted again.
		throw erp::ApiError(502, "mailbox_unavailable", "the bounce mailbox could not be read: " + exc.displayText());
	}
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("mailbox", _mailbox->describe());
	answer->set("read", result.read);
	answer->set("bounced", result.bounced);
	answer->set("delayed", result.delayed);
	answer->set("ignored", result.ignored);
	answer->set("again", result.again);
	answer->set("summary", result.summary());
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
