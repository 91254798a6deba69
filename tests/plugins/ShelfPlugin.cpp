//
// ShelfPlugin.cpp
//
// A second plugin for the screens contract (erp::Screens): it declares one
// of each kind, so that the host's screens are shown to render what any
// plugin declares, not what the reminders plugin needs. Everything it
// keeps is in memory.
//   - a customer field "vip" (bool) and an invoice field "priority" (int,
//     shown while the invoice is not paid), preset from the customer's "vip";
//   - the settings tab "shelf" with a master switch, a text, a number, a
//     choice and a write-only secret (administrators only);
//   - a star toggle in the invoice list, and the notes of an invoice behind
//     its status icon;
//   - the page "board" in the menu, listing the notes, with a form to add one.
//


#include "erp/ApiError.h"
#include "erp/Host.h"
#include "erp/Instant.h"
#include "erp/JsonBody.h"
#include "erp/Plugin.h"
#include "erp/QueryParameters.h"
#include <Poco/ClassLibrary.h>
#include <Poco/JSON/Array.h>
#include <Poco/StringTokenizer.h>
#include <map>
#include <mutex>
#include <set>
#include <vector>


namespace {

erp::Texts words(const char* el, const char* en)
{
	return {{"el", el}, {"en", en}};
}

class ShelfFields: public erp::RecordExtension
{
public:
	void validate(Poco::Data::Session&, const std::string& entity, Poco::Int64, const Poco::JSON::Object& values,
				  const Poco::JSON::Object&) override
	{
		for (const auto& [name, value]: values)
		{
			if (entity == "customer" && name == "vip" && value.isBoolean()) continue;
			if (entity == "invoice" && name == "priority" && value.isInteger() && value.convert<int>() >= 0 &&
				value.convert<int>() <= 9)
				continue;
			throw erp::ApiError::invalid(name, name + " is not a valid shelf field value");
		}
	}

	void write(Poco::Data::Session&, const std::string& entity, Poco::Int64 id, const Poco::JSON::Object& values,
			   const std::string&) override
	{
		std::lock_guard<std::mutex> lock(_mutex);
		for (const auto& [name, value]: values)
			_values[entity + "." + std::to_string(id) + "." + name] = value;
	}

	Poco::JSON::Object::Ptr read(Poco::Data::Session&, const std::string& entity, Poco::Int64 id) override
	{
		std::lock_guard<std::mutex> lock(_mutex);
		Poco::JSON::Object::Ptr section = new Poco::JSON::Object;
		const std::string name = entity == "customer" ? "vip" : "priority";
		auto it = _values.find(entity + "." + std::to_string(id) + "." + name);
		section->set(name, it != _values.end()
							   ? it->second
							   : (entity == "customer" ? Poco::Dynamic::Var(false) : Poco::Dynamic::Var(0)));
		return section;
	}

private:
	std::mutex _mutex;
	std::map<std::string, Poco::Dynamic::Var> _values;
};

} // namespace


class ShelfPlugin: public erp::Plugin
{
public:
	void start(erp::Host& host) override
	{
		_host = &host;
		erp::FieldSpec vip{"customer",
						   "vip",
						   "bool",
						   "false",
						   words("Σημαντικός πελάτης", "Important customer"),
						   words("Τα τιμολόγιά του ξεκινούν με προτεραιότητα.", "Their invoices start with priority."),
						   ""};
		erp::FieldSpec priority{"invoice",
								"priority",
								"int",
								"0",
								words("Προτεραιότητα", "Priority"),
								words("0 έως 9.", "0 to 9."),
								"!invoice.paid && customer.shelf.vip"};
		host.records().extend({vip, priority}, _fields);
		routes(host.http());
		if (host.abiMinor() >= 2) host.screens().declare(screens());
	}

