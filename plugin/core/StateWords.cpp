//
// StateWords.cpp
//


#include "plugin/core/StateWords.h"
#include <map>
#include <utility>


namespace reminders {


std::string StateWords::label(const std::string& code, const std::string& language)
{
	static const std::map<std::string, std::pair<const char*, const char*>> LABELS = {
		{"accepted", {"έγινε δεκτό από τον διακομιστή αλληλογραφίας", "accepted by the mail server"}},
		{"spooled", {"γράφτηκε στον φάκελο αποστολής", "written to the spool folder"}},
		{"deferred",
		 {"αναβλήθηκε από τον διακομιστή, θα ξαναδοκιμαστεί", "deferred by the mail server, will be retried"}},
		{"rejected", {"απορρίφθηκε από τον διακομιστή", "rejected by the mail server"}},
		{"failed", {"απέτυχε: εξαντλήθηκαν οι προσπάθειες", "failed: no attempt left"}},
		{"credentials_refused",
		 {"δεν στάλθηκε: ο διακομιστής απέρριψε τα διαπιστευτήρια",
		  "not sent: the mail server refused the credentials"}},
		{"unknown",
		 {"άγνωστο: διακοπή κατά την αποστολή, δεν ξαναστάλθηκε",
		  "unknown: interrupted while sending, not sent again"}},
		{"bounced",
		 {"επιστράφηκε: ο διακομιστής του παραλήπτη δεν το παρέδωσε",
		  "bounced: the recipient's mail server did not deliver it"}},
		{"pending", {"σε αναμονή", "pending"}},
		{"not_configured",
		 {"δεν στάλθηκε: δεν έχει οριστεί διεύθυνση email της επιχείρησης",
		  "not sent: no business email address is set"}},
		{"sending", {"αποστέλλεται", "sending"}},
		{"cancelled",
		 {"δεν στάλθηκε: τίποτα ληξιπρόθεσμο τη στιγμή της αποστολής",
		  "not sent: nothing was overdue any more when its turn came"}},
		{"skipped", {"δεν στάλθηκε", "not sent"}},
		{"no_email", {"δεν υπάρχει διεύθυνση email", "no email address"}},
		{"invalid_email", {"άκυρη διεύθυνση email", "invalid email address"}},
		{"address_bounced",
		 {"η διεύθυνση email επιστράφηκε (οριστικά, ή προσωρινά πολλές φορές στη σειρά)· εκτός υπενθυμίσεων ως να "
		  "αλλάξει ή να αρθεί",
		  "the email address bounced (for good, or for now several times in a row); left out until it changes or the "
		  "bounce is lifted"}},
		{"customer_off", {"οι υπενθυμίσεις του πελάτη είναι απενεργοποιημένες", "the customer's reminders are off"}},
		{"paused",
		 {"σε παύση έως την ημερομηνία που υποσχέθηκε ο πελάτης",
		  "paused until the date the customer promised to pay"}},
		{"disputed", {"όλα τα ληξιπρόθεσμα τιμολόγια αμφισβητούνται", "every overdue invoice is disputed"}},
		{"below_minimum",
		 {"η οφειλή είναι κάτω από το ελάχιστο ποσό του νομίσματος", "what is owed is below the currency's minimum"}},
	};
	auto it = LABELS.find(code);
	if (it == LABELS.end()) return code;
	return language == "el" ? it->second.first : it->second.second;
}


} // namespace reminders
