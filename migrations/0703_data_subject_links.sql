-- The link of a data-subject request is the request id with an HMAC under SESSION_SECRET, derived when
-- the e-mail is sent: the token is stored nowhere, in this table or in the job that sends it. Links sent
-- before this change stop working (they lasted an hour).
ALTER TABLE data_subject_requests DROP COLUMN token_hash;
