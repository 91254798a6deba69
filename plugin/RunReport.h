//
// RunReport.h
//


#ifndef Reminders_RunReport_INCLUDED
#define Reminders_RunReport_INCLUDED


#include "plugin/core/ReminderSettings.h"
#include "plugin/mail/ComposedMessage.h"
#include "plugin/mail/TemplateSet.h"
#include "plugin/store/BounceStore.h"
#include "plugin/store/RunStore.h"
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <ctemplate/template_dictionary.h>
#include <map>


namespace reminders {


class RunReport
/// What a weekly run did, read back from its outbox: customers reminded
/// with each message's state and the server's reply, customers who could
/// not be reminded and why, invoices that had their last reminder, counts
/// and totals per currency, and the invoices reminded of by how long they
/// are overdue (AgeBand), with totals per band and currency. Served as JSON (GET runs/{id}) and sent to
/// the owner as one email.
{
public:
	static RunReport load(Poco::Data::Session& session, const RunStore& store, Poco::Int64 runId);
	/// Throws erp::ApiError 404 for an unknown run. Reads the bounces of
	/// the week before the run through BounceStore.

	Poco::JSON::Object::Ptr toJson() const;

	ComposedMessage email(const TemplateSet& templates, const ReminderSettings& settings,
						  const std::string& kind = "final") const;
	/// The owner's report in the fallback language, addressed to owner_email.
	/// `kind` "first": retries are still pending and a final report follows;
	/// "final": every message has its final state.

	static std::string reportState(const RunRecord& run, const std::vector<ReportRecord>& reports);
	/// The state of the run's report as one word: the final report's if it
	/// is written, else the first one's; empty when there is none.

	static std::string reply(int code, const std::string& text);
	/// A server's reply as the owner reads it: the code once, then the text
	/// (servers that repeat the code in the text are not shown it twice).

	const RunRecord& run() const;

private:
	void loadBounces(Poco::Data::Session& session);
	/// The bounces read in the seven days before the run started, and why
	/// each address skipped as bounced is left out.

	Poco::JSON::Array::Ptr bouncesJson() const;
	void bouncesSection(ctemplate::TemplateDictionary& dictionary, const std::string& language) const;
	/// The owner's email: the bounces of the week before, in their own section.

	std::string bouncedReason(const MessageRecord& message, const std::string& language) const;
	/// "address_bounced" as the owner reads it: the address, the day and why.
	std::string pausedReason(const MessageRecord& message, const std::string& language) const;
	/// "paused" as the owner reads it: until which day (the pause as it is now).

	struct Band
	/// One age band of the invoices the run reminded of.
	{
		long invoices = 0;
		std::map<std::string, Poco::Int64> totals; /// outstanding per currency
	};

	std::vector<Band> ageBands() const;
	/// The reminded messages' invoices in AgeBand's four bands, in order.
	Poco::JSON::Array::Ptr ageBandsJson() const;
	/// [{"band": "1-30", "invoices": N, "totals": {"EUR": "12.00"}}, ...], all four.
	void fillAgeBands(ctemplate::TemplateDictionary& dictionary, const std::string& language) const;
	/// The report template's AGE_BANDS_ANY section, the bands that hold an invoice.

	RunRecord _run;
	std::vector<MessageRecord> _messages;
	std::vector<ListedInvoice> _listed;
	std::vector<ReportRecord> _reports;
	std::vector<ListedBounce> _bounces;
	std::map<std::string, BounceRecord> _suppressing; /// by the lower-case address
	std::map<Poco::Int64, std::string> _pauses;       /// held by a pause: by customer id, the date as it is now
};


} // namespace reminders


#endif // Reminders_RunReport_INCLUDED
