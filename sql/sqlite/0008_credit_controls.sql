-- The credit controller's controls (issue 12, item 6).
-- A customer's promise to pay: no reminder up to and including this day
-- (YYYY-MM-DD); NULL: not paused.
ALTER TABLE reminder_customers ADD COLUMN paused_until TEXT;
-- A disputed invoice is left out of the reminders while disputed = 1; the
-- note says why, in the accountant's words.
ALTER TABLE reminder_invoices ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reminder_invoices ADD COLUMN dispute_note TEXT;
-- The minimum outstanding amount per currency below which a customer is
-- not reminded: a JSON object of ISO 4217 code -> minor units, e.g.
-- {"EUR": 5000}; NULL: no minimum.
ALTER TABLE reminder_settings ADD COLUMN min_amounts TEXT;
