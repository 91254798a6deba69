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

	virtual std::string describe() const = 0;
};


} // namespace reminders


#endif // Reminders_BounceMailbox_INCLUDED
