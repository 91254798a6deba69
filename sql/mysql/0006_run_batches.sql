-- Several instances share one week's run: its planned messages are claimed
-- in batches (SELECT ... FOR UPDATE SKIP LOCKED), each with a lease of its
-- own (owner, end, generation). Every write to a batch's messages names the
-- owner and generation it holds, so an instance whose batch was taken over
-- changes nothing. A batch is open while it is being sent and closed when
-- its messages have their states.
CREATE TABLE reminder_batches (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	run_id BIGINT NOT NULL,
	state VARCHAR(8) NOT NULL,
	lease_owner VARCHAR(128) NOT NULL,
	lease_until VARCHAR(32) NOT NULL,
	lease_generation BIGINT NOT NULL DEFAULT 1,
	created_at VARCHAR(32) NOT NULL,
	closed_at VARCHAR(32),
	KEY reminder_batches_open (run_id, state, lease_until),
	CONSTRAINT reminder_batches_run_fk FOREIGN KEY (run_id) REFERENCES reminder_runs(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The batch a message is (or was last) sent in; NULL while it waits to be claimed.
ALTER TABLE reminder_messages ADD COLUMN batch_id BIGINT NULL;

CREATE INDEX reminder_messages_batch ON reminder_messages(run_id, batch_id, state);
