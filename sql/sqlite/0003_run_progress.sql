-- Progress of a weekly run: when its plan was written, its report's delivery.
ALTER TABLE reminder_runs ADD COLUMN planned_at TEXT;
ALTER TABLE reminder_runs ADD COLUMN report_state TEXT;
ALTER TABLE reminder_runs ADD COLUMN report_reply TEXT;
ALTER TABLE reminder_messages ADD COLUMN subject TEXT;
CREATE INDEX reminder_runs_week ON reminder_runs(iso_week, sequence);
ALTER TABLE reminder_message_invoices ADD COLUMN final_reminder INTEGER NOT NULL DEFAULT 0;
