//
// PluginUi.h
//


#ifndef Host_PluginUi_INCLUDED
#define Host_PluginUi_INCLUDED


#include "RecordRegistry.h"
#include "Router.h"
#include "web/ScreenRegistry.h"
#include "web/SignedIn.h"
#include <Poco/JSON/Object.h>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>


namespace host {


class PluginUi
/// The web screens' way to what plugins declared: their routes, called as
/// the signed-in user through the API's router (so its role checks and
/// answers hold), and whether a plugin is switched on.
{
public:
	struct Answer
	{
		int status = 0;
		Poco::JSON::Object::Ptr body; /// the JSON object answered (null when not an object)

		bool ok() const
		{
			return status >= 200 && status < 300;
		}
		std::string errorField() const;
		std::string errorMessage() const;
		std::string errorCode() const;

		struct Error
		{
			std::string code;
			std::string field;
			std::string message;
		};
		std::vector<Error> errors() const;
		/// Every error of a refusal: its "errors" list (erp::InvalidFields),
		/// else the one error; empty for an answer that is no error.
	};

	struct Refusal
	/// What to show of a route's refusal, and in which language.
	{
		std::string text;
		std::string language; /// "en" when it is the route's own message
	};

	struct MenuEntry
	{
		std::string url;
		std::string label;
		bool current = false;
	};

	PluginUi(Router& router, ScreenRegistry& screens, RecordRegistry& records);

	Answer call(const std::string& plugin, const std::string& method, const std::string& route,
				const std::map<std::string, std::string>& query, const std::string& body, const SignedIn& who) const;
	/// The route relative to /api/plugins/<plugin>/.

	std::optional<std::set<std::string>> acceptedQuery(const std::string& plugin, const std::string& method,
													   const std::string& route) const;
	/// The query parameters the plugin's route takes (nullopt: any, or no
	/// such route): a page passes on only these of its own URL's.

	bool switchedOn(const ScreenRegistry::Declared& declared, const SignedIn& who) const;
	/// Asks the plugin: false when it has a master switch and it is off (or
	/// its settings cannot be read); true otherwise. Once per request: the
	/// answers are kept in SignedIn::pluginsOn.

	bool active(const ScreenRegistry::Declared& declared, const SignedIn& who) const;
	/// What switchedOn() answered for this request.

	std::vector<std::shared_ptr<const ScreenRegistry::Declared>> activePlugins(const SignedIn& who) const;
	/// The declarations of the plugins that are on, in plugin id order.

	std::vector<MenuEntry> menu(const SignedIn& who, const std::string& currentUrl) const;
	/// The pages of the active plugins the user may open, for the layout.

	ScreenRegistry& screens() const
	{
		return _screens;
	}
	RecordRegistry& records() const
	{
		return _records;
	}

	Refusal refusal(const std::string& plugin, const std::string& language, const std::string& code,
					const std::string& field, const std::string& message) const;
	/// A route's refusal in the page's language, from the plugin's message
	/// catalog: "error.<field>" for an invalid_field error, "error.<code>"
	/// for any other. Without a word there, the route's own (English)
	/// message, so that the page can mark it lang="en".

	static bool isCode(const std::string& code);
	/// A route's code fit for an address and a template section name:
	/// 1 to 40 of a-z and '_' (an outcome, a refusal's reason).

	static std::string text(const erp::Texts& texts, const std::string& language);
	/// The text in the language, else in the other one.

private:
	Router& _router;
	ScreenRegistry& _screens;
	RecordRegistry& _records;
};


} // namespace host


#endif // Host_PluginUi_INCLUDED
