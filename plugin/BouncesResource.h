//
// BouncesResource.h
//


#ifndef Reminders_BouncesResource_INCLUDED
#define Reminders_BouncesResource_INCLUDED


#include "erp/Host.h"
#include "plugin/bounces/BounceMailbox.h"
#include "plugin/bounces/BounceReader.h"
#include <memory>
#include <mutex>
#include <optional>


namespace reminders {


class BouncesResource
/// The bounce mailbox read on a timer (task reminders.bounces, every
/// reminders.bounces.interval_minutes, 15 by default) and on demand:
///   POST bounces/read (administrators): reads it now; the answer gives
///   the counts and a one-line "summary".
/// One read at a time.
{
public:
	BouncesResource(erp::Host& host, std::unique_ptr<BounceMailbox> mailbox, const BounceReader& reader,
					int intervalMinutes);

	void mount(erp::HttpRoutes& routes);

	erp::TaskResult run(const std::string& actor);

	std::optional<Poco::Timestamp> nextRun(const Poco::Timestamp& now) const;

	erp::HttpResponse readNow(const erp::HttpRequest& request);
	/// Throws erp::ApiError 502 mailbox_unavailable when the mailbox could
	/// not be read (its server refused the login, say).

	std::string describe() const;
	/// The mailbox, e.g. "POP3 bounces@mail.example.gr:995".

private:
	erp::Host& _host;
	std::unique_ptr<BounceMailbox> _mailbox;
	const BounceReader& _reader;
	Poco::Timestamp::TimeDiff _interval;
	mutable std::mutex _mutex;
	Poco::Timestamp _lastRead;
};


} // namespace reminders


#endif // Reminders_BouncesResource_INCLUDED
