-- A customer's open invoices (issued or partly paid) in due-date order,
-- without reading the invoices that are paid or void: what a balance, a
-- statement or a reminder's re-check before sending asks for a few
-- customers at a time. MariaDB has no partial index: the status is the
-- second column, so a query for two statuses reads two short ranges of it.
CREATE INDEX invoices_customer_open ON invoices(customer_id, status, due_date, issue_date);
