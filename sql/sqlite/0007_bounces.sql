-- What came back to the bounce mailbox about a reminder or report: one row
-- per report read (a DSN, a text bounce), named by the message's tag (its
-- Message-ID up to the '@', from the per-message return path). source is
-- the mailbox's name for the file read: a file is never counted twice.
-- recipient is stored in lower case. A permanent bounce keeps its address
-- out of the reminders until an accountant lifts it (lifted_at) or the
-- customer's address changes.
CREATE TABLE reminder_bounces (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	message_tag TEXT NOT NULL,
	kind TEXT NOT NULL,
	recipient TEXT,
	status TEXT,
	diagnostic TEXT,
	permanent INTEGER NOT NULL,
	received_at TEXT NOT NULL,
	source TEXT NOT NULL UNIQUE,
	lifted_at TEXT,
	lifted_by TEXT
);

CREATE INDEX reminder_bounces_tag ON reminder_bounces(message_tag);
CREATE INDEX reminder_bounces_recipient ON reminder_bounces(recipient, permanent);
