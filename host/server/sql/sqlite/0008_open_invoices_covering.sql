-- The open invoices by customer, now with every column a balance, a
-- statement or a reminder reads of them (number, currency, amounts,
-- status): such a query reads this index alone and never the invoices'
-- own pages, which lie scattered among the paid ones. The whole day's
-- reminders on 1,000,000 invoices read about 13,000 fewer pages
-- (docs/performance.md). Same name and condition as before, so that a
-- query naming it keeps working.
DROP INDEX invoices_customer_open;
CREATE INDEX invoices_customer_open
	ON invoices(customer_id, due_date, issue_date, currency, total_minor, paid_minor, status, number)
	WHERE status IN ('issued', 'partially_paid');
