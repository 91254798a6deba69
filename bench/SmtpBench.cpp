//
// SmtpBench.cpp
//
// bench_smtp PORT [MESSAGES]
//
// Sends MESSAGES reminders (a real composed reminder of three invoices,
// about 5 KiB) through SmtpTransport to an SMTP server on 127.0.0.1:PORT
// over one connection, and prints messages per second.
//


#include "plugin/core/ReminderPlanner.h"
#include "plugin/mail/MimeBuilder.h"
#include "plugin/mail/ReminderComposer.h"
#include "plugin/mail/SmtpTransport.h"
#include <chrono>
#include <iostream>


using namespace reminders;


int main(int argc, char** argv)
{
	if (argc < 2)
	{
		std::cerr << "usage: bench_smtp PORT [MESSAGES]" << std::endl;
		return 2;
	}
	const int messages = argc > 2 ? std::stoi(argv[2]) : 5000;
	ReminderSettings settings;
	settings.enabled = true;
	settings.daysAfterDue = 0;
	settings.fromAddress = "billing@example.com";
	settings.fromName = "Λογιστήριο Παπαδόπουλος";
	CustomerContact customer{1, "Ταβέρνα «Ο Μήτσος»", "customer@example.com", "el", true, "", {}};
	std::vector<OpenInvoice> invoices;
	for (int i = 1; i <= 3; ++i)
	{
		OpenInvoice invoice;
		invoice.id = i;
		invoice.customerId = 1;
		invoice.number = "ΤΠΥ-2026-000" + std::to_string(i);
		invoice.issueDate = CalendarDate(2026, 9, i);
		invoice.dueDate = CalendarDate(2026, 10, i);
		invoice.currency = "EUR";
		invoice.totalMinor = 123456 * i;
		invoice.status = "issued";
		invoice.withReminder = true;
		invoices.push_back(invoice);
	}
	const CustomerPlan plan = *ReminderPlanner(settings, CalendarDate(2026, 11, 30)).planCustomer(customer, invoices);
	const TemplateSet templates(std::string(ERP_SOURCE_DIR) + "/templates");
	ComposedMessage message = ReminderComposer(templates, settings, "").reminder(plan, "bench@example.com");
	const std::size_t size = MimeBuilder::bytes(message).size();

	SmtpSettings smtp;
	smtp.host = "127.0.0.1";
	smtp.port = std::stoi(argv[1]);
	smtp.tls = "none";
	smtp.helo = "bench";
	SmtpTransport transport(smtp);
	const auto started = std::chrono::steady_clock::now();
	int accepted = 0;
	for (int i = 0; i < messages; ++i)
	{
		message.messageId = "bench." + std::to_string(i) + "@example.com";
		accepted += transport.send(message).state == Delivery::State::ACCEPTED;
	}
	transport.close();
	const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
	std::cout << accepted << " of " << messages << " messages of " << size << " bytes accepted in " << seconds
			  << " s: " << static_cast<int>(messages / seconds) << " messages/s over one connection" << std::endl;
	return accepted == messages ? 0 : 1;
}
