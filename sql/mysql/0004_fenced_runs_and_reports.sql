-- Fencing: every takeover of a run's lease raises its generation, and every
-- write to the run's outbox names the owner and generation it holds, so an
-- instance that lost the lease changes nothing.
ALTER TABLE reminder_runs ADD COLUMN lease_generation BIGINT NOT NULL DEFAULT 0;

-- The owner's reports are outbox messages too: written before they are
-- sent, retried on 4xx, never lost to a crash. A run has a "first" report
-- when its first pass ends with retries pending, and a "final" one when no
-- message will change any more.
CREATE TABLE reminder_reports (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	run_id BIGINT NOT NULL,
	kind VARCHAR(8) NOT NULL,
	recipient VARCHAR(254) NOT NULL,
	state VARCHAR(16) NOT NULL,
	attempts INT NOT NULL DEFAULT 0,
	next_attempt_at VARCHAR(32),
	reply_code INT,
	reply_text TEXT,
	message_id VARCHAR(255),
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	UNIQUE KEY reminder_reports_kind (run_id, kind),
	CONSTRAINT reminder_reports_run_fk FOREIGN KEY (run_id) REFERENCES reminder_runs(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reminder_reports_state ON reminder_reports(state, next_attempt_at);
