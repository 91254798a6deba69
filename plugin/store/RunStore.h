//
// RunStore.h
//


#ifndef Reminders_RunStore_INCLUDED
#define Reminders_RunStore_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include <Poco/Data/Session.h>
#include <map>
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
	std::string state;      /// running | waiting (only retries left) | done
	std::string leaseOwner; /// the planning lease: who writes the plan (empty once it is written)
	std::string leaseUntil;
	Poco::Int64 leaseGeneration = 0; /// grows at every claim or takeover of the planning lease
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
/// Who holds a lease, and which takeover of it: the run's planning lease,
/// or a batch's (`batch`). Every write to a batch's messages names all
/// three and changes nothing when they no longer hold.
{
	std::string owner;
	Poco::Int64 generation = 0;
	Poco::Int64 batch = 0;
};


struct BatchRecord
/// A batch of a run's messages claimed by one instance.
{
	Poco::Int64 id = 0;
	Poco::Int64 runId = 0;
	Fence fence;
	std::string leaseUntil;
	bool takenOver = false; /// an expired batch of another instance, taken over
	int interrupted = 0;    /// taken over: its rows left "sending", now "unknown"
};


struct RunProgress
/// Where a run stands, read with the run's row locked.
{
	std::string state;   /// running | waiting | done
	int openBatches = 0; /// batches being sent or waiting for a takeover
	int unsent = 0;      /// messages pending or sending
};


