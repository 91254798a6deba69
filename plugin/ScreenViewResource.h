//
// ScreenViewResource.h
//


#ifndef Reminders_ScreenViewResource_INCLUDED
#define Reminders_ScreenViewResource_INCLUDED


#include "erp/Database.h"
#include "erp/Http.h"
#include "plugin/BulkEnableResource.h"
#include "plugin/PreviewResource.h"
#include "plugin/RunsResource.h"
#include "plugin/store/ReminderFieldStore.h"
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>


namespace reminders {


class ScreenViewResource
/// The view models of the plugin's screens (ReminderScreens), under
/// /api/plugins/reminders/ui/: what the API's own routes answer, with
/// amounts, dates and states worded in the page's language (the query's
/// "language", el or en), for the host to fill into the plugin's page
/// templates.
///
///   GET ui/flags?ids=1,2,3           the invoice list's toggle: on, available, title
///   GET ui/disputes?ids=1,2,3        the invoice list's «Αμφισβητούμενο» toggle, the note in its title
///   GET ui/bulk-enable?after=ID      outstanding invoices by customer, to tick
///   GET ui/overview                  next run's preview, this week's run, the runs, each
///                                    with its report in words (reminded, not_reminded,
///                                    report_text: what became of the report to the business)
///   GET invoices/{id}/history?language=  (RunsResource) with "state_text"
{
public:
	ScreenViewResource(erp::Database& database, ReminderFieldStore& store, BulkEnableResource& bulkEnable,
					   PreviewResource& preview, RunsResource& runs);

	void mount(erp::HttpRoutes& routes);

	erp::HttpResponse flags(const erp::HttpRequest& request);
	erp::HttpResponse disputes(const erp::HttpRequest& request);
	erp::HttpResponse bulkEnable(const erp::HttpRequest& request);
	erp::HttpResponse overview(const erp::HttpRequest& request);

	static std::string language(const erp::HttpRequest& request);
	static std::string moneyText(const std::string& amount, const std::string& currency, const std::string& language);
	static std::string totalsText(const Poco::JSON::Object& totals, const std::string& language);
	/// {"EUR": "12.50", "USD": "3.00"} as "12,50 € + 3,00 $" (el).
	static std::string dateText(const std::string& isoDate, const std::string& language);
	static std::string stateText(const std::string& state, const std::string& language);
	static std::string progressText(const Poco::JSON::Object& progress, const std::string& state,
									const std::string& language);
	/// A run's "progress" (RunProgressJson) in words, for the runs list.
	/// An outbox or run state in words, honestly: "sent" is "accepted by the
	/// mail server", never "delivered" or "read".

private:
	static std::vector<Poco::Int64> ids(const erp::HttpRequest& request);
	/// The query's "ids": 400 naming "ids" when missing, malformed or too many.

	void describeRun(const erp::HttpRequest& request, Poco::JSON::Object& run, const std::string& lang);
	erp::Database& _database;
	ReminderFieldStore& _store;
	BulkEnableResource& _bulkEnable;
	PreviewResource& _preview;
	RunsResource& _runs;
};


} // namespace reminders


#endif // Reminders_ScreenViewResource_INCLUDED
