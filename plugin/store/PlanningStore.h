//
// PlanningStore.h
//


#ifndef Reminders_PlanningStore_INCLUDED
#define Reminders_PlanningStore_INCLUDED


#include "plugin/core/ReminderPlan.h"
#include <Poco/Data/Session.h>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>


namespace reminders {


class PlanningStore
/// Reads what planning needs from the host's tables and the plugin's:
/// customers with their reminder switch, invoices with their flag and
/// outstanding amount (total - paid, as the host keeps it). Streams in
/// batches, grouped by customer, so that memory stays flat however many
/// invoices there are. Thread-safe.
{
public:
	explicit PlanningStore(const std::string& dialect);
	/// The database's dialect, "sqlite" or "mysql" (on SQLite the
	/// candidates' query names its index).

	using Visitor = std::function<bool(const CustomerContact&, const std::vector<OpenInvoice>&)>;
	/// Called once per customer, in customer id order; return false to stop.

	void forEachCandidate(Poco::Data::Session& session, const CalendarDate& earliestBasis,
						  const CalendarDate& latestBasis, const Visitor& visit, bool withCustomersOff = false) const;
	/// The customers whose reminders are on, each with its flagged invoices
	/// that are still owed and whose basis (due date, or issue date) lies in
	/// [earliestBasis, latestBasis]. The planner decides exactly.
	/// `withCustomersOff` (the preview) also visits customers whose
	/// reminders are off, so that they can be listed as skipped.

	std::optional<std::pair<CustomerContact, std::vector<OpenInvoice>>> candidatesOf(
		Poco::Data::Session& session, Poco::Int64 customerId, const CalendarDate& earliestBasis,
		const CalendarDate& latestBasis) const;
	/// One customer's candidates as they are now (the re-check right before
	/// a send); nullopt when nothing of theirs is a candidate any more.

	using Candidates = std::map<Poco::Int64, std::pair<CustomerContact, std::vector<OpenInvoice>>>;

	Candidates candidatesOf(Poco::Data::Session& session, const std::vector<Poco::Int64>& customerIds,
							const CalendarDate& earliestBasis, const CalendarDate& latestBasis) const;
	/// The same for a batch of customers in one query (the re-check right
	/// before a batch's sends); customers with nothing left are absent.

	void forEachOutstanding(Poco::Data::Session& session, Poco::Int64 afterCustomerId, int customers,
							const std::function<void(const CustomerContact&, bool defaultOn,
													 const std::vector<OpenInvoice>&)>& visit) const;
	/// Every issued, not fully paid invoice (flagged or not), grouped by
	/// customer, for at most `customers` customers after afterCustomerId.

	int countUnflaggedOutstanding(Poco::Data::Session& session) const;
	/// How many issued, not fully paid invoices of customers whose reminders
	/// are on are not flagged: what the bulk-enable page would offer.

	static constexpr int BATCH = 5000;

	static std::string candidatesQuery(const std::vector<Poco::Int64>& customerIds, bool withCustomersOff, bool sqlite);
	/// The statement candidates are read with (placeholders: the customer id
	/// after which to go on, then the two date ranges). Given customer ids
	/// (the re-check), it reads only their open invoices; without, the whole
	/// day's. Either goes through the host's index of open invoices by
	/// customer, which on SQLite covers the invoice columns read and is named
	/// (INDEXED BY), so that the plan does not depend on whether the
	/// database was ever ANALYZEd.

private:
	std::string _dialect;

	void candidates(Poco::Data::Session& session, const std::vector<Poco::Int64>& customerIds,
					const CalendarDate& earliestBasis, const CalendarDate& latestBasis, const Visitor& visit,
					bool withCustomersOff) const;
	/// No customer ids: every customer.
};


} // namespace reminders


#endif // Reminders_PlanningStore_INCLUDED
