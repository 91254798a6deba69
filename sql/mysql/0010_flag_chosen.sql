-- Whether an invoice's with_reminder was chosen (by a request, a bulk
-- action or the invoice.created hook from the customer's default), or is
-- only the placeholder of a row written for a dispute. At creation the
-- hook keeps a chosen flag and decides a placeholder from the customer's
-- default. Rows written before this are taken as chosen.
ALTER TABLE reminder_invoices ADD COLUMN flag_chosen TINYINT NOT NULL DEFAULT 1;
