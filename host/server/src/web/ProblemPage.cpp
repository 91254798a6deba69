//
// ProblemPage.cpp
//


#include "web/ProblemPage.h"


namespace host {


WebResponse ProblemPage::render(const PageRenderer& pages, const MessageCatalog& messages, const std::string& language,
								const std::optional<SignedIn>& who, int status, const std::string& key)
{
	WebResponse response;
	response.status = status;
	const std::string title = messages.text(language, key);
	const PageRenderer::Frame frame =
		who ? who->frame(title, "") : PageRenderer::Frame{language, title, "", "", "", "", false, {}};
	response.body = pages.render("problem.tpl", frame, [&](ctemplate::TemplateDictionary& page) {
		page.SetValue("MESSAGE", title);
		if (!who) page.ShowSection("SIGNED_OUT");
	});
	return response;
}


} // namespace host
