-- Which bounces keep their address out of the reminders: a hard bounce
-- (5.x.x) at once, and the soft bounce (4.x.x) that is the
-- reminders.bounces.soft_limit-th in a row of the messages sent to the
-- address. Decided by the plugin when the bounce is read; the planning
-- looks at this column alone. Bounces read before it keep their meaning.
ALTER TABLE reminder_bounces ADD COLUMN suppresses TINYINT NOT NULL DEFAULT 0;
UPDATE reminder_bounces SET suppresses = permanent;
CREATE INDEX reminder_bounces_suppresses ON reminder_bounces(recipient, suppresses);
