//
// SpoolTransport.h
//


#ifndef Reminders_SpoolTransport_INCLUDED
#define Reminders_SpoolTransport_INCLUDED


#include "plugin/mail/Transport.h"


namespace reminders {


class SpoolTransport: public Transport
/// Writes each message as an .eml file into a folder, the embedded
/// default when no SMTP server is configured. A file is written under a
/// temporary name and renamed, so a reader never sees half a message.
/// A write that fails (disk full, permissions) is DEFERRED.
{
public:
	explicit SpoolTransport(const std::string& folder);
	/// Creates the folder when missing.

	Delivery send(const ComposedMessage& message) override;
	std::string describe() const override;

private:
	std::string _folder;
};


} // namespace reminders


#endif // Reminders_SpoolTransport_INCLUDED
