-- A customer's open invoices (issued or partly paid) in due-date order,
-- without reading the invoices that are paid or void: what a balance, a
-- statement or a reminder's re-check before sending asks for a few
-- customers at a time. Partial, so that it holds only the open invoices
-- (about a tenth of them in a business of some years) and a paid invoice
-- leaves it. A query uses it when its WHERE says
-- status IN ('issued', 'partially_paid') word for word.
CREATE INDEX invoices_customer_open ON invoices(customer_id, due_date, issue_date)
	WHERE status IN ('issued', 'partially_paid');
