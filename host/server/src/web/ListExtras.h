//
// ListExtras.h
//


#ifndef Host_ListExtras_INCLUDED
#define Host_ListExtras_INCLUDED


#include "erp/Clock.h"
#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/PluginUi.h"
#include "web/SignedIn.h"
#include "web/WebRequest.h"
#include "web/WebResponse.h"
#include <cstring> // ctemplate/str_ref.h uses strlen without including it
#include <ctemplate/template_dictionary.h>
#include <map>
#include <string>
#include <vector>


namespace host {


class ListExtras
/// What the plugins add to a row of the host's list of an entity: the
/// toggles of their list actions (erp::ListAction) in the Actions column,
/// and links to their record views (erp::RecordView) in the Status column.
/// Only plugins that are switched on show theirs.
///
/// A toggle is a form posted to /<entity>s/<id>/actions/<plugin>/<n> with
/// the state the user saw ("on"); the host PUTs the opposite through the
/// action's toggle route and sends the browser back to the list (htmx swaps
/// only the toggle). A view is a page, /<entity>s/<id>/views/<plugin>/<n>.
{
public:
	struct Snapshot
	/// The page's rows: each action's state per record id, as its state route answered.
	{
		struct Action
		{
			std::string plugin;
			std::size_t index = 0;
			erp::ListAction declared;
			Poco::JSON::Object::Ptr states; /// id -> {on, available, title}; null when the route failed
		};
		struct View
		{
			std::string plugin;
			std::size_t index = 0;
			erp::RecordView declared;
		};
		std::vector<Action> actions;
		std::vector<View> views;
	};

	ListExtras(const PluginUi& plugins, const PageRenderer& pages, const MessageCatalog& messages,
			   const erp::Clock& clock);
	/// The clock's time zone is the one "datetime" columns are shown in.

	Snapshot prepare(const std::string& entity, const std::vector<std::string>& ids, const SignedIn& who) const;
	/// One call of each action's state route for all the ids.

	void fillRow(ctemplate::TemplateDictionary& row, const std::string& entity, const std::string& id,
				 const Snapshot& snapshot, const SignedIn& who, const std::string& back) const;
	/// The row's ACTION and VIEW sections. `back`: the list's URL, to return to.

	WebResponse toggle(const WebRequest& request, const SignedIn& who, const std::string& entity, const std::string& id,
					   const std::string& plugin, const std::string& index) const;
	WebResponse view(const WebRequest& request, const SignedIn& who, const std::string& entity, const std::string& id,
					 const std::string& plugin, const std::string& index) const;

	std::string refusal(const WebRequest& request, const SignedIn& who, const std::string& id) const;
	/// Why the plugin refused the toggle of record `id` that sent the
	/// browser back here (?refused=<plugin>&refused_id=<id>&reason=<code>),
	/// in the plugin's words (PluginUi::refusal); empty for another row.

	static std::string safeBack(const std::string& back, const std::string& fallback);
	/// A path of this host's list, else the fallback.

private:
	WebResponse problem(const SignedIn& who, int status, const std::string& key) const;

	const PluginUi& _plugins;
	const PageRenderer& _pages;
	const MessageCatalog& _messages;
	const erp::Clock& _clock;
};


} // namespace host


#endif // Host_ListExtras_INCLUDED
