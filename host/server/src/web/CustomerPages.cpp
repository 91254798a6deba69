//
// CustomerPages.cpp
//


#include "web/CustomerPages.h"
#include "erp/ApiError.h"
#include "web/FormData.h"
#include "web/FormErrors.h"
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>


namespace host {


const int CustomerPages::PAGE_SIZE = 20;


namespace {

const std::vector<std::string> CUSTOMER_FIELDS = {"name", "email", "language"};

Poco::JSON::Object::Ptr parse(const erp::HttpResponse& response)
{
	return Poco::JSON::Parser().parse(response.body).extract<Poco::JSON::Object::Ptr>();
}

std::string listUrl(int page, const std::string& search)
{
	std::string url = "/customers?page=" + std::to_string(page);
	if (!search.empty())
	{
		std::string encoded;
		Poco::URI::encode(search, "&=+?#/;", encoded);
		url += "&q=" + encoded;
	}
	return url;
}

} // namespace


CustomerPages::CustomerPages(CustomerResource& customers, const PageRenderer& pages, const MessageCatalog& messages,
							 const RecordFieldsForm& extra):
	_customers(customers),
	_pages(pages),
	_messages(messages),
	_extra(extra)
{}


erp::HttpRequest CustomerPages::apiRequest(const SignedIn& who) const
{
	erp::HttpRequest request;
	request.user = who.user.name;
	request.role = who.user.role;
	return request;
}


WebResponse CustomerPages::list(const WebRequest& request, const SignedIn& who) const
{
	int page = 1;
	if (auto it = request.query.find("page"); it != request.query.end())
		if (!Poco::NumberParser::tryParse(it->second, page) || page < 1 || page > 1000000) page = 1;
	std::string search;
	if (auto it = request.query.find("q"); it != request.query.end()) search = it->second.substr(0, 200);

	erp::HttpRequest api = apiRequest(who);
	api.method = "GET";
	api.path = "/api/customers";
	// One more than a page: whether a next page exists.
	api.query["limit"] = std::to_string(PAGE_SIZE + 1);
	api.query["offset"] = std::to_string((page - 1) * PAGE_SIZE);
	if (!search.empty()) api.query["q"] = search;
	Poco::JSON::Array::Ptr items = parse(_customers.list(api))->getArray("items");

	WebResponse response;
	response.body = _pages.render(
		"customers.tpl", who.frame(_messages.text(who.language, "customers.title"), "customers"),
		[&](ctemplate::TemplateDictionary& page_) {
			page_.SetValue("Q", search);
			page_.SetIntValue("PAGE", page);
			if (request.query.count("saved")) page_.ShowSection("SAVED");
			const std::size_t shown = std::min<std::size_t>(items->size(), PAGE_SIZE);
			page_.ShowSection(shown == 0 ? "EMPTY" : "TABLE");
			for (std::size_t i = 0; i < shown; ++i)
			{
				Poco::JSON::Object::Ptr item = items->getObject(static_cast<unsigned>(i));
				ctemplate::TemplateDictionary* row = page_.AddSectionDictionary("ROW");
				const std::string id = item->getValue<std::string>("id");
				row->SetValue("ID", id);
				row->SetValue("NAME", item->getValue<std::string>("name"));
				if (item->isNull("email"))
					row->ShowSection("NO_EMAIL");
				else
					row->SetValue("EMAIL", item->getValue<std::string>("email"));
				row->SetValue("LANGUAGE",
							  _messages.text(who.language, "language." + item->getValue<std::string>("language")));
			}
			if (page > 1) page_.SetValueAndShowSection("PREV_URL", listUrl(page - 1, search), "PREV");
			if (items->size() > static_cast<std::size_t>(PAGE_SIZE))
				page_.SetValueAndShowSection("NEXT_URL", listUrl(page + 1, search), "NEXT");
			if (page > 1 || items->size() > static_cast<std::size_t>(PAGE_SIZE)) page_.ShowSection("PAGER");
		});
	return response;
}


WebResponse CustomerPages::form(const SignedIn& who, const std::string& id) const
{
	Values values;
	const std::vector<RecordFieldsForm::Field> extra = _extra.fields("customer", who);
	values.extra = RecordFieldsForm::fromRecord(extra, nullptr);
	if (!id.empty())
	{
		erp::HttpRequest api = apiRequest(who);
		api.method = "GET";
		api.path = "/api/customers/" + id;
		api.params["id"] = id;
		// An unknown or malformed id: ApiError 404/400, answered by the caller.
		Poco::JSON::Object::Ptr customer = parse(_customers.get(api));
		values.name = customer->getValue<std::string>("name");
		values.email = customer->isNull("email") ? "" : customer->getValue<std::string>("email");
		values.language = customer->getValue<std::string>("language");
		values.extra = RecordFieldsForm::fromRecord(extra, customer.get());
	}
	return page(who, id, values, extra, FormErrors(), "", {}, 200);
}


WebResponse CustomerPages::save(const WebRequest& request, const SignedIn& who, const std::string& id) const
{
	const std::map<std::string, std::string> fields = FormData::parse(request.body);
	const std::vector<RecordFieldsForm::Field> extra = _extra.fields("customer", who);
	auto field = [&](const std::string& name) {
		auto it = fields.find(name);
		return it == fields.end() ? std::string() : it->second;
	};
	Values values{field("name"), field("email"), field("language"),
				  RecordFieldsForm::fromForm(extra, FormData::parseAll(request.body))};

	// The form as the API's JSON body: the API decides what is valid.
	Poco::JSON::Object body;
	body.set("name", values.name);
	if (!values.email.empty())
		body.set("email", values.email);
	else if (!id.empty())
		body.set("email", Poco::Dynamic::Var()); // cleared
	if (fields.count("language")) body.set("language", values.language);
	RecordFieldsForm::addTo(body, extra, values.extra);
	erp::HttpRequest api = apiRequest(who);
	api.body = erp::AuditEntry::json(body);
	try
	{
		if (id.empty())
		{
			api.method = "POST";
			api.path = "/api/customers";
			_customers.create(api);
		}
		else
		{
			api.method = "PATCH";
			api.path = "/api/customers/" + id;
			api.params["id"] = id;
			_customers.update(api);
		}
	}
	catch (const erp::ApiError& error)
	{
		if (error.status() == 404) throw;
		if (error.field().find('.') != std::string::npos) // a plugin's field: beside it, in the plugin's words
			return page(who, id, values, extra, FormErrors(), error.field(), _extra.refusal(error, who.language), 422);
		const FormErrors errors(error, CUSTOMER_FIELDS, [](const erp::ApiError& each, bool own) {
			return own ? "customer.error." + each.field() : std::string("form.error");
		});
		return page(who, id, values, extra, errors, "", {}, 422);
	}
	return WebResponse::redirect("/customers?saved=1");
}


WebResponse CustomerPages::page(const SignedIn& who, const std::string& id, const Values& values,
								const std::vector<RecordFieldsForm::Field>& extra, const FormErrors& errors,
								const std::string& extraField, const PluginUi::Refusal& extraError, int status) const
{
	const std::string title = _messages.text(who.language, id.empty() ? "customer.new" : "customer.edit");
	WebResponse response;
	response.status = status;
	response.body =
		_pages.render("customer_form.tpl", who.frame(title, "customers"), [&](ctemplate::TemplateDictionary& form) {
			form.SetValue("HEADING", title);
			form.SetValue("ACTION", id.empty() ? std::string("/customers/new") : "/customers/" + id);
			form.SetValue("NAME", values.name);
			form.SetValue("EMAIL", values.email);
			form.ShowSection(values.language == "en" ? "LANGUAGE_EN" : "LANGUAGE_EL");
			errors.describe(form, CUSTOMER_FIELDS);
			_extra.fill(form, extra, values.extra, who.language, extraField, extraError);
			// A plugin's field: its error is beside it.
			if (!extraField.empty()) form.ShowSection("HAS_ERROR");
			errors.show(form, _messages.all(who.language));
		});
	return response;
}


} // namespace host
