//
// RunStore.cpp
//


#include "plugin/store/RunStore.h"
#include "plugin/core/RunSharing.h"
#include "plugin/store/NullableText.h"
#include <Poco/Data/DataException.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>
#include <map>


using namespace Poco::Data::Keywords;


namespace reminders {


namespace {

using Text = NullableText::Column;
const auto text = NullableText::text;
const auto nullable = NullableText::column;

using RunRow = Poco::Tuple<Poco::Int64, std::string, int, std::string, std::string, Text, Text, std::string,
						   std::string, Text, Text, Text, Text, Poco::Int64>;

const char* const RUN_COLUMNS = "SELECT id, iso_week, sequence, business_date, state, lease_owner, lease_until, "
								"started_by, started_at, finished_at, planned_at, report_state, report_reply, "
								"lease_generation FROM reminder_runs ";

// A batch's messages through the index reminder_messages_batch (run_id,
// batch_id, state): the run's id is the batch's, bound as the batch's id.
const char* const IN_BATCH = "m.run_id = (SELECT b.run_id FROM reminder_batches b WHERE b.id = ?) AND m.batch_id = ?";

// The condition every fenced write adds: the message's batch is still held by the fence.
const char* const FENCED = " AND batch_id = ? AND EXISTS (SELECT 1 FROM reminder_batches f WHERE f.id = ? "
						   "AND f.lease_owner = ? AND f.lease_generation = ? AND f.state = 'open')";

std::string idList(const std::vector<Poco::Int64>& ids)
{
	std::string list;
	for (Poco::Int64 id: ids)
		list += (list.empty() ? "" : ", ") + std::to_string(id);
	return list;
}

RunRecord runOf(const RunRow& row)
{
	RunRecord run;
	run.id = row.get<0>();
	run.isoWeek = row.get<1>();
	run.sequence = row.get<2>();
	run.businessDate = row.get<3>();
	run.state = row.get<4>();
	run.leaseOwner = text(row.get<5>());
	run.leaseUntil = text(row.get<6>());
	run.startedBy = row.get<7>();
	run.startedAt = row.get<8>();
	run.finishedAt = text(row.get<9>());
	run.plannedAt = text(row.get<10>());
	run.reportState = text(row.get<11>());
	run.reportReply = text(row.get<12>());
	run.leaseGeneration = row.get<13>();
	return run;
}

using ReportRow = Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string, int, Text,
							  Poco::Nullable<int>, Text, Text, std::string, std::string>;

const char* const REPORT_COLUMNS = "SELECT id, run_id, kind, recipient, state, attempts, next_attempt_at, reply_code, "
								   "reply_text, message_id, created_at, updated_at FROM reminder_reports ";

ReportRecord reportOf(const ReportRow& row)
{
	ReportRecord report;
	report.id = row.get<0>();
	report.runId = row.get<1>();
	report.kind = row.get<2>();
	report.recipient = row.get<3>();
	report.state = row.get<4>();
	report.attempts = row.get<5>();
	report.nextAttemptAt = text(row.get<6>());
	report.replyCode = row.get<7>().isNull() ? 0 : row.get<7>().value();
	report.replyText = text(row.get<8>());
	report.messageId = text(row.get<9>());
	report.createdAt = row.get<10>();
	report.updatedAt = row.get<11>();
	return report;
}

std::vector<ReportRecord> reportsOf(const std::vector<ReportRow>& rows)
{
	std::vector<ReportRecord> result;
	for (const ReportRow& row: rows)
		result.push_back(reportOf(row));
	return result;
}

using MessageRow = Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64, std::string, Text, std::string, std::string, Text,
							   int, Text, Poco::Nullable<int>, Text, Text, Text, std::string, Text>;

const char* const MESSAGE_COLUMNS = "SELECT m.id, m.run_id, m.customer_id, c.name, m.recipient, m.language, m.state, "
									"m.skip_reason, m.attempts, m.next_attempt_at, m.reply_code, m.reply_text, "
									"m.message_id, m.subject, m.updated_at, c.email FROM reminder_messages m "
									"JOIN customers c ON c.id = m.customer_id ";

MessageRecord messageOf(const MessageRow& row)
{
	MessageRecord message;
	message.id = row.get<0>();
	message.runId = row.get<1>();
	message.customerId = row.get<2>();
	message.customerName = row.get<3>();
	message.recipient = text(row.get<4>());
	message.language = row.get<5>();
	message.state = row.get<6>();
	message.skipReason = text(row.get<7>());
	message.attempts = row.get<8>();
	message.nextAttemptAt = text(row.get<9>());
	message.replyCode = row.get<10>().isNull() ? 0 : row.get<10>().value();
	message.replyText = text(row.get<11>());
	message.messageId = text(row.get<12>());
	message.subject = text(row.get<13>());
	message.updatedAt = row.get<14>();
	message.customerEmail = text(row.get<15>());
	return message;
}

using ListedRow =
	Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, Poco::Int64, Poco::Int64, Poco::Int64, int, int>;

ListedInvoice listedOf(const ListedRow& row)
{
	return ListedInvoice{row.get<0>(), row.get<1>(), row.get<2>(), row.get<3>(),     row.get<4>(),
						 row.get<5>(), row.get<6>(), row.get<7>(), row.get<8>() != 0};
}

} // namespace


RunStore::RunStore(const std::string& dialect):
	_dialect(dialect)
{}


std::optional<RunRecord> RunStore::latestOfWeek(Poco::Data::Session& session, const std::string& isoWeek) const
{
	std::vector<RunRow> rows;
	std::string week = isoWeek;
	session << std::string(RUN_COLUMNS) + "WHERE iso_week = ? ORDER BY sequence DESC LIMIT 1" +
				   (_dialect == "mysql" ? " FOR UPDATE" : ""),
		use(week), into(rows), now;
	if (rows.empty()) return std::nullopt;
	return runOf(rows.front());
}


RunStore::Claim RunStore::claim(Poco::Data::Session& transaction, const std::string& isoWeek,
								const std::string& businessDate, const std::string& owner, const std::string& nowText,
								const std::string& leaseUntil, bool force, const std::string& actor) const
{
	std::optional<RunRecord> latest = latestOfWeek(transaction, isoWeek);
	RunSharing::Found found;
	if (latest)
	{
		found.exists = true;
		found.state = latest->state;
		found.planned = !latest->plannedAt.empty();
		found.leaseUntil = latest->leaseUntil;
	}
	int sequence = 1;
	switch (RunSharing::role(found, nowText, force))
	{
	case RunSharing::Role::WAIT_FOR_PLAN:
		// A live planning lease is respected whoever holds it, this process
		// included (the timer and an operator's run meet here).
		return {ClaimOutcome::BUSY, *latest};
	case RunSharing::Role::ALREADY_DONE:
		return {ClaimOutcome::ALREADY_DONE, *latest};
	case RunSharing::Role::HELP:
		if (latest->state != "running")
		{
			// Retries are due (or an operator asked): the run is open again,
			// to whichever instances come.
			Poco::Int64 id = latest->id;
			transaction << "UPDATE reminder_runs SET state = 'running' WHERE id = ?", use(id), now;
			latest->state = "running";
		}
		return {ClaimOutcome::HELP, *latest};
	case RunSharing::Role::PLAN:
	{
		std::string o = owner, until = leaseUntil;
		Poco::Int64 id = latest->id, generation = latest->leaseGeneration + 1;
		transaction << "UPDATE reminder_runs SET state = 'running', lease_owner = ?, lease_until = ?, "
					   "lease_generation = ? WHERE id = ?",
			use(o), use(until), use(generation), use(id), now;
		latest->state = "running";
		latest->leaseOwner = owner;
		latest->leaseUntil = leaseUntil;
		latest->leaseGeneration = generation;
		return {ClaimOutcome::RESUMED, *latest};
	}
	case RunSharing::Role::START:
		if (latest) sequence = latest->sequence + 1;
		break;
	}
	std::string week = isoWeek, day = businessDate, o = owner, until = leaseUntil, by = actor, at = nowText;
	try
	{
		transaction << "INSERT INTO reminder_runs (iso_week, sequence, business_date, state, lease_owner, lease_until, "
					   "started_by, started_at, lease_generation) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, 1)",
			use(week), use(sequence), use(day), use(o), use(until), use(by), use(at), now;
	}
	catch (Poco::Data::DataException&)
	{
		// Another instance inserted this week's run first (unique key).
		RunRecord lost;
		lost.isoWeek = isoWeek;
		return {ClaimOutcome::BUSY, lost};
	}
	Poco::Int64 id = 0;
	transaction << (_dialect == "mysql" ? "SELECT LAST_INSERT_ID()" : "SELECT last_insert_rowid()"), into(id), now;
	return {ClaimOutcome::NEW, *run(transaction, id)};
}


bool RunStore::holdsPlanning(Poco::Data::Session& transaction, Poco::Int64 runId, const Fence& fence) const
{
	std::string o = fence.owner;
	Poco::Int64 generation = fence.generation;
	int held = 0;
	transaction << std::string("SELECT COUNT(*) FROM reminder_runs WHERE id = ? AND lease_owner = ? AND "
							   "lease_generation = ? AND state = 'running' AND planned_at IS NULL") +
					   (_dialect == "mysql" ? " FOR UPDATE" : ""),
		use(runId), use(o), use(generation), into(held), now;
	return held == 1;
}


void RunStore::savePlan(Poco::Data::Session& transaction, Poco::Int64 runId, const std::vector<CustomerPlan>& plans,
						const std::string& nowText) const
{
	savePlanRows(transaction, runId, plans, nowText);
	markPlanned(transaction, runId, nowText);
}


void RunStore::savePlanRows(Poco::Data::Session& transaction, Poco::Int64 runId, const std::vector<CustomerPlan>& plans,
							const std::string& nowText) const
{
	if (plans.empty()) return;
	// Three statements for the whole plan, each prepared once and run for
	// every row (Poco binds the vectors row by row).
	const std::size_t count = plans.size();
	std::vector<Poco::Int64> runs(count, runId), customers;
	std::vector<Text> recipients, reasons;
	std::vector<std::string> languages, states, ats(count, nowText);
	for (const CustomerPlan& plan: plans)
	{
		const bool send = plan.outcome == CustomerPlan::Outcome::SEND;
		customers.push_back(plan.customer.id);
		recipients.push_back(send ? Text(plan.customer.email) : Text());
		languages.push_back(plan.language);
		states.push_back(send ? "pending" : "skipped");
		reasons.push_back(send ? Text() : Text(CustomerPlan::reason(plan.outcome)));
	}
	transaction << "INSERT INTO reminder_messages (run_id, customer_id, recipient, language, state, skip_reason, "
				   "attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
		use(runs), use(customers), use(recipients), use(languages), use(states), use(reasons), use(ats), use(ats), now;
	// One message per customer in a run: its id by the customer's.
	std::vector<Poco::Int64> ids, ofCustomers;
	Poco::Int64 first = customers.front(), last = customers.back();
	transaction << "SELECT id, customer_id FROM reminder_messages WHERE run_id = ? AND customer_id BETWEEN ? AND ?",
		use(runId), use(first), use(last), into(ids), into(ofCustomers), now;
	std::map<Poco::Int64, Poco::Int64> messageOf;
	for (std::size_t i = 0; i < ids.size(); ++i)
		messageOf[ofCustomers[i]] = ids[i];
	std::vector<Poco::Int64> messages;
	std::vector<std::vector<DueInvoice>> listed;
	for (const CustomerPlan& plan: plans)
	{
		messages.push_back(messageOf.at(plan.customer.id));
		listed.push_back(plan.invoices);
	}
	insertListedInvoices(transaction, messages, listed);
}


void RunStore::markPlanned(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& nowText) const
{
	std::string at = nowText;
	transaction << "UPDATE reminder_runs SET planned_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?",
		use(at), use(runId), now;
}


void RunStore::replaceListedInvoices(Poco::Data::Session& session, Poco::Int64 messageId,
									 const std::vector<DueInvoice>& invoices) const
{
	replaceListedInvoices(session, std::vector<Poco::Int64>{messageId}, std::vector<std::vector<DueInvoice>>{invoices});
}


void RunStore::replaceListedInvoices(Poco::Data::Session& transaction, const std::vector<Poco::Int64>& messageIds,
									 const std::vector<std::vector<DueInvoice>>& invoices) const
{
	if (messageIds.empty()) return;
	std::vector<Poco::Int64> deleted = messageIds;
	transaction << "DELETE FROM reminder_message_invoices WHERE message_id = ?", use(deleted), now;
	insertListedInvoices(transaction, messageIds, invoices);
}


void RunStore::insertListedInvoices(Poco::Data::Session& transaction, const std::vector<Poco::Int64>& messageIds,
									const std::vector<std::vector<DueInvoice>>& invoices) const
{
	// One statement for every line, prepared once (Poco binds the vectors row by row).
	std::vector<Poco::Int64> messages, ids, totals, paids, outstandings;
	std::vector<std::string> currencies;
	std::vector<int> days, finals;
	for (std::size_t i = 0; i < messageIds.size(); ++i)
		for (const DueInvoice& line: invoices[i])
		{
			messages.push_back(messageIds[i]);
			ids.push_back(line.invoice.id);
			currencies.push_back(line.invoice.currency);
			totals.push_back(line.invoice.totalMinor);
			paids.push_back(line.invoice.paidMinor);
			outstandings.push_back(line.outstandingMinor);
			days.push_back(static_cast<int>(line.daysOverdue));
			finals.push_back(line.finalReminder ? 1 : 0);
		}
	if (messages.empty()) return;
	transaction << "INSERT INTO reminder_message_invoices (message_id, invoice_id, currency, total_minor, paid_minor, "
				   "outstanding_minor, days_overdue, final_reminder) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		use(messages), use(ids), use(currencies), use(totals), use(paids), use(outstandings), use(days), use(finals),
		now;
}


int RunStore::markInterrupted(Poco::Data::Session& session, Poco::Int64 runId, const std::string& nowText) const
{
	std::string at = nowText;
	Poco::Data::Statement update(session);
	update << "UPDATE reminder_messages SET state = 'unknown', reply_text = 'interrupted while sending; not re-sent', "
			  "updated_at = ? WHERE run_id = ? AND state = 'sending' AND batch_id IS NULL",
		use(at), use(runId);
	return static_cast<int>(update.execute());
}


std::optional<BatchRecord> RunStore::claimBatch(Poco::Data::Session& transaction, Poco::Int64 runId,
												const std::string& owner, const std::string& nowText,
												const std::string& leaseUntil, int size, int maxAttempts,
												const std::vector<Poco::Int64>& exclude) const
{
	const bool mysql = _dialect == "mysql";
	const std::string skipLocked = mysql ? " FOR UPDATE SKIP LOCKED" : "";
	std::vector<std::string> states;
	// Shared: instances claim side by side; the last one's end of the run
	// (progress(), an exclusive lock) waits for the claims under way.
	transaction << std::string("SELECT state FROM reminder_runs WHERE id = ?") + (mysql ? " LOCK IN SHARE MODE" : ""),
		use(runId), into(states), now;
	if (states.empty() || states.front() != "running") return std::nullopt;

	BatchRecord batch;
	batch.runId = runId;
	batch.fence.owner = owner;
	batch.leaseUntil = leaseUntil;
	std::string at = nowText, o = owner, until = leaseUntil;

	std::vector<Poco::Tuple<Poco::Int64, Poco::Int64>> expired;
	transaction << "SELECT id, lease_generation FROM reminder_batches WHERE run_id = ? AND state = 'open' "
				   "AND lease_until <= ? ORDER BY id LIMIT 1" +
					   skipLocked,
		use(runId), use(at), into(expired), now;
	if (!expired.empty())
	{
		batch.id = expired.front().get<0>();
		batch.fence.generation = expired.front().get<1>() + 1;
		batch.fence.batch = batch.id;
		batch.takenOver = true;
		Poco::Int64 id = batch.id, generation = batch.fence.generation;
		transaction
			<< "UPDATE reminder_batches SET lease_owner = ?, lease_until = ?, lease_generation = ? WHERE id = ?",
			use(o), use(until), use(generation), use(id), now;
		Poco::Data::Statement interrupted(transaction);
		interrupted << "UPDATE reminder_messages SET state = 'unknown', reply_text = 'interrupted while sending; not "
					   "re-sent', updated_at = ? WHERE run_id = ? AND batch_id = ? AND state = 'sending'",
			use(at), use(runId), use(id);
		batch.interrupted = static_cast<int>(interrupted.execute());
		return batch;
	}

	const std::string excluded = exclude.empty() ? "" : " AND id NOT IN (" + idList(exclude) + ")";
	std::vector<Poco::Int64> ids;
	int limit = size;
	transaction << "SELECT id FROM reminder_messages WHERE run_id = ? AND batch_id IS NULL AND state = 'pending'" +
					   excluded + " ORDER BY id LIMIT ?" + skipLocked,
		use(runId), use(limit), into(ids), now;
	if (static_cast<int>(ids.size()) < size)
	{
		std::vector<Poco::Int64> retries;
		limit = size - static_cast<int>(ids.size());
		transaction << "SELECT id FROM reminder_messages WHERE run_id = ? AND batch_id IS NULL AND state = 'deferred' "
					   "AND next_attempt_at <= ? AND attempts < ?" +
						   excluded + " ORDER BY id LIMIT ?" + skipLocked,
			use(runId), use(at), use(maxAttempts), use(limit), into(retries), now;
		ids.insert(ids.end(), retries.begin(), retries.end());
	}
	if (ids.empty()) return std::nullopt;
	transaction
		<< "INSERT INTO reminder_batches (run_id, state, lease_owner, lease_until, lease_generation, created_at) "
		   "VALUES (?, 'open', ?, ?, 1, ?)",
		use(runId), use(o), use(until), use(at), now;
	transaction << (mysql ? "SELECT LAST_INSERT_ID()" : "SELECT last_insert_rowid()"), into(batch.id), now;
	batch.fence.generation = 1;
	batch.fence.batch = batch.id;
	transaction << "UPDATE reminder_messages SET batch_id = ? WHERE id IN (" + idList(ids) + ")", use(batch.id), now;
	return batch;
}


void RunStore::readCommittedNext(Poco::Data::Session& session) const
{
	if (_dialect == "mysql") session << "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", now;
}


bool RunStore::renewBatch(Poco::Data::Session& session, Poco::Int64 batchId, const Fence& fence,
						  const std::string& until) const
{
	std::string o = fence.owner, u = until;
	Poco::Int64 generation = fence.generation;
	Poco::Data::Statement update(session);
	update << "UPDATE reminder_batches SET lease_until = ? WHERE id = ? AND lease_owner = ? AND lease_generation = ? "
			  "AND state = 'open'",
		use(u), use(batchId), use(o), use(generation);
	return update.execute() == 1;
}


std::vector<MessageRecord> RunStore::batchMessages(Poco::Data::Session& session, const Fence& fence,
												   const std::string& nowText, int maxAttempts) const
{
	std::vector<MessageRow> rows;
	std::string at = nowText;
	Poco::Int64 batch = fence.batch;
	session << std::string(MESSAGE_COLUMNS) + "WHERE " + IN_BATCH +
				   " AND (m.state = 'pending' OR (m.state = 'deferred' AND m.next_attempt_at <= ? "
				   "AND m.attempts < ?)) ORDER BY m.id",
		use(batch), use(batch), use(at), use(maxAttempts), into(rows), now;
	std::vector<MessageRecord> result;
	for (const MessageRow& row: rows)
		result.push_back(messageOf(row));
	return result;
}


std::vector<MessageRecord> RunStore::openMessages(Poco::Data::Session& session, const Fence& fence) const
{
	std::vector<MessageRow> rows;
	Poco::Int64 batch = fence.batch;
	session << std::string(MESSAGE_COLUMNS) + "WHERE " + IN_BATCH +
				   " AND m.state IN ('pending', 'deferred') ORDER BY m.id",
		use(batch), use(batch), into(rows), now;
	std::vector<MessageRecord> result;
	for (const MessageRow& row: rows)
		result.push_back(messageOf(row));
	return result;
}


bool RunStore::closeBatch(Poco::Data::Session& transaction, const Fence& fence, const std::string& nowText) const
{
	std::string o = fence.owner, at = nowText;
	Poco::Int64 batch = fence.batch, generation = fence.generation;
	Poco::Data::Statement close(transaction);
	close << "UPDATE reminder_batches SET state = 'closed', closed_at = ? WHERE id = ? AND lease_owner = ? "
			 "AND lease_generation = ? AND state = 'open'",
		use(at), use(batch), use(o), use(generation);
	if (close.execute() != 1) return false;
	transaction << "UPDATE reminder_messages SET batch_id = NULL WHERE run_id = (SELECT b.run_id FROM "
				   "reminder_batches b WHERE b.id = ?) AND batch_id = ? AND state IN ('pending', 'deferred')",
		use(batch), use(batch), now;
	return true;
}


int RunStore::adoptOpenMessages(Poco::Data::Session& transaction, Poco::Int64 runId, const Fence& fence) const
{
	Poco::Int64 batch = fence.batch;
	Poco::Data::Statement adopt(transaction);
	adopt << "UPDATE reminder_messages SET batch_id = ? WHERE run_id = ? AND batch_id IS NULL "
			 "AND state IN ('pending', 'deferred')",
		use(batch), use(runId);
	return static_cast<int>(adopt.execute());
}


RunProgress RunStore::progress(Poco::Data::Session& transaction, Poco::Int64 runId) const
{
	const bool mysql = _dialect == "mysql";
	RunProgress progress;
	std::vector<std::string> states;
	transaction << std::string("SELECT state FROM reminder_runs WHERE id = ?") + (mysql ? " FOR UPDATE" : ""),
		use(runId), into(states), now;
	if (states.empty()) return progress;
	progress.state = states.front();
	// Locking reads: what other instances committed up to this moment.
	transaction << std::string("SELECT COUNT(*) FROM reminder_batches WHERE run_id = ? AND state = 'open'") +
					   (mysql ? " LOCK IN SHARE MODE" : ""),
		use(runId), into(progress.openBatches), now;
	transaction << std::string("SELECT COUNT(*) FROM reminder_messages WHERE run_id = ? AND state IN ('pending', "
							   "'sending')") +
					   (mysql ? " LOCK IN SHARE MODE" : ""),
		use(runId), into(progress.unsent), now;
	return progress;
}


std::map<std::string, int> RunStore::stateCounts(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<std::string> states;
	std::vector<int> counts;
	session << "SELECT state, COUNT(*) FROM reminder_messages WHERE run_id = ? GROUP BY state", use(runId),
		into(states), into(counts), now;
	std::map<std::string, int> byState;
	for (std::size_t i = 0; i < states.size(); ++i)
		byState[states[i]] = counts[i];
	return byState;
}


bool RunStore::finish(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& state,
					  const std::string& finishedAt) const
{
	std::string s = state;
	Text finished = nullable(finishedAt);
	Poco::Data::Statement update(transaction);
	update << "UPDATE reminder_runs SET state = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL "
			  "WHERE id = ? AND state = 'running'",
		use(s), use(finished), use(runId);
	return update.execute() == 1;
}


bool RunStore::claimable(Poco::Data::Session& session, Poco::Int64 runId, const std::string& nowText,
						 int maxAttempts) const
{
	std::vector<Poco::Int64> ids;
	std::string at = nowText;
	session << "SELECT id FROM reminder_messages WHERE run_id = ? AND batch_id IS NULL AND (state = 'pending' OR "
			   "(state = 'deferred' AND next_attempt_at <= ? AND attempts < ?)) LIMIT 1",
		use(runId), use(at), use(maxAttempts), into(ids), now;
	return !ids.empty();
}


std::optional<std::string> RunStore::earliestBatchLease(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<Text> times; // MIN() of no rows is NULL
	session << "SELECT MIN(lease_until) FROM reminder_batches WHERE run_id = ? AND state = 'open'", use(runId),
		into(times), now;
	if (times.empty() || text(times.front()).empty()) return std::nullopt;
	return text(times.front());
}


std::vector<MessageRecord> RunStore::messages(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<MessageRow> rows;
	session << std::string(MESSAGE_COLUMNS) + "WHERE m.run_id = ? ORDER BY m.customer_id", use(runId), into(rows), now;
	std::vector<MessageRecord> result;
	for (const MessageRow& row: rows)
		result.push_back(messageOf(row));
	return result;
}


std::map<Poco::Int64, std::string> RunStore::heldPauses(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<Poco::Int64> customers;
	std::vector<std::string> dates;
	session << "SELECT rc.customer_id, rc.paused_until FROM reminder_messages m JOIN reminder_customers rc ON "
			   "rc.customer_id = m.customer_id WHERE m.run_id = ? AND m.state = 'skipped' AND m.skip_reason = 'paused' "
			   "AND rc.paused_until IS NOT NULL",
		use(runId), into(customers), into(dates), now;
	std::map<Poco::Int64, std::string> pauses;
	for (std::size_t i = 0; i < customers.size(); ++i)
		pauses[customers[i]] = dates[i];
	return pauses;
}


std::vector<ListedInvoice> RunStore::listedInvoices(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<ListedRow> rows;
	session << "SELECT l.message_id, l.invoice_id, i.number, l.currency, l.total_minor, l.paid_minor, "
			   "l.outstanding_minor, l.days_overdue, l.final_reminder FROM reminder_message_invoices l "
			   "JOIN reminder_messages m ON m.id = l.message_id JOIN invoices i ON i.id = l.invoice_id "
			   "WHERE m.run_id = ? ORDER BY l.message_id, l.days_overdue DESC, l.invoice_id",
		use(runId), into(rows), now;
	std::vector<ListedInvoice> result;
	for (const ListedRow& row: rows)
		result.push_back(listedOf(row));
	return result;
}


std::map<Poco::Int64, std::vector<ListedInvoice>> RunStore::listedFor(Poco::Data::Session& session,
																	  const std::vector<Poco::Int64>& messageIds) const
{
	std::map<Poco::Int64, std::vector<ListedInvoice>> result;
	if (messageIds.empty()) return result;
	std::vector<ListedRow> rows;
	session << "SELECT message_id, invoice_id, '', currency, total_minor, paid_minor, outstanding_minor, days_overdue, "
			   "final_reminder FROM reminder_message_invoices WHERE message_id IN (" +
				   idList(messageIds) + ")",
		into(rows), now;
	for (const ListedRow& row: rows)
		result[row.get<0>()].push_back(listedOf(row));
	return result;
}


bool RunStore::updateMessage(Poco::Data::Session& session, const MessageRecord& m, const Fence& fence) const
{
	// The batch's row first (MySQL: read locked until the caller commits):
	// a takeover (which locks it exclusively) waits for this write, or this
	// write sees the takeover; and every writer locks the batch before its
	// messages, as the takeover does.
	if (_dialect == "mysql" && !holdsBatch(session, fence)) return false;
	return updateMessages(session, {m}, {fence}) == 1;
}


bool RunStore::holdsBatch(Poco::Data::Session& transaction, const Fence& fence) const
{
	Poco::Int64 batch = fence.batch, generation = fence.generation;
	std::string owner = fence.owner;
	int held = 0;
	transaction << "SELECT COUNT(*) FROM reminder_batches WHERE id = ? AND lease_owner = ? AND lease_generation = ? "
				   "AND state = 'open'" +
					   std::string(_dialect == "mysql" ? " LOCK IN SHARE MODE" : ""),
		use(batch), use(owner), use(generation), into(held), now;
	return held == 1;
}


int RunStore::updateMessages(Poco::Data::Session& transaction, const std::vector<MessageRecord>& messages,
							 const std::vector<Fence>& fences) const
{
	if (messages.empty()) return 0;
	if (_dialect == "mysql" && messages.size() > 1)
	{
		// Poco's MySQL connector counts only the last row of a statement
		// bound to vectors: one statement a row, each counted.
		int changed = 0;
		for (std::size_t i = 0; i < messages.size(); ++i)
			changed += updateMessages(transaction, {messages[i]}, {fences[i]});
		return changed;
	}
	std::vector<std::string> states, updated, owners;
	std::vector<int> attempts;
	std::vector<Text> next, reply, messageId, subject;
	std::vector<Poco::Nullable<int>> codes;
	std::vector<Poco::Int64> ids, batches, generations;
	for (std::size_t i = 0; i < messages.size(); ++i)
	{
		const MessageRecord& m = messages[i];
		states.push_back(m.state);
		attempts.push_back(m.attempts);
		next.push_back(nullable(m.nextAttemptAt));
		codes.push_back(m.replyCode ? Poco::Nullable<int>(m.replyCode) : Poco::Nullable<int>());
		reply.push_back(nullable(m.replyText));
		messageId.push_back(nullable(m.messageId));
		subject.push_back(nullable(m.subject));
		updated.push_back(m.updatedAt);
		ids.push_back(m.id);
		batches.push_back(fences[i].batch);
		owners.push_back(fences[i].owner);
		generations.push_back(fences[i].generation);
	}
	Poco::Data::Statement update(transaction);
	update << "UPDATE reminder_messages SET state = ?, attempts = ?, next_attempt_at = ?, reply_code = ?, "
			  "reply_text = ?, message_id = ?, subject = ?, updated_at = ? WHERE id = ?" +
				  std::string(FENCED),
		use(states), use(attempts), use(next), use(codes), use(reply), use(messageId), use(subject), use(updated),
		use(ids), use(batches), use(batches), use(owners), use(generations);
	return static_cast<int>(update.execute());
}


int RunStore::closeEarlierWeeks(Poco::Data::Session& transaction, const std::string& isoWeek,
								const std::string& nowText) const
{
	std::string week = isoWeek, at = nowText;
	Poco::Data::Statement failed(transaction);
	failed
		<< "UPDATE reminder_messages SET state = 'failed', next_attempt_at = NULL, updated_at = ?, " +
			   std::string(
				   _dialect == "mysql"
					   ? "reply_text = CONCAT(COALESCE(reply_text, ''), ' (no more retries: its week is over)') "
					   : "reply_text = COALESCE(reply_text, '') || ' (no more retries: its week is over)' ") +
			   "WHERE state = 'deferred' AND run_id IN (SELECT id FROM reminder_runs WHERE iso_week < ? AND state <> "
			   "'done')",
		use(at), use(week);
	Poco::Data::Statement cancelled(transaction);
	cancelled << "UPDATE reminder_messages SET state = 'cancelled', updated_at = ?, "
				 "reply_text = 'not sent in its week; the next week''s run covers this customer' "
				 "WHERE state = 'pending' AND run_id IN (SELECT id FROM reminder_runs WHERE iso_week < ? AND state <> "
				 "'done')",
		use(at), use(week);
	Poco::Data::Statement interrupted(transaction);
	interrupted << "UPDATE reminder_messages SET state = 'unknown', updated_at = ?, "
				   "reply_text = 'interrupted while sending; not re-sent' "
				   "WHERE state = 'sending' AND run_id IN (SELECT id FROM reminder_runs WHERE iso_week < ? AND state "
				   "<> 'done')",
		use(at), use(week);
	const std::size_t changed = failed.execute() + cancelled.execute() + interrupted.execute();
	transaction << "UPDATE reminder_batches SET state = 'closed', closed_at = ? WHERE state = 'open' AND run_id IN "
				   "(SELECT id FROM reminder_runs WHERE iso_week < ? AND state <> 'done')",
		use(at), use(week), now;
	transaction << "UPDATE reminder_runs SET state = 'done', finished_at = ?, lease_owner = NULL, lease_until = NULL "
				   "WHERE iso_week < ? AND state <> 'done'",
		use(at), use(week), now;
	return static_cast<int>(changed);
}


std::optional<std::string> RunStore::nextRetry(Poco::Data::Session& session, Poco::Int64 runId, int maxAttempts) const
{
	std::vector<Text> times; // MIN() of no rows is NULL
	session << "SELECT MIN(next_attempt_at) FROM reminder_messages WHERE run_id = ? AND state = 'deferred' "
			   "AND attempts < ? AND next_attempt_at IS NOT NULL",
		use(runId), use(maxAttempts), into(times), now;
	if (times.empty() || text(times.front()).empty()) return std::nullopt;
	return text(times.front());
}


void RunStore::setReport(Poco::Data::Session& session, Poco::Int64 runId, const std::string& state,
						 const std::string& reply) const
{
	std::string s = state;
	Text r = nullable(reply);
	session << "UPDATE reminder_runs SET report_state = ?, report_reply = ? WHERE id = ?", use(s), use(r), use(runId),
		now;
}


std::vector<Poco::Int64> RunStore::unfinishedBefore(Poco::Data::Session& session, const std::string& isoWeek) const
{
	std::vector<Poco::Int64> ids;
	std::string week = isoWeek;
	session << "SELECT id FROM reminder_runs WHERE iso_week < ? AND state <> 'done' ORDER BY id", use(week), into(ids),
		now;
	return ids;
}


bool RunStore::addReport(Poco::Data::Session& transaction, Poco::Int64 runId, const std::string& kind,
						 const std::string& recipient, const std::string& nowText) const
{
	int exists = 0;
	std::string k = kind, to = recipient, at = nowText;
	transaction << "SELECT COUNT(*) FROM reminder_reports WHERE run_id = ? AND kind = ?", use(runId), use(k),
		into(exists), now;
	if (exists) return false;
	if (kind == "final")
		transaction << "UPDATE reminder_reports SET state = 'superseded', next_attempt_at = NULL, updated_at = ?, "
					   "reply_text = 'not sent: the final report replaces it' "
					   "WHERE run_id = ? AND kind = 'first' AND state IN ('pending', 'deferred')",
			use(at), use(runId), now;
	transaction << "INSERT INTO reminder_reports (run_id, kind, recipient, state, attempts, created_at, updated_at) "
				   "VALUES (?, ?, ?, 'pending', 0, ?, ?)",
		use(runId), use(k), use(to), use(at), use(at), now;
	return true;
}


std::vector<ReportRecord> RunStore::reports(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<ReportRow> rows;
	session << std::string(REPORT_COLUMNS) + "WHERE run_id = ? ORDER BY id", use(runId), into(rows), now;
	return reportsOf(rows);
}


std::vector<ReportRecord> RunStore::deliverableReports(Poco::Data::Session& session, const std::string& nowText,
													   int maxAttempts) const
{
	std::vector<ReportRow> rows;
	std::string at = nowText;
	session << std::string(REPORT_COLUMNS) +
				   "WHERE state = 'pending' OR (state = 'deferred' AND next_attempt_at <= ? AND attempts < ?) "
				   "ORDER BY id",
		use(at), use(maxAttempts), into(rows), now;
	return reportsOf(rows);
}


bool RunStore::beginReportSend(Poco::Data::Session& session, ReportRecord& report, const std::string& nowText) const
{
	std::string state = report.state, at = nowText;
	Poco::Int64 id = report.id;
	int attempts = report.attempts;
	Poco::Data::Statement update(session);
	update << "UPDATE reminder_reports SET state = 'sending', attempts = attempts + 1, next_attempt_at = NULL, "
			  "updated_at = ? WHERE id = ? AND state = ? AND attempts = ?",
		use(at), use(id), use(state), use(attempts);
	if (update.execute() != 1) return false;
	report.state = "sending";
	report.attempts += 1;
	report.nextAttemptAt.clear();
	report.updatedAt = nowText;
	return true;
}


void RunStore::updateReport(Poco::Data::Session& session, const ReportRecord& r) const
{
	std::string state = r.state, updated = r.updatedAt;
	Text next = nullable(r.nextAttemptAt), reply = nullable(r.replyText), messageId = nullable(r.messageId);
	Poco::Nullable<int> code = r.replyCode ? Poco::Nullable<int>(r.replyCode) : Poco::Nullable<int>();
	Poco::Int64 id = r.id;
	session << "UPDATE reminder_reports SET state = ?, next_attempt_at = ?, reply_code = ?, reply_text = ?, "
			   "message_id = ?, updated_at = ? WHERE id = ?",
		use(state), use(next), use(code), use(reply), use(messageId), use(updated), use(id), now;
}


int RunStore::markReportsInterrupted(Poco::Data::Session& session, const std::string& sendingBefore,
									 const std::string& nowText) const
{
	std::string before = sendingBefore, at = nowText;
	Poco::Data::Statement update(session);
	update << "UPDATE reminder_reports SET state = 'unknown', reply_text = 'interrupted while sending; not re-sent', "
			  "updated_at = ? WHERE state = 'sending' AND updated_at < ?",
		use(at), use(before);
	return static_cast<int>(update.execute());
}


std::optional<std::string> RunStore::nextReport(Poco::Data::Session& session, int maxAttempts) const
{
	std::vector<Text> times; // MIN() of no rows is NULL
	session << "SELECT MIN(CASE WHEN state = 'pending' THEN created_at ELSE next_attempt_at END) "
			   "FROM reminder_reports WHERE state = 'pending' OR (state = 'deferred' AND attempts < ? "
			   "AND next_attempt_at IS NOT NULL)",
		use(maxAttempts), into(times), now;
	if (times.empty() || text(times.front()).empty()) return std::nullopt;
	return text(times.front());
}


std::optional<RunRecord> RunStore::run(Poco::Data::Session& session, Poco::Int64 runId) const
{
	std::vector<RunRow> rows;
	session << std::string(RUN_COLUMNS) + "WHERE id = ?", use(runId), into(rows), now;
	if (rows.empty()) return std::nullopt;
	return runOf(rows.front());
}


std::vector<RunRecord> RunStore::runs(Poco::Data::Session& session, int limit) const
{
	std::vector<RunRow> rows;
	session << std::string(RUN_COLUMNS) + "ORDER BY id DESC LIMIT ?", use(limit), into(rows), now;
	std::vector<RunRecord> result;
	for (const RunRow& row: rows)
		result.push_back(runOf(row));
	return result;
}


std::vector<RunStore::HistoryEntry> RunStore::history(Poco::Data::Session& session, Poco::Int64 invoiceId) const
{
	std::vector<Poco::Int64> messageIds;
	// Newest first by the day each run acted for, then by the order written.
	session << "SELECT l.message_id FROM reminder_message_invoices l JOIN reminder_messages m ON m.id = l.message_id "
			   "JOIN reminder_runs r ON r.id = m.run_id WHERE l.invoice_id = ? "
			   "ORDER BY r.business_date DESC, l.message_id DESC",
		use(invoiceId), into(messageIds), now;
	std::vector<HistoryEntry> result;
	for (Poco::Int64 messageId: messageIds)
	{
		std::vector<MessageRow> messages;
		session << std::string(MESSAGE_COLUMNS) + "WHERE m.id = ?", use(messageId), into(messages), now;
		std::vector<ListedRow> listed;
		session << "SELECT l.message_id, l.invoice_id, i.number, l.currency, l.total_minor, l.paid_minor, "
				   "l.outstanding_minor, l.days_overdue, l.final_reminder FROM reminder_message_invoices l "
				   "JOIN invoices i ON i.id = l.invoice_id WHERE l.message_id = ? AND l.invoice_id = ?",
			use(messageId), use(invoiceId), into(listed), now;
		if (messages.empty() || listed.empty()) continue;
		HistoryEntry entry;
		entry.message = messageOf(messages.front());
		entry.listed = listedOf(listed.front());
		entry.run = run(session, entry.message.runId).value_or(RunRecord());
		result.push_back(entry);
	}
	return result;
}


} // namespace reminders
