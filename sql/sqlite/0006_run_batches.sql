-- Several instances share one week's run: its planned messages are claimed
-- in batches, each with a lease of its own (owner, end, generation). Every
-- write to a batch's messages names the owner and generation it holds, so
-- an instance whose batch was taken over changes nothing. A batch is open
-- while it is being sent and closed when its messages have their states.
CREATE TABLE reminder_batches (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	run_id INTEGER NOT NULL REFERENCES reminder_runs(id),
	state TEXT NOT NULL,
	lease_owner TEXT NOT NULL,
	lease_until TEXT NOT NULL,
	lease_generation INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	closed_at TEXT
);

CREATE INDEX reminder_batches_open ON reminder_batches(run_id, state, lease_until);

-- The batch a message is (or was last) sent in; NULL while it waits to be claimed.
ALTER TABLE reminder_messages ADD COLUMN batch_id INTEGER REFERENCES reminder_batches(id);

CREATE INDEX reminder_messages_batch ON reminder_messages(run_id, batch_id, state);