class RunStore
/// The weekly runs and their outbox (reminder_runs, reminder_messages,
/// reminder_message_invoices, reminder_reports). Every call works in the
/// caller's session; the caller owns the transactions. Thread-safe.
{
public:
	enum class ClaimOutcome
	{
		NEW,          /// a new run for the week, claimed by the caller to plan it
		RESUMED,      /// an unplanned run whose planner's lease ran out, now leased to the caller to plan it
		HELP,         /// a planned run, open (a waiting run is opened again): claim batches
		ALREADY_DONE, /// the week has its run
		BUSY          /// another instance is planning the week's run
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
	/// rolls back). `force` starts another run in a week that has one. An
	/// unplanned run whose planning lease is live is BUSY whoever holds it;
	/// NEW and RESUMED raise the lease generation, so the previous planner's
	/// plan is fenced off. A planned run is HELP for everyone (RunSharing).

	bool holdsPlanning(Poco::Data::Session& transaction, Poco::Int64 runId, const Fence& fence) const;
	/// In the caller's write transaction, locks the run's row: true when
	/// `fence` still holds its planning lease and no plan is written.

	void savePlan(Poco::Data::Session& transaction, Poco::Int64 runId, const std::vector<CustomerPlan>& plans,
				  const std::string& now) const;

	void savePlanRows(Poco::Data::Session& transaction, Poco::Int64 runId, const std::vector<CustomerPlan>& plans,
					  const std::string& now) const;
	void markPlanned(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& now) const;
	/// savePlan() in parts: the rows of some customers (in customer order,
	/// each customer once), as often as needed, then the end of planning.
	/// The outbox: one row per customer (pending, or skipped with the
	/// reason), the invoices it lists, and the run's planned_at; the
	/// planning lease ends (the run is open to every instance).

	int markInterrupted(Poco::Data::Session& session, Poco::Int64 runId, const std::string& now) const;
	/// Rows left "sending" outside any batch (by a crash before batches
	/// existed) become "unknown": they may have been delivered, so they are
	/// never sent again blindly. Returns how many.

	std::optional<BatchRecord> claimBatch(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& owner,
										  const std::string& now, const std::string& leaseUntil, int size,
										  int maxAttempts, const std::vector<Poco::Int64>& exclude) const;
	/// In the caller's write transaction: the next batch for `owner`, while
	/// the run is running. First an open batch whose lease has ended (its
	/// holder died or stalled), taken over: its generation grows and its
	/// rows left "sending" become "unknown"; else up to `size` messages no
	/// batch holds, pending or deferred with their retry time come (but not
	/// those in `exclude`: a pass does not retry what it deferred itself),
	/// in a new batch. On MySQL both are read FOR UPDATE SKIP
	/// LOCKED, so instances claiming at once get disjoint batches without
	/// waiting on each other; SQLite's write transaction lets one instance
	/// claim at a time. nullopt: nothing to claim.

	void readCommittedNext(Poco::Data::Session& session) const;
	/// Call before opening a claimBatch() transaction. On MySQL the next
	/// transaction reads committed rows and takes no gap locks, so that
	/// instances claiming at once skip each other's rows instead of waiting
	/// on a gap lock (REPEATABLE READ locks the gaps a locking scan passes).

	bool renewBatch(Poco::Data::Session& session, Poco::Int64 batchId, const Fence& fence,
					const std::string& until) const;
	/// false when the batch's lease was lost to another instance.

	std::vector<MessageRecord> batchMessages(Poco::Data::Session& session, const Fence& fence, const std::string& now,
											 int maxAttempts) const;
	/// The batch's rows to send: pending ones, and deferred ones whose
	/// retry time has come.

	std::vector<MessageRecord> openMessages(Poco::Data::Session& session, const Fence& fence) const;
	/// The batch's rows still pending or deferred, whatever their retry time.

	bool closeBatch(Poco::Data::Session& transaction, const Fence& fence, const std::string& now) const;
	/// Fenced: the batch is closed and its deferred rows are released (any
	/// batch may claim them once their retry time comes). false, and
	/// nothing changed, when the lease was lost.

	int adoptOpenMessages(Poco::Data::Session& transaction, Poco::Int64 runId, const Fence& fence) const;
	/// Puts the run's pending and deferred rows that no batch holds into the
	/// fence's batch (to fail them all at once). Returns how many.

	RunProgress progress(Poco::Data::Session& transaction, Poco::Int64 runId) const;
	/// Locks the run's row (the last instance to finish is decided under
	/// that lock) and counts what is still open.

	std::map<std::string, int> stateCounts(Poco::Data::Session& session, Poco::Int64 runId) const;
	/// How many of the run's messages are in each state (what every
	/// instance committed so far; no lock).

	bool finish(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& state,
				const std::string& finishedAt) const;
	/// A running run becomes waiting or done; false when it was not running.

	bool claimable(Poco::Data::Session& session, Poco::Int64 runId, const std::string& now, int maxAttempts) const;
	/// Whether messages of the run wait for a batch (pending, or deferred
	/// with their retry time come).

	std::optional<std::string> earliestBatchLease(Poco::Data::Session& session, Poco::Int64 runId) const;
	/// The earliest lease end of the run's open batches, if any.

	std::vector<MessageRecord> messages(Poco::Data::Session& session, Poco::Int64 runId) const;
	std::vector<ListedInvoice> listedInvoices(Poco::Data::Session& session, Poco::Int64 runId) const;
	std::map<Poco::Int64, std::vector<ListedInvoice>> listedFor(Poco::Data::Session& session,
																const std::vector<Poco::Int64>& messageIds) const;
	/// By message id, the lines these messages list now (without the
	/// invoices' numbers), in one query.
	std::map<Poco::Int64, std::string> heldPauses(Poco::Data::Session& session, Poco::Int64 runId) const;
	/// By customer id, the pause date (YYYY-MM-DD) as it is now of each of
	/// the run's customers held back by a pause.

	bool updateMessage(Poco::Data::Session& session, const MessageRecord& message, const Fence& fence) const;
	/// Fenced by the message's batch: false, and nothing changed, when
	/// `fence` no longer holds the batch (or the row left it). Call it in
	/// a write transaction: on MySQL the batch's row is read locked first.
	void replaceListedInvoices(Poco::Data::Session& session, Poco::Int64 messageId,
							   const std::vector<DueInvoice>& invoices) const;

	bool holdsBatch(Poco::Data::Session& transaction, const Fence& fence) const;
	/// Whether `fence` still holds its batch. On MySQL the batch's row is
	/// read locked until the transaction ends, so the answer stays true for
	/// it; on SQLite the write transaction (BEGIN IMMEDIATE) keeps every
	/// other writer out.

	int updateMessages(Poco::Data::Session& transaction, const std::vector<MessageRecord>& messages,
					   const std::vector<Fence>& fences) const;
	/// updateMessage() for many rows, fenced row by row, in one statement
	/// prepared once on SQLite (the batch's row is not read here:
	/// holdsBatch() first). Returns the rows changed.

	void replaceListedInvoices(Poco::Data::Session& transaction, const std::vector<Poco::Int64>& messageIds,
							   const std::vector<std::vector<DueInvoice>>& invoices) const;
	/// replaceListedInvoices() for many messages, in two statements.

	int closeEarlierWeeks(Poco::Data::Session& transaction, const std::string& isoWeek, const std::string& now) const;
	/// Once a new week has begun, the earlier weeks' runs are finished:
	/// deferred rows become "failed" (the week to retry in is over), rows
	/// never sent become "cancelled" (the new week's run covers those
	/// customers), and the runs "done". Returns how many rows changed.

	std::optional<std::string> nextRetry(Poco::Data::Session& session, Poco::Int64 runId, int maxAttempts) const;
	/// The earliest retry time of the run's deferred rows, if any.

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
	void insertListedInvoices(Poco::Data::Session& transaction, const std::vector<Poco::Int64>& messageIds,
							  const std::vector<std::vector<DueInvoice>>& invoices) const;
	std::string _dialect;
};


} // namespace reminders


#endif // Reminders_RunStore_INCLUDED
