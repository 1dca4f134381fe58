-- Requests of data subjects (Ley 1581 de 2012): a person proves they own the e-mail on record through a
-- link with a one-time token (only its hash is stored) and can then see their data or ask for deletion.

CREATE TABLE data_subject_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  -- the applicants the request is about, found by document number and e-mail together
  applicant_ids bigint[] NOT NULL CHECK (cardinality(applicant_ids) > 0),
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX data_subject_requests_expiry ON data_subject_requests (expires_at);
CREATE INDEX applicants_document ON applicants (document_number) WHERE anonymised_at IS NULL;
