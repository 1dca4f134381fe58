-- The hold an appointment was confirmed from, and the client session that held it: a confirmation
-- retried after its answer was lost (a cut connection, a crashed process, the back button) finds the
-- appointment it made instead of an expired hold, for that session or for whoever sends the same hold id
-- with the same person's data. Unique, so one hold makes at most one appointment. The session key is a
-- hash of the session's id, as on holds.
ALTER TABLE appointments ADD COLUMN hold_id uuid;
ALTER TABLE appointments ADD COLUMN session_key text;
CREATE UNIQUE INDEX appointments_hold_id ON appointments (hold_id) WHERE hold_id IS NOT NULL;
