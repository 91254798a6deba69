-- Reminders plugin: side tables keyed by the host's ids.
-- The same logical schema as sql/sqlite/0001_reminders.sql.

CREATE TABLE reminder_settings (
	id INT NOT NULL PRIMARY KEY CHECK (id = 1),
	enabled TINYINT NOT NULL DEFAULT 0,
	days_after_due INT NOT NULL DEFAULT 0,
	stop_after_months INT NOT NULL DEFAULT 6,
	send_weekday INT NOT NULL DEFAULT 1,
	send_time CHAR(5) NOT NULL DEFAULT '09:00',
	time_zone VARCHAR(64),
	owner_email VARCHAR(254),
	from_address VARCHAR(254),
	reply_to VARCHAR(254),
	fallback_language VARCHAR(8) NOT NULL DEFAULT 'el',
	first_enabled_at VARCHAR(32),
	updated_at VARCHAR(32) NOT NULL,
	updated_by VARCHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE reminder_customers (
	customer_id BIGINT NOT NULL PRIMARY KEY,
	enabled TINYINT NOT NULL,
	default_on TINYINT NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	updated_by VARCHAR(64) NOT NULL,
	CONSTRAINT reminder_customers_fk FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE reminder_invoices (
	invoice_id BIGINT NOT NULL PRIMARY KEY,
	with_reminder TINYINT NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	updated_by VARCHAR(64) NOT NULL,
	CONSTRAINT reminder_invoices_fk FOREIGN KEY (invoice_id) REFERENCES invoices(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reminder_invoices_flag ON reminder_invoices(with_reminder, invoice_id);

CREATE TABLE reminder_runs (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	iso_week CHAR(8) NOT NULL,
	sequence INT NOT NULL DEFAULT 1,
	business_date CHAR(10) NOT NULL,
	state VARCHAR(16) NOT NULL,
	lease_owner VARCHAR(128),
	lease_until VARCHAR(32),
	started_by VARCHAR(64) NOT NULL,
	started_at VARCHAR(32) NOT NULL,
	finished_at VARCHAR(32),
	summary TEXT,
	UNIQUE KEY reminder_runs_week (iso_week, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE reminder_messages (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	run_id BIGINT NOT NULL,
	customer_id BIGINT NOT NULL,
	recipient VARCHAR(254),
	language VARCHAR(8) NOT NULL,
	state VARCHAR(16) NOT NULL,
	skip_reason VARCHAR(32),
	attempts INT NOT NULL DEFAULT 0,
	next_attempt_at VARCHAR(32),
	reply_code INT,
	reply_text TEXT,
	message_id VARCHAR(255),
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	UNIQUE KEY reminder_messages_customer (run_id, customer_id),
	CONSTRAINT reminder_messages_run_fk FOREIGN KEY (run_id) REFERENCES reminder_runs(id),
	CONSTRAINT reminder_messages_customer_fk FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reminder_messages_state ON reminder_messages(run_id, state);

CREATE TABLE reminder_message_invoices (
	message_id BIGINT NOT NULL,
	invoice_id BIGINT NOT NULL,
	currency CHAR(3) NOT NULL,
	total_minor BIGINT NOT NULL,
	paid_minor BIGINT NOT NULL,
	outstanding_minor BIGINT NOT NULL,
	days_overdue INT NOT NULL,
	PRIMARY KEY (message_id, invoice_id),
	CONSTRAINT reminder_message_invoices_message_fk FOREIGN KEY (message_id) REFERENCES reminder_messages(id),
	CONSTRAINT reminder_message_invoices_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX reminder_message_invoices_invoice ON reminder_message_invoices(invoice_id);
