//
// OutboxBatch.h
//


#ifndef Reminders_OutboxBatch_INCLUDED
#define Reminders_OutboxBatch_INCLUDED


#include "erp/AuditLog.h"
#include "plugin/delivery/WriteBatch.h"
#include "plugin/store/RunStore.h"
#include <map>
#include <tuple>
#include <vector>


namespace reminders {


class OutboxBatch: public WriteBatch
/// The outbox rows of one group commit, written together: every message
/// update of the group in one statement, the invoices listed in the sent
/// messages in two, and the audit entries of the messages' outcomes in one
/// (AuditLog::appendAll), each prepared once for the group instead of once
/// per row. Whether a fence holds is read once per transaction (holds(), on
/// MySQL with the batch's row read locked until the commit), before any
/// row of its batch is handed over; the updates stay fenced row by row.
/// Used on the GroupCommit's writer thread only.
{
public:
	OutboxBatch(const RunStore& runs, erp::AuditLog& audit);

	bool holds(Poco::Data::Session& transaction, const Fence& fence);
	/// Whether `fence` holds its batch, read once in this transaction.

	void update(const MessageRecord& message, const Fence& fence);
	/// The message's row as it is to be written (ask holds() first).

	void replaceListedInvoices(Poco::Int64 messageId, const std::vector<DueInvoice>& invoices);

	void audit(erp::AuditEntry entry);
	/// An audit entry to append with the group, after its rows, in the order
	/// handed over.

	void begin() override;
	bool flush(Poco::Data::Session& transaction) override;

private:
	const RunStore& _runs;
	erp::AuditLog& _audit;
	std::map<std::tuple<std::string, Poco::Int64, Poco::Int64>, bool> _held;
	std::vector<MessageRecord> _messages;
	std::vector<Fence> _fences;
	std::vector<Poco::Int64> _listedFor;
	std::vector<std::vector<DueInvoice>> _listed;
	std::vector<erp::AuditEntry> _entries;
};


} // namespace reminders


#endif // Reminders_OutboxBatch_INCLUDED
