//
// Screens.h
//
// What a plugin shows on the host's web screens (ABI 1.2).
//


#ifndef Erp_Screens_INCLUDED
#define Erp_Screens_INCLUDED


#include "erp/Abi.h"
#include "erp/Http.h"
#include <map>
#include <string>
#include <vector>


namespace erp {


using Texts = std::map<std::string, std::string>;
/// Language code ("el", "en") -> text. Every text a plugin declares comes
/// in both of the host's languages.


struct ScreenChoice
/// One value of a "choice" field.
{
	std::string value;
	Texts label;
};


struct ScreenField
/// A field of a settings tab, or of a page action's form.
{
	std::string name;                  /// the key in the JSON object the tab's route answers and takes
	std::string type;                  /// bool, int, text, email, time, zone, choice, password
	Texts label;                       /// the field's label
	Texts help;                        /// one line under the field, or empty
	std::vector<ScreenChoice> choices; /// type "choice"
	Role minimum = Role::ACCOUNTANT;   /// shown to, and sent by, this role and above only
	bool writeOnly = false;            /// never filled from the route's answer; sent only when typed (a password)
	bool optional = false;             /// an empty text is sent as null (cleared)
};


struct SettingsTab
/// A tab of the application settings.
{
	std::string id;    /// the tab's address: /settings/<id>
	Texts label;       /// the tab's name
	std::string route; /// relative to /api/plugins/<id>/: GET answers the values, PUT takes the changed ones
	std::vector<ScreenField> fields; /// in the order shown
	std::string switchField;         /// a bool field that switches the plugin on: when it is false, the plugin's
									 /// record fields, list actions, record views and pages are hidden
	std::string pageAfterSwitchOn;   /// a page id the browser is sent to after a save that turned the switch on
};


struct FormDefault
/// A field of a new record's form preset from a field of a related record
/// that the user chose on that form (and preset again when the choice
/// changes), e.g. the invoice's "with_reminder" from the chosen customer's
/// "reminders.default".
{
	std::string entity; /// "invoice"
	std::string field;  /// the plugin's field of that entity, e.g. "with_reminder"
	std::string from;   /// "customer.<plugin id>.<field>"
};


struct ListAction
/// A one-click toggle in the Actions column of the host's list of an entity.
{
	std::string entity;      /// "invoice"
	Texts label;             /// what the toggle does, e.g. "Payment reminder"
	std::string stateRoute;  /// GET with ?ids=1,2,3 -> {"states": {"<id>": {"on": bool, "available": bool,
							 /// "title": {"el": "...", "en": "..."}, "badge": {...}}}}: available false shows the title
							 /// and no toggle; the optional badge is shown beside the record's status
	std::string toggleRoute; /// PUT, "{id}" replaced by the record's id, body {toggleField: !on}
	std::string toggleField; /// e.g. "with_reminder"
	std::string icon;        /// one of the host's icons: bell, star, check, mail, note, list
};


struct ViewColumn
/// A column of a record view.
{
	std::string key;  /// the key in each item
	Texts label;      /// the column's heading
	std::string kind; /// text, date, datetime (an instant shown in the business time zone)
};


struct RecordView
/// A table behind the icon in the Status column of the host's list of an
/// entity (the email history of an invoice, say).
{
	std::string entity;              /// "invoice"
	Texts label;                     /// the icon's accessible name and the view's heading
	std::string route;               /// GET, "{id}" replaced -> {"items": [{...}, ...]}
	std::vector<ViewColumn> columns; /// in the order shown
	Texts empty;                     /// shown when there is no item
	Texts note;                      /// shown under the table, or empty
	std::string icon;                /// one of the host's icons: bell, star, check, mail, note, list
};


struct PageAction
/// A form of a plugin page: the host turns the posted form into a JSON body
/// after `fields` and calls the route as the signed-in user.
{
	std::string name;                /// the form's "action" value
	std::string method;              /// POST or PUT
	std::string route;               /// relative to /api/plugins/<id>/
	Role minimum = Role::ACCOUNTANT; /// the host hides nothing by this, the page's template does; it refuses others
	std::vector<ScreenField> fields; /// type bool, int, text, or ids (every value of a repeated field, as integers)
	std::string redirect;            /// the page id shown after success, with ?done=<name>&result=<the answer's
									 /// "summary", if any>; empty: this page
};


struct PluginPage
/// A page of the plugin's own, in the host's menu: the plugin's template
/// (a ctemplate file in its web/ folder, auto-escaped HTML) filled with the
/// view model its route answers, inside the host's layout.
{
	std::string id;                  /// the page's address: /p/<plugin id>/<id>
	Texts label;                     /// the menu entry and the title
	Role minimum = Role::ACCOUNTANT; /// below it the page is not in the menu and answers 403
	bool inMenu = true;              /// false: reached from another page or from pageAfterSwitchOn only
	std::string templateFile;        /// e.g. "preview.tpl", in <plugin directory>/web/
	std::string viewRoute;           /// GET, relative to /api/plugins/<id>/; the page's query parameters are
									 /// passed on, with "language" set to the page's
	std::vector<PageAction> actions;
};


struct ScreenSet
/// Everything a plugin shows. Record fields themselves are declared with
/// Records::extend (FieldSpec); this adds where and how they appear.
{
	std::vector<SettingsTab> tabs;
	std::vector<FormDefault> defaults;
	std::vector<ListAction> actions;
	std::vector<RecordView> views;
	std::vector<PluginPage> pages;
};


class ERP_API Screens
/// The host's screens as a plugin declares into them. Thread-safe.
{
public:
	virtual ~Screens() = default;

	virtual void declare(const ScreenSet& screens) = 0;
	/// Replaces the plugin's declaration. Throws Poco::InvalidArgumentException
	/// for a text missing a language, an unknown field type or entity, a
	/// template that is missing or does not parse, or a page or tab id that
	/// is not [a-z0-9-]+.

	virtual void withdraw() = 0;
	/// Removes the plugin's declaration.
};


} // namespace erp


#endif // Erp_Screens_INCLUDED
