//
// ReturnPathTransport.h
//


#ifndef Reminders_ReturnPathTransport_INCLUDED
#define Reminders_ReturnPathTransport_INCLUDED


#include "plugin/mail/ReturnPath.h"
#include "plugin/mail/Transport.h"
#include <memory>


namespace reminders {


class ReturnPathTransport: public Transport
/// Gives each message its own envelope sender (ReturnPath, from its
/// Message-ID) and hands it to the wrapped transport. A message without a
/// Message-ID keeps its From as the envelope sender.
{
public:
	ReturnPathTransport(std::unique_ptr<Transport> inner, const ReturnPath& returnPath);

	Delivery send(const ComposedMessage& message) override;
	void close() override;
	std::string describe() const override;

private:
	std::unique_ptr<Transport> _inner;
	ReturnPath _returnPath;
};


} // namespace reminders


#endif // Reminders_ReturnPathTransport_INCLUDED
