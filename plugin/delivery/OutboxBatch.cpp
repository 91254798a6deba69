//
// OutboxBatch.cpp
//


#include "plugin/delivery/OutboxBatch.h"


namespace reminders {


OutboxBatch::OutboxBatch(const RunStore& runs, erp::AuditLog& audit):
	_runs(runs),
	_audit(audit)
{}


bool OutboxBatch::holds(Poco::Data::Session& transaction, const Fence& fence)
{
	const auto key = std::make_tuple(fence.owner, fence.generation, fence.batch);
	const auto found = _held.find(key);
	if (found != _held.end()) return found->second;
	const bool held = _runs.holdsBatch(transaction, fence);
	_held.emplace(key, held);
	return held;
}


void OutboxBatch::update(const MessageRecord& message, const Fence& fence)
{
	_messages.push_back(message);
	_fences.push_back(fence);
}


void OutboxBatch::replaceListedInvoices(Poco::Int64 messageId, const std::vector<DueInvoice>& invoices)
{
	_listedFor.push_back(messageId);
	_listed.push_back(invoices);
}


void OutboxBatch::audit(erp::AuditEntry entry)
{
	_entries.push_back(std::move(entry));
}


void OutboxBatch::begin()
{
	_held.clear();
	_messages.clear();
	_fences.clear();
	_listedFor.clear();
	_listed.clear();
	_entries.clear();
}


bool OutboxBatch::flush(Poco::Data::Session& transaction)
{
	// Every row's fence was read as holding in this transaction; a row
	// that changes nothing has left its batch (a takeover moved it).
	if (_runs.updateMessages(transaction, _messages, _fences) != static_cast<int>(_messages.size())) return false;
	_runs.replaceListedInvoices(transaction, _listedFor, _listed);
	_audit.appendAll(transaction, _entries);
	begin();
	return true;
}


} // namespace reminders
