-- Reference host: customers, invoices, payments, users, audit log.
-- The same logical schema as sql/sqlite/0001_core.sql. Dates stay
-- YYYY-MM-DD text so that both dialects bind and compare them alike.

CREATE TABLE customers (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name VARCHAR(200) NOT NULL,
	email VARCHAR(254),
	language VARCHAR(8) NOT NULL DEFAULT 'el',
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE invoices (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	number VARCHAR(64) NOT NULL UNIQUE,
	customer_id BIGINT NOT NULL,
	issue_date CHAR(10) NOT NULL,
	due_date CHAR(10),
	currency CHAR(3) NOT NULL,
	total_minor BIGINT NOT NULL,
	paid_minor BIGINT NOT NULL DEFAULT 0,
	status VARCHAR(16) NOT NULL,
	created_by VARCHAR(64) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES customers(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX invoices_customer ON invoices(customer_id, id);
CREATE INDEX invoices_status_due ON invoices(status, due_date);

CREATE TABLE payments (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	invoice_id BIGINT NOT NULL,
	amount_minor BIGINT NOT NULL,
	paid_on CHAR(10) NOT NULL,
	reference VARCHAR(200),
	created_by VARCHAR(64) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	CONSTRAINT payments_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE users (
	name VARCHAR(64) NOT NULL PRIMARY KEY,
	role VARCHAR(16) NOT NULL,
	token_sha256 CHAR(64) NOT NULL UNIQUE,
	updated_at VARCHAR(32) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE audit_log (
	id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at VARCHAR(32) NOT NULL,
	actor VARCHAR(64) NOT NULL,
	action VARCHAR(64) NOT NULL,
	entity VARCHAR(64) NOT NULL,
	entity_id VARCHAR(64),
	details TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX audit_entity ON audit_log(entity, entity_id);
