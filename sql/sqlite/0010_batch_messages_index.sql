-- A batch's messages by the batch alone: claiming a batch's rows, reading
-- them before the sends, marking them interrupted at a takeover and giving
-- back the unsent ones when it closes all ask by batch_id without the run
-- (the index reminder_messages_batch leads with run_id, so those scanned
-- every message of every run).
CREATE INDEX reminder_messages_in_batch ON reminder_messages(batch_id, state);
