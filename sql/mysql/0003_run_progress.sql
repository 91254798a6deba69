-- Progress of a weekly run: when its plan was written, its report's delivery.
ALTER TABLE reminder_runs ADD COLUMN planned_at VARCHAR(32);
ALTER TABLE reminder_runs ADD COLUMN report_state VARCHAR(16);
ALTER TABLE reminder_runs ADD COLUMN report_reply TEXT;
ALTER TABLE reminder_messages ADD COLUMN subject TEXT;
ALTER TABLE reminder_message_invoices ADD COLUMN final_reminder TINYINT NOT NULL DEFAULT 0;
