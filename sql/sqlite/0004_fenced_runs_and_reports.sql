-- Fencing: every takeover of a run's lease raises its generation, and every
-- write to the run's outbox names the owner and generation it holds, so an
-- instance that lost the lease changes nothing.
ALTER TABLE reminder_runs ADD COLUMN lease_generation INTEGER NOT NULL DEFAULT 0;

-- The owner's reports are outbox messages too: written before they are
-- sent, retried on 4xx, never lost to a crash. A run has a "first" report
-- when its first pass ends with retries pending, and a "final" one when no
-- message will change any more.
CREATE TABLE reminder_reports (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	run_id INTEGER NOT NULL REFERENCES reminder_runs(id),
	kind TEXT NOT NULL,
	recipient TEXT NOT NULL,
	state TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at TEXT,
	reply_code INTEGER,
	reply_text TEXT,
	message_id TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (run_id, kind)
);

CREATE INDEX reminder_reports_state ON reminder_reports(state, next_attempt_at);