	void stop() override
	{
		if (!_host) return;
		if (_host->abiMinor() >= 2) _host->screens().withdraw();
		_host->http().removeAll();
		_host->records().withdraw();
		_host = nullptr;
	}

private:
	static erp::ScreenSet screens()
	{
		erp::ScreenSet set;
		erp::SettingsTab tab;
		tab.id = "shelf";
		tab.label = words("Ράφι", "Shelf");
		tab.route = "settings";
		tab.switchField = "enabled";
		tab.pageAfterSwitchOn = "board";
		tab.fields.push_back({"enabled", "bool", words("Ράφι ενεργό", "Shelf on"), {}, {}, erp::Role::ACCOUNTANT});
		tab.fields.push_back({"title",
							  "text",
							  words("Τίτλος", "Title"),
							  words("Στην κορυφή του πίνακα.", "At the top of the board."),
							  {},
							  erp::Role::ACCOUNTANT});
		// Without a value until one is typed: optional, so that an empty
		// field is sent as null, not as an empty whole number to refuse.
		erp::ScreenField shelves{"shelves", "int", words("Ράφια", "Shelves"), {}, {}, erp::Role::ACCOUNTANT};
		shelves.optional = true;
		tab.fields.push_back(shelves);
		erp::ScreenField colour{"colour", "choice", words("Χρώμα", "Colour"), {}, {}, erp::Role::ACCOUNTANT};
		colour.choices = {{"oak", words("Δρυς", "Oak")}, {"pine", words("Πεύκο", "Pine")}};
		tab.fields.push_back(colour);
		erp::ScreenField secret{"secret", "password", words("Μυστικό", "Secret"), {}, {}, erp::Role::ADMIN};
		secret.writeOnly = true;
		tab.fields.push_back(secret);
		set.tabs.push_back(tab);
		set.defaults.push_back({"invoice", "priority", "customer.shelf.vip"});

		erp::ListAction star;
		star.entity = "invoice";
		star.label = words("Αστέρι", "Star");
		star.stateRoute = "stars";
		star.toggleRoute = "stars/{id}";
		star.toggleField = "starred";
		star.icon = "star";
		set.actions.push_back(star);

		erp::RecordView notes;
		notes.entity = "invoice";
		notes.label = words("Σημειώσεις", "Notes");
		notes.route = "invoices/{id}/notes";
		notes.icon = "note";
		notes.columns = {{"text", words("Σημείωση", "Note"), "text"},
						 {"by", words("Από", "By"), "text"},
						 {"at", words("Πότε", "When"), "datetime"}};
		notes.empty = words("Καμία σημείωση.", "No note.");
		set.views.push_back(notes);

		erp::PluginPage board;
		board.id = "board";
		board.label = words("Πίνακας", "Board");
		board.templateFile = "board.tpl";
		board.viewRoute = "board";
		erp::PageAction add;
		add.name = "add";
		add.method = "POST";
		add.route = "notes";
		add.fields.push_back({"invoice_id", "int", words("Τιμολόγιο", "Invoice"), {}, {}, erp::Role::ACCOUNTANT});
		add.fields.push_back({"text", "text", words("Σημείωση", "Note"), {}, {}, erp::Role::ACCOUNTANT});
		board.actions.push_back(add);
		set.pages.push_back(board);
		return set;
	}

