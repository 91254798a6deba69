//
// BouncesResource.cpp
//


#include "plugin/BouncesResource.h"
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


std::optional<Poco::Timestamp> BouncesResource::nextRun(const Poco::Timestamp&) const
{
	std::lock_guard<std::mutex> lock(_mutex);
	return _lastRead + _interval;
}


erp::TaskResult BouncesResource::run(const std::string& actor)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const BounceReader::Result result = _reader.read(*_mailbox, actor);
	_lastRead = _host.clock().now();
	if (result.read > 0) _host.logger().information("reminders: %s", result.summary());
	return {true, result.summary()};
}


erp::HttpResponse BouncesResource::readNow(const erp::HttpRequest& request)
{
	std::lock_guard<std::mutex> lock(_mutex);
	const BounceReader::Result result = _reader.read(*_mailbox, request.user);
	_lastRead = _host.clock().now();
	Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
	answer->set("mailbox", _mailbox->describe());
	answer->set("read", result.read);
	answer->set("bounced", result.bounced);
	answer->set("delayed", result.delayed);
	answer->set("ignored", result.ignored);
	answer->set("summary", result.summary());
	return erp::HttpResponse::json(200, answer);
}


} // namespace reminders
