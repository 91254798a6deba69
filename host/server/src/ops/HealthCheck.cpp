//
// HealthCheck.cpp
//


#include "ops/HealthCheck.h"
#include "erp/Utf8.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>


namespace host {


HealthCheck::HealthCheck(HealthSource& source):
	_source(source)
{}


erp::HttpResponse HealthCheck::answer(bool details)
{
	Poco::JSON::Object::Ptr checks = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	Poco::JSON::Array::Ptr reasons = new Poco::JSON::Array;
	bool healthy = true;

	const std::string database = _source.databaseProblem();
	checks->set("database", database.empty() ? "ok" : "failing");
	if (!database.empty())
	{
		healthy = false;
		reasons->add(details ? "the database does not answer: " + erp::Utf8::escapeInvalid(database)
							 : "the database does not answer");
	}

	Poco::JSON::Array::Ptr running = new Poco::JSON::Array;
	Poco::JSON::Array::Ptr disabled = new Poco::JSON::Array;
	Poco::JSON::Array::Ptr refused = new Poco::JSON::Array;
	for (const HealthSource::Plugin& plugin: _source.plugins())
		if (plugin.state == "refused")
		{
			Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
			item->set("id", plugin.id);
			item->set("reason", erp::Utf8::escapeInvalid(plugin.reason));
			refused->add(item);
			if (details)
				reasons->add("the plugin " + plugin.id + " was refused: " + erp::Utf8::escapeInvalid(plugin.reason));
		}
		else
			(plugin.state == "disabled" ? disabled : running)->add(plugin.id);
	checks->set("plugins", refused->size() ? "failing" : "ok");
	if (refused->size())
	{
		healthy = false;
		if (!details) reasons->add("a plugin was refused");
	}

	if (!_source.schedulerEnabled())
		checks->set("scheduler", "off");
	else
	{
		const std::string scheduler = _source.schedulerProblem();
		checks->set("scheduler", scheduler.empty() ? "ok" : "failing");
		if (!scheduler.empty())
		{
			healthy = false;
			reasons->add(details ? "the scheduler: " + erp::Utf8::escapeInvalid(scheduler)
								 : "the scheduler is not running its tasks");
		}
	}

	Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
	body->set("status", healthy ? "ok" : "unavailable");
	body->set("checks", checks);
	body->set("reasons", reasons);
	if (details)
	{
		Poco::JSON::Object::Ptr plugins = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
		plugins->set("running", running);
		plugins->set("disabled", disabled);
		plugins->set("refused", refused);
		body->set("plugins", plugins);
	}
	return erp::HttpResponse::json(healthy ? 200 : 503, body);
}


} // namespace host