	void routes(erp::HttpRoutes& http)
	{
		http.route("GET", "settings", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest&) {
			std::lock_guard<std::mutex> lock(_mutex);
			Poco::JSON::Object::Ptr body = new Poco::JSON::Object(_settings);
			body->remove("secret");
			body->set("secret_set", _settings.has("secret"));
			return erp::HttpResponse::json(200, body);
		});
		http.route("PUT", "settings", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& request) {
			const erp::JsonBody body(request.body);
			body.allowOnly([](const std::string& field) {
				static const std::set<std::string> FIELDS = {"enabled", "title", "shelves", "colour", "secret"};
				return FIELDS.count(field) > 0;
			});
			if (body.has("secret") && request.role != erp::Role::ADMIN)
				throw erp::ApiError(403, "forbidden", "only an administrator may set the secret", "secret");
			std::lock_guard<std::mutex> lock(_mutex);
			Poco::JSON::Object next(_settings);
			if (auto on = body.boolean("enabled")) next.set("enabled", *on);
			if (auto title = body.text("title", false, 40)) next.set("title", *title);
			if (auto shelves = body.integer("shelves", false, 1, 12)) next.set("shelves", *shelves);
			if (auto colour = body.text("colour", false, 8))
			{
				if (*colour != "oak" && *colour != "pine")
					throw erp::ApiError::invalid("colour", "colour must be oak or pine");
				next.set("colour", *colour);
			}
			if (auto secret = body.text("secret", false, 64)) next.set("secret", *secret);
			_settings = next;
			Poco::JSON::Object::Ptr answer = new Poco::JSON::Object(_settings);
			answer->remove("secret");
			return erp::HttpResponse::json(200, answer);
		});
		http.route("GET", "stars", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& request) {
			Poco::JSON::Object::Ptr states = new Poco::JSON::Object;
			auto ids = request.query.find("ids");
			std::lock_guard<std::mutex> lock(_mutex);
			if (ids != request.query.end())
				for (const std::string& id: Poco::StringTokenizer(ids->second, ",", Poco::StringTokenizer::TOK_TRIM))
				{
					Poco::JSON::Object::Ptr state = new Poco::JSON::Object;
					const bool on = _stars.count(id) > 0;
					state->set("on", on);
					state->set("available", true);
					Poco::JSON::Object::Ptr title = new Poco::JSON::Object;
					title->set("el", on ? "Με αστέρι" : "Χωρίς αστέρι");
					title->set("en", on ? "Starred" : "Not starred");
					state->set("title", title);
					states->set(id, state);
				}
			Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
			body->set("states", states);
			return erp::HttpResponse::json(200, body);
		});
		http.route("PUT", "stars/{id}", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& request) {
			const Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "invoice");
			const erp::JsonBody body(request.body);
			body.allowOnly([](const std::string& field) { return field == "starred"; });
			const std::optional<bool> starred = body.boolean("starred");
			if (!starred) throw erp::ApiError::invalid("starred", "starred is required");
			std::lock_guard<std::mutex> lock(_mutex);
			if (*starred)
				_stars.insert(std::to_string(id));
			else
				_stars.erase(std::to_string(id));
			Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
			answer->set("starred", *starred);
			return erp::HttpResponse::json(200, answer);
		});
		http.route("GET", "invoices/{id}/notes", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& request) {
			const Poco::Int64 id = erp::QueryParameters::pathId(request.params, "id", "invoice");
			std::lock_guard<std::mutex> lock(_mutex);
			Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
			for (const Note& note: _notes)
				if (note.invoice == id)
				{
					Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
					item->set("text", note.text);
					item->set("by", note.by);
					item->set("at", note.at);
					items->add(item);
				}
			Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
			body->set("items", items);
			return erp::HttpResponse::json(200, body);
		});
		http.route("POST", "notes", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& request) {
			const erp::JsonBody body(request.body);
			body.allowOnly([](const std::string& field) { return field == "invoice_id" || field == "text"; });
			const std::optional<Poco::Int64> invoice = body.integer("invoice_id", true, 1, 1000000000);
			const std::optional<std::string> text = body.text("text", true, 200);
			if (text->empty()) throw erp::ApiError::invalid("text", "a note needs a text");
			std::lock_guard<std::mutex> lock(_mutex);
			_notes.push_back({*invoice, *text, request.user, erp::Instant::format(_host->clock().now())});
			Poco::JSON::Object::Ptr answer = new Poco::JSON::Object;
			answer->set("summary", "note added");
			return erp::HttpResponse::json(201, answer);
		});
		http.route("GET", "board", erp::Role::ACCOUNTANT, [this](const erp::HttpRequest& request) {
			std::lock_guard<std::mutex> lock(_mutex);
			Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
			body->set("title", _settings.has("title") ? _settings.get("title") : Poco::Dynamic::Var("Shelf"));
			body->set("language", request.query.count("language") ? request.query.at("language") : "");
			Poco::JSON::Array::Ptr notes = new Poco::JSON::Array;
			for (const Note& note: _notes)
			{
				Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
				item->set("invoice_id", note.invoice);
				item->set("text", note.text);
				item->set("by", note.by);
				notes->add(item);
			}
			body->set("notes", notes);
			return erp::HttpResponse::json(200, body);
		});
	}

	struct Note
	{
		Poco::Int64 invoice;
		std::string text;
		std::string by;
		std::string at;
	};

	erp::Host* _host = nullptr;
	ShelfFields _fields;
	std::mutex _mutex;
	Poco::JSON::Object _settings;
	std::set<std::string> _stars;
	std::vector<Note> _notes;
};


POCO_BEGIN_MANIFEST(erp::Plugin)
POCO_EXPORT_CLASS(ShelfPlugin)
POCO_END_MANIFEST

ERP_PLUGIN_INFO("shelf", "1.0.0", ShelfPlugin)
