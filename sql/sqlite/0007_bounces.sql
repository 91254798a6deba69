-- What came back to the bounce mailbox about a reminder or report: one row
-- per report read (a DSN, a text bounce), named by the message's tag (its
-- Message-ID up to the '@', from the per-message return path). source is
-- the mailbox's name for the file read: a file is never counted twice.
CREATE TABLE reminder_bounces (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	message_tag TEXT NOT NULL,
	kind TEXT NOT NULL,
	recipient TEXT,
	status TEXT,
	diagnostic TEXT,
	permanent INTEGER NOT NULL,
	received_at TEXT NOT NULL,
	source TEXT NOT NULL UNIQUE
);

CREATE INDEX reminder_bounces_tag ON reminder_bounces(message_tag);
