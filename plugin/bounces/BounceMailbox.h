//
// BounceMailbox.h
//


#ifndef Reminders_BounceMailbox_INCLUDED
#define Reminders_BounceMailbox_INCLUDED


#include <string>
#include <vector>


namespace reminders {


class BounceMailbox
/// Where the bounces of the per-message return paths arrive. A message is
/// listed until done() is called for it, which the reader does only after
/// what it found is committed: a crash between the two reads it again, and
/// the store knows it by its id.
{
public:
	virtual ~BounceMailbox() = default;

	virtual std::vector<std::string> pending(std::size_t limit) = 0;
	/// The ids of messages not yet done, oldest first, at most limit.

	virtual std::string read(const std::string& id, std::size_t maximum) = 0;
	/// The raw message, its first maximum bytes.

	virtual void done(const std::string& id) = 0;
	/// The message will not be listed again. It may take effect only at
	/// finish() (POP3 deletes at QUIT): until then it can be read again,
	/// which the store recognises by its id.

	virtual void finish()
	{}
	/// Ends a read: what done() marked takes effect. Throws when it could
	/// not be confirmed; the messages are then read again next time.

	virtual std::string describe() const = 0;
};


} // namespace reminders


#endif // Reminders_BounceMailbox_INCLUDED
