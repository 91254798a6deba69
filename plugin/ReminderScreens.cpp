//
// ReminderScreens.cpp
//


#include "plugin/ReminderScreens.h"


namespace reminders {


namespace {

erp::Texts words(const char* el, const char* en)
{
	return {{"el", el}, {"en", en}};
}

erp::ScreenField field(const char* name, const char* type, erp::Texts label, erp::Texts help = {},
					   erp::Role minimum = erp::Role::ACCOUNTANT)
{
	erp::ScreenField result;
	result.name = name;
	result.type = type;
	result.label = std::move(label);
	result.help = std::move(help);
	result.minimum = minimum;
	return result;
}

erp::ScreenField optional(erp::ScreenField field)
{
	field.optional = true;
	return field;
}

erp::SettingsTab emailTab()
{
	erp::SettingsTab tab;
	tab.id = "email";
	tab.label = words("Email", "Email");
	tab.route = "settings";
	tab.switchField = "enabled";
	tab.pageAfterSwitchOn = "bulk-enable";
	tab.fields.push_back(field("enabled", "bool", words("Ενημέρωση πελατών", "Notify customers"),
							   words("Κάθε εβδομάδα, ένα email σε κάθε πελάτη με ληξιπρόθεσμα τιμολόγια.",
									 "Every week, one email to each customer with overdue invoices.")));
	tab.fields.push_back(field("days_after_due", "int",
							   words("Ημέρες μετά το “πληρωτέο έως”", "Days after the due date"),
							   words("Ένα τιμολόγιο μπαίνει στην υπενθύμιση τόσες ημέρες μετά την ημερομηνία λήξης.",
									 "An invoice enters the reminder this many days after its due date.")));
	tab.fields.push_back(field("stop_after_months", "int", words("Διακοπή μετά από μήνες", "Stop after months"),
							   words("Μετά από τόσους μήνες δεν στέλνεται πια υπενθύμιση για ένα τιμολόγιο.",
									 "After this many months no more reminders are sent for an invoice.")));
	tab.fields.push_back(optional(field("owner_email", "email", words("Email της επιχείρησης", "Business email"),
										words("Εδώ πηγαίνει η εβδομαδιαία αναφορά.", "The weekly report goes here."))));
	tab.fields.push_back(optional(field("from_name", "text", words("Όνομα αποστολέα", "Sender's name"))));
	tab.fields.push_back(
		optional(field("reply_to", "email", words("Απάντηση προς", "Reply to"),
					   words("Οι απαντήσεις των πελατών πηγαίνουν εδώ.", "Customers' replies go here."))));
	erp::ScreenField fallback =
		field("fallback_language", "choice", words("Γλώσσα αναφοράς", "Report language"),
			  words("Η γλώσσα της εβδομαδιαίας αναφοράς προς την επιχείρηση (κάθε πελάτης λαμβάνει "
					"τη δική του γλώσσα).",
					"The language of the weekly report to the business (each customer gets "
					"their own language)."));
	fallback.choices = {{"el", words("Ελληνικά", "Greek")}, {"en", words("Αγγλικά", "English")}};
	tab.fields.push_back(fallback);
	tab.fields.push_back(
		optional(field("min_amounts", "text", words("Ελάχιστο ποσό ανά νόμισμα", "Minimum amount per currency"),
					   words("Πελάτες που οφείλουν λιγότερο σε ένα νόμισμα δεν λαμβάνουν υπενθύμιση γι' αυτό. Π.χ. "
							 "EUR 50.00, USD 20.00. Κενό: χωρίς ελάχιστο.",
							 "Customers owing less in a currency get no reminder of it. E.g. EUR 50.00, USD 20.00. "
							 "Empty: no minimum."))));

	const erp::Role admin = erp::Role::ADMIN;
	erp::ScreenField weekday = field("send_weekday", "choice", words("Ημέρα αποστολής", "Sending day"), {}, admin);
	const char* const DAYS[][3] = {{"monday", "Δευτέρα", "Monday"},       {"tuesday", "Τρίτη", "Tuesday"},
								   {"wednesday", "Τετάρτη", "Wednesday"}, {"thursday", "Πέμπτη", "Thursday"},
								   {"friday", "Παρασκευή", "Friday"},     {"saturday", "Σάββατο", "Saturday"},
								   {"sunday", "Κυριακή", "Sunday"}};
	for (const auto& day: DAYS)
		weekday.choices.push_back({day[0], words(day[1], day[2])});
	tab.fields.push_back(weekday);
	tab.fields.push_back(field("send_time", "time", words("Ώρα αποστολής", "Sending time"), {}, admin));
	tab.fields.push_back(optional(field("time_zone", "zone", words("Ζώνη ώρας", "Time zone"),
										words("Κενό: η ζώνη ώρας της επιχείρησης. Π.χ. Europe/Athens.",
											  "Empty: the business's time zone. E.g. Europe/Athens."),
										admin)));
	tab.fields.push_back(optional(field(
		"from_address", "email", words("Διεύθυνση αποστολέα", "Sender's address"),
		words("Πρέπει να επιτρέπεται από τον διακομιστή αλληλογραφίας.", "The mail server must allow it."), admin)));

	// The delivery: what is saved here wins over the server's configuration.
	erp::ScreenField delivery =
		field("delivery", "choice", words("Τρόπος αποστολής", "Delivery method"),
			  words("Ο φάκελος ορίζεται στις ρυθμίσεις του διακομιστή (reminders.spool.directory).",
					"The folder is set in the server's configuration (reminders.spool.directory)."),
			  admin);
	delivery.choices = {
		{"smtp", words("Μέσω διακομιστή αλληλογραφίας (SMTP)", "Through a mail server (SMTP)")},
		{"spool", words("Σε φάκελο του διακομιστή, χωρίς αποστολή", "To a folder on the server, not sent")}};
	tab.fields.push_back(delivery);
	tab.fields.push_back(optional(
		field("smtp_host", "text", words("Διακομιστής SMTP", "SMTP server"),
			  words("Όνομα ή διεύθυνση, π.χ. smtp.example.com.", "A name or address, e.g. smtp.example.com."), admin)));
	erp::ScreenField tls = field("smtp_tls", "choice", words("Κρυπτογράφηση", "Encryption"),
								 words("Με κρυπτογράφηση, το πιστοποιητικό του διακομιστή ελέγχεται πάντα.",
									   "With encryption, the server's certificate is always checked."),
								 admin);
	tls.choices = {{"starttls", words("STARTTLS (συνήθως θύρα 587)", "STARTTLS (usually port 587)")},
				   {"implicit", words("TLS από την αρχή (συνήθως θύρα 465)", "TLS from the start (usually port 465)")},
				   {"none", words("Καμία (μόνο για δοκιμές)", "None (for tests only)")}};
	tab.fields.push_back(tls);
	tab.fields.push_back(optional(field("smtp_port", "int", words("Θύρα", "Port"),
										words("Κενό: 587 για STARTTLS, 465 για TLS, 25 χωρίς κρυπτογράφηση.",
											  "Empty: 587 for STARTTLS, 465 for TLS, 25 without encryption."),
										admin)));
	tab.fields.push_back(optional(field("smtp_username", "text", words("Όνομα χρήστη SMTP", "SMTP user name"),
										words("Κενό: χωρίς σύνδεση χρήστη.", "Empty: no sign-in."), admin)));
	erp::ScreenField password = field("smtp_password", "password", words("Κωδικός SMTP", "SMTP password"), {}, admin);
	password.writeOnly = true;
	tab.fields.push_back(password);
	erp::ScreenField auth = field("smtp_auth", "choice", words("Τρόπος σύνδεσης", "Sign-in method"), {}, admin);
	auth.choices = {{"login", words("LOGIN", "LOGIN")}, {"plain", words("PLAIN", "PLAIN")}};
	tab.fields.push_back(auth);
	return tab;
}

} // namespace


erp::ScreenSet ReminderScreens::declaration()
{
	erp::ScreenSet screens;
	screens.tabs.push_back(emailTab());
	screens.defaults.push_back({"invoice", "with_reminder", "customer.reminders.default"});

	erp::ListAction toggle;
	toggle.entity = "invoice";
	toggle.label = words("Υπενθύμιση οφειλής", "Payment reminder");
	toggle.stateRoute = "ui/flags";
	toggle.toggleRoute = "invoices/{id}";
	toggle.toggleField = "with_reminder";
	toggle.icon = "bell";
	screens.actions.push_back(toggle);

	// The credit controller's dispute: one click to leave an invoice out
	// of the reminders (and back); the note travels through the API.
	erp::ListAction dispute;
	dispute.entity = "invoice";
	dispute.label = words("Αμφισβητούμενο", "Disputed");
	dispute.stateRoute = "ui/disputes";
	dispute.toggleRoute = "invoices/{id}";
	dispute.toggleField = "disputed";
	dispute.icon = "note";
	screens.actions.push_back(dispute);

	erp::RecordView history;
	history.entity = "invoice";
	history.label = words("Ιστορικό υπενθυμίσεων", "Reminder history");
	history.route = "invoices/{id}/history";
	history.icon = "mail";
	history.columns = {{"date", words("Ημερομηνία", "Date"), "date"},
					   {"recipient", words("Παραλήπτης", "Recipient"), "text"},
					   {"state_text", words("Κατάσταση", "State"), "text"},
					   {"reply_text", words("Απάντηση διακομιστή", "Server's reply"), "text"},
					   {"updated_at", words("Τελευταία αλλαγή", "Last change"), "datetime"}};
	history.empty =
		words("Δεν έχει σταλεί υπενθύμιση για αυτό το τιμολόγιο.", "No reminder has been sent for this invoice.");
	history.note = words("«Έγινε δεκτό» σημαίνει ότι ο διακομιστής αλληλογραφίας το παρέλαβε· δεν είναι γνωστό αν "
						 "διαβάστηκε.",
						 "\"Accepted\" means the mail server took the message; whether it was read is not known.");
	screens.views.push_back(history);

	erp::PluginPage reminders;
	reminders.id = "reminders";
	reminders.label = words("Υπενθυμίσεις", "Reminders");
	reminders.templateFile = "reminders.tpl";
	reminders.viewRoute = "ui/overview";
	erp::PageAction run;
	run.name = "run";
	run.method = "POST";
	run.route = "runs";
	run.minimum = erp::Role::ADMIN;
	reminders.actions.push_back(run);
	erp::PageAction test;
	test.name = "test-email";
	test.method = "POST";
	test.route = "test-email";
	test.minimum = erp::Role::ADMIN;
	test.fields.push_back(field("to", "text", words("Προς", "To"), {}, erp::Role::ADMIN));
	test.fields.push_back(field("language", "text", words("Γλώσσα", "Language"), {}, erp::Role::ADMIN));
	reminders.actions.push_back(test);
	erp::PageAction lift;
	lift.name = "lift-bounce";
	lift.method = "POST";
	lift.route = "bounces/lift";
	lift.fields.push_back(field("address", "text", words("Διεύθυνση", "Address")));
	reminders.actions.push_back(lift);
	screens.pages.push_back(reminders);

	erp::PluginPage bulk;
	bulk.id = "bulk-enable";
	bulk.label = words("Ενεργοποίηση υπενθυμίσεων", "Switch on reminders");
	bulk.inMenu = false;
	bulk.templateFile = "bulk_enable.tpl";
	bulk.viewRoute = "ui/bulk-enable";
	erp::PageAction enable;
	enable.name = "enable";
	enable.method = "POST";
	enable.route = "bulk-enable";
	erp::ScreenField ids;
	ids.name = "invoice_ids";
	ids.type = "ids";
	ids.label = words("Τιμολόγια", "Invoices");
	enable.fields.push_back(ids);
	bulk.actions.push_back(enable);
	screens.pages.push_back(bulk);
	return screens;
}


} // namespace reminders
