//
// ProblemPage.h
//


#ifndef Host_ProblemPage_INCLUDED
#define Host_ProblemPage_INCLUDED


#include "web/MessageCatalog.h"
#include "web/PageRenderer.h"
#include "web/SignedIn.h"
#include "web/WebResponse.h"
#include <optional>
#include <string>


namespace host {


class ProblemPage
/// The page every refusal of the web interface answers with: the status
/// and one sentence of the catalog, in the layout (with the menu when
/// signed in, with a way to sign in when not).
{
public:
	static WebResponse render(const PageRenderer& pages, const MessageCatalog& messages, const std::string& language,
							  const std::optional<SignedIn>& who, int status, const std::string& key);
};


} // namespace host


#endif // Host_ProblemPage_INCLUDED
