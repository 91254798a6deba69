//
// ClientTls.cpp
//


#include "plugin/mail/ClientTls.h"
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>
#include <mutex>


namespace reminders {


void ClientTls::initialize()
{
	static std::once_flag once;
	std::call_once(once, [] {
		Poco::Net::initializeSSL();
		Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject(new Poco::Net::RejectCertificateHandler(false));
		Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, nullptr);
	});
}


} // namespace reminders
