//
// ReturnPathTransport.cpp
//


#include "plugin/mail/ReturnPathTransport.h"
#include <Poco/Exception.h>


namespace reminders {


ReturnPathTransport::ReturnPathTransport(std::unique_ptr<Transport> inner, const ReturnPath& returnPath):
	_inner(std::move(inner)),
	_returnPath(returnPath)
{}


Delivery ReturnPathTransport::send(const ComposedMessage& message)
{
	if (message.messageId.empty()) return _inner->send(message);
	ComposedMessage addressed = message;
	try
	{
		addressed.envelopeSender = _returnPath.forMessage(message.messageId);
	}
	catch (Poco::InvalidArgumentException&)
	{
		// A Message-ID of another shape: sent, with the From as its envelope.
	}
	return _inner->send(addressed);
}


void ReturnPathTransport::close()
{
	_inner->close();
}


std::string ReturnPathTransport::describe() const
{
	return _inner->describe() + ", bounces to " + _returnPath.address() + " (one return path per message)";
}


} // namespace reminders
