//
// RunStore.h
//


#ifndef Reminders_RunStore_INCLUDED
#define Reminders_RunStore_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include <Poco/Data/Session.h>
#include <optional>
#include <string>
#include <vector>


namespace reminders {


struct RunRecord
{
	Poco::Int64 id = 0;
	std::string isoWeek;
	int sequence = 1;
	std::string businessDate;
	std::string state; /// running | waiting (only retries left) | done
	std::string leaseOwner;
	std::string leaseUntil;
	Poco::Int64 leaseGeneration = 0; /// grows at every claim or takeover of the lease
	std::string startedBy;
	std::string startedAt;
	std::string finishedAt;
	std::string plannedAt;
	std::string reportState;
	std::string reportReply;
};


struct MessageRecord
/// One customer's row in a run's outbox.
{
	Poco::Int64 id = 0;
	Poco::Int64 runId = 0;
	Poco::Int64 customerId = 0;
	std::string customerName;
	std::string customerEmail; /// the customer's address as it is now (shown when it was unusable)
	std::string recipient;
	std::string language;
	std::string
		state; /// pending | sending | accepted | spooled | deferred | rejected | failed | unknown | cancelled | skipped
	std::string skipReason;
	int attempts = 0;
	std::string nextAttemptAt;
	int replyCode = 0;
	std::string replyText;
	std::string messageId;
	std::string subject;
	std::string updatedAt;
};


struct ListedInvoice
/// An invoice as a message listed it, with the amounts as sent.
{
	Poco::Int64 messageId = 0;
	Poco::Int64 invoiceId = 0;
	std::string number;
	std::string currency;
	Poco::Int64 totalMinor = 0;
	Poco::Int64 paidMinor = 0;
	Poco::Int64 outstandingMinor = 0;
	int daysOverdue = 0;
	bool finalReminder = false; /// the last week this invoice was reminded (stop after months)
};


struct ReportRecord
/// One owner's report of a run, an outbox row like the reminders.
{
	Poco::Int64 id = 0;
	Poco::Int64 runId = 0;
	std::string kind;      /// first (retries still pending) | final (nothing will change any more)
	std::string recipient; /// the owner's address when it was written
	std::string state; /// pending | sending | accepted | spooled | deferred | rejected | failed | unknown | superseded
	int attempts = 0;
	std::string nextAttemptAt;
	int replyCode = 0;
	std::string replyText;
	std::string messageId;
	std::string createdAt;
	std::string updatedAt;
};


struct Fence
/// Who holds a run's lease, and which takeover of it: every write to the
/// run's outbox names both and changes nothing when they no longer hold.
{
	std::string owner;
	Poco::Int64 generation = 0;
};


class RunStore
/// The weekly runs and their outbox (reminder_runs, reminder_messages,
/// reminder_message_invoices, reminder_reports). Every call works in the
/// caller's session; the caller owns the transactions. Thread-safe.
{
public:
	enum class ClaimOutcome
	{
		NEW,          /// a new run for the week, claimed by the caller
		RESUMED,      /// an unfinished run, now leased to the caller
		ALREADY_DONE, /// the week has its run
		BUSY          /// another instance holds the week's run
	};

	struct Claim
	{
		ClaimOutcome outcome;
		RunRecord run;
	};

	explicit RunStore(const std::string& dialect);

	Claim claim(Poco::Data::Session& transaction, const std::string& isoWeek, const std::string& businessDate,
				const std::string& owner, const std::string& now, const std::string& leaseUntil, bool force,
				const std::string& actor) const;
	/// Claims the week's run in the caller's write transaction. A unique key
	/// (iso_week, sequence) makes two instances racing for a new week's run
	/// end with one NEW and one BUSY (the loser's insert fails; the caller
	/// rolls back). `force` starts another run in a week that has one. A run
	/// whose lease is live is BUSY whoever holds it; NEW and RESUMED raise
	/// the lease generation, so the previous holder's writes are fenced off.

	bool renewLease(Poco::Data::Session& session, Poco::Int64 runId, const Fence& fence,
					const std::string& until) const;
	/// false when the lease was lost to another instance.

	void savePlan(Poco::Data::Session& transaction, Poco::Int64 runId, const std::vector<CustomerPlan>& plans,
				  const std::string& now) const;
	/// The outbox: one row per customer (pending, or skipped with the
	/// reason), the invoices it lists, and the run's planned_at.

	int markInterrupted(Poco::Data::Session& session, Poco::Int64 runId, const std::string& now) const;
	/// Rows left "sending" by a crash become "unknown": they may have been
	/// delivered, so they are never sent again blindly. Returns how many.

	std::vector<MessageRecord> deliverable(Poco::Data::Session& session, Poco::Int64 runId, const std::string& now,
										   int maxAttempts) const;
	/// Pending rows, and deferred rows whose retry time has come.

	std::vector<MessageRecord> messages(Poco::Data::Session& session, Poco::Int64 runId) const;
	std::vector<ListedInvoice> listedInvoices(Poco::Data::Session& session, Poco::Int64 runId) const;

	bool updateMessage(Poco::Data::Session& session, const MessageRecord& message, const Fence& fence) const;
	/// Fenced: false, and nothing changed, when `fence` no longer holds the run.
	void replaceListedInvoices(Poco::Data::Session& session, Poco::Int64 messageId,
							   const std::vector<DueInvoice>& invoices) const;

	int closeEarlierWeeks(Poco::Data::Session& transaction, const std::string& isoWeek, const std::string& now) const;
	/// Once a new week has begun, the earlier weeks' runs are finished:
	/// deferred rows become "failed" (the week to retry in is over), rows
	/// never sent become "cancelled" (the new week's run covers those
	/// customers), and the runs "done". Returns how many rows changed.

	std::optional<std::string> nextRetry(Poco::Data::Session& session, Poco::Int64 runId, int maxAttempts) const;
	/// The earliest retry time of the run's deferred rows, if any.

	bool setState(Poco::Data::Session& session, Poco::Int64 runId, const Fence& fence, const std::string& state,
				  const std::string& finishedAt) const;
	/// Fenced; releases the lease.
	void setReport(Poco::Data::Session& session, Poco::Int64 runId, const std::string& state,
				   const std::string& reply) const;
	/// The run's report summary when no report row is written (not_configured).

	std::vector<Poco::Int64> unfinishedBefore(Poco::Data::Session& session, const std::string& isoWeek) const;
	/// Runs of earlier weeks that are not done (closeEarlierWeeks closes them).

	bool addReport(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& kind,
				   const std::string& recipient, const std::string& now) const;
	/// Writes a pending report row unless the run has one of that kind;
	/// a final report supersedes a first one that has not gone out yet.
	/// Returns whether a row was written.

	std::vector<ReportRecord> reports(Poco::Data::Session& session, Poco::Int64 runId) const;
	/// The run's report rows, first before final.

	std::vector<ReportRecord> deliverableReports(Poco::Data::Session& session, const std::string& now,
												 int maxAttempts) const;
	/// Every run's pending reports, and deferred ones whose retry time has come.

	bool beginReportSend(Poco::Data::Session& session, ReportRecord& report, const std::string& now) const;
	/// Marks the row "sending" (attempts + 1) if it is still as read: false
	/// when another instance took it first. Compare-and-set, no lease.

	void updateReport(Poco::Data::Session& session, const ReportRecord& report) const;

	int markReportsInterrupted(Poco::Data::Session& session, const std::string& sendingBefore,
							   const std::string& now) const;
	/// Report rows left "sending" since before `sendingBefore` become
	/// "unknown": they may have gone out, so they are never sent twice.

	std::optional<std::string> nextReport(Poco::Data::Session& session, int maxAttempts) const;
	/// The earliest moment a report is due to go: a pending row's creation,
	/// or a deferred row's retry time.

	std::optional<RunRecord> run(Poco::Data::Session& session, Poco::Int64 runId) const;
	std::optional<RunRecord> latestOfWeek(Poco::Data::Session& session, const std::string& isoWeek) const;
	std::vector<RunRecord> runs(Poco::Data::Session& session, int limit) const;

	struct HistoryEntry
	{
		RunRecord run;
		MessageRecord message;
		ListedInvoice listed;
	};

	std::vector<HistoryEntry> history(Poco::Data::Session& session, Poco::Int64 invoiceId) const;
	/// Every weekly reminder that listed the invoice, newest first.

private:
	std::string _dialect;
};


} // namespace reminders


#endif // Reminders_RunStore_INCLUDED
