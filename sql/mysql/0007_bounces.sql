-- What came back to the bounce mailbox about a reminder or report: one row
-- per report read (a DSN, a text bounce), named by the message's tag (its
-- Message-ID up to the '@', from the per-message return path). source is
-- the mailbox's name for the file read: a file is never counted twice.
-- recipient is stored in lower case. A permanent bounce keeps its address
-- out of the reminders until an accountant lifts it (lifted_at) or the
-- customer's address changes.
CREATE TABLE reminder_bounces (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	message_tag VARCHAR(64) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	recipient VARCHAR(254),
	status VARCHAR(16),
	diagnostic TEXT,
	permanent TINYINT NOT NULL,
	received_at VARCHAR(32) NOT NULL,
	source VARCHAR(255) NOT NULL,
	lifted_at VARCHAR(32),
	lifted_by VARCHAR(64),
	UNIQUE KEY reminder_bounces_source (source),
	KEY reminder_bounces_tag (message_tag),
	KEY reminder_bounces_recipient (recipient, permanent)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
