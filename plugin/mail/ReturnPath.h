//
// ReturnPath.h
//


#ifndef Reminders_ReturnPath_INCLUDED
#define Reminders_ReturnPath_INCLUDED


#include <optional>
#include <string>


namespace reminders {


class ReturnPath
/// The reminders' per-message envelope sender (VERP), so that a bounce
/// names the message it is about:
///
///   <local>+<tag>.<check>@<domain>      e.g. bounces+r12.c345.9f3a0c1d2e4b5a69.1c0ffee123@example.gr
///
/// <tag> is the message's Message-ID up to its '@' ("r<run>.c<customer>.
/// <random>"); <check> the first 10 hex digits of HMAC-SHA1(key, tag), so
/// that a forged bounce cannot name another message. Only the envelope
/// changes: the customer sees the same From, Reply-To and headers. Pure.
{
public:
	ReturnPath(const std::string& address, const std::string& key);
	/// address: the bounce mailbox, e.g. bounces@example.gr (its local part
	/// without '+'); key: at least 16 characters. Throws
	/// Poco::InvalidArgumentException naming reminders.bounces.address or
	/// reminders.bounces.key.

	std::string forMessage(const std::string& messageId) const;
	/// The envelope sender of the message with this Message-ID (without
	/// angle brackets). Throws Poco::InvalidArgumentException for an id
	/// whose left part cannot stand in a local part.

	std::optional<std::string> tagOf(const std::string& recipient) const;
	/// The Message-ID's left part that a bounce's recipient address
	/// (Delivered-To, X-Original-To, To) names, when the address is this
	/// mailbox's and its check holds; nullopt otherwise (another address,
	/// a forged or damaged one). Case-insensitive, as mail servers may
	/// change the case of a local part.

	const std::string& address() const;

private:
	std::string check(const std::string& tag) const;

	std::string _local;
	std::string _domain;
	std::string _address;
	std::string _key;
};


} // namespace reminders


#endif // Reminders_ReturnPath_INCLUDED
