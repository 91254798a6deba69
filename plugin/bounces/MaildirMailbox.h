//
// MaildirMailbox.h
//


#ifndef Reminders_MaildirMailbox_INCLUDED
#define Reminders_MaildirMailbox_INCLUDED


#include "plugin/bounces/BounceMailbox.h"


namespace reminders {


class MaildirMailbox: public BounceMailbox
/// A Maildir folder that the business's mail server delivers the bounce
/// address into (reminders.bounces.maildir): messages are read from new/;
/// done() moves one to cur/ marked seen (":2,S"), as a mail client would,
/// so that people can still read it there. Never writes anything else.
{
public:
	explicit MaildirMailbox(const std::string& folder);
	/// Throws Poco::InvalidArgumentException naming reminders.bounces.maildir
	/// when the folder has no new/ and cur/.

	std::vector<std::string> pending(std::size_t limit) override;
	std::string read(const std::string& id, std::size_t maximum) override;
	void done(const std::string& id) override;
	std::string describe() const override;

private:
	std::string _folder;
};


} // namespace reminders


#endif // Reminders_MaildirMailbox_INCLUDED
